import type { Violation } from '../core/violation';
import type { PolicyProfile, RulesAdopter } from '../profiles/types';

export const RULES_ADOPTER_LABELS: Record<RulesAdopter, string> = {
  'parent-committee': '家长委员会',
  'staff-congress': '教师代表大会',
};

/**
 * May the agreement stating these management rules be published? Under a profile that asks the
 * rules to be adopted (suifenhe 004 §四(三)3: 经教师代表大会和家长委员会通过后实施), only when
 * every body it names has adopted exactly this text. `adoptedBy`: the bodies that adopted the
 * version whose text is the one to publish (empty: no such version).
 */
export function rulesAdoptionGate(profile: PolicyProfile, adoptedBy: readonly RulesAdopter[]): Violation | null {
  const rule = profile.managementRules;
  if (!rule) return null;
  const missing = rule.adoptedBy.filter((body) => !adoptedBy.includes(body));
  if (!missing.length) return null;
  return {
    ruleId: 'rules.not-adopted',
    message: `管理制度须经${rule.adoptedBy.map((b) => RULES_ADOPTER_LABELS[b]).join('和')}通过后实施：这份协议中的管理制度还没有经${missing.map((b) => RULES_ADOPTER_LABELS[b]).join('、')}通过`,
    citation: rule.citation,
  };
}
