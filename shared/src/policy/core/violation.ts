import type { Citation } from './citation';

/** Rule ids of the conformance scenario format (shared/conformance/README.md), plus one engine id. */
export const RULE_IDS = [
  'fees.plan-not-approved',
  'fees.markup-too-high',
  'schedule.not-school-day',
  'schedule.start-time',
  'schedule.end-too-early',
  'schedule.end-too-late',
  'schedule.exercise-too-short',
  'content.subject-teaching',
  'content.competition-training',
  'content.commercial',
  'content.homework-assigned',
  'provider.blacklisted',
  'provider.not-vetted',
  'provider.for-profit',
  'budget.external-share',
  'budget.per-student',
  // Not in the scenario table: the profile's document sets no refund method (see refunds/).
  'refund.no-method',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface Violation {
  readonly ruleId: RuleId;
  /** Plain Chinese for a school admin. */
  readonly message: string;
  readonly citation: Citation;
  /** Which part of the input breaks the rule, e.g. `activities[1].provider`. */
  readonly path?: string;
}

export function violation(ruleId: RuleId, message: string, citation: Citation, path?: string): Violation {
  return path === undefined ? { ruleId, message, citation } : { ruleId, message, citation, path };
}

/** The rule ids broken, each once, in first-seen order. */
export function brokenRuleIds(violations: readonly Violation[]): RuleId[] {
  return [...new Set(violations.map((v) => v.ruleId))];
}
