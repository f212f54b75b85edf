import { sha256 } from '../../agreement/sha256';
import type { EditableSection } from '../../agreement/types';
import { type ActionContext, AppError, findOne } from '../../cloud';
import type { School } from '../../domain/people';
import { getProfile, rulesAdoptionGate } from '../../policy';
import type { RulesAdopter } from '../../policy/profiles/types';
import { type ManagementRulesDoc, rulesText } from '../rules';

export const rulesHashOf = (sections: Record<EditableSection, string>) => sha256(rulesText(sections));

/** The version of the school's management rules with exactly this text, if one was proposed. */
export const rulesVersionWithText = (ctx: ActionContext, schoolId: string, sections: Record<EditableSection, string>) =>
  findOne<ManagementRulesDoc>(ctx, 'managementRules', { schoolId, textHash: rulesHashOf(sections) });

/**
 * Refuses (INVALID_STATE, with the clause) to publish an agreement whose management rules the
 * bodies the school's profile names have not adopted in exactly this text. One read; nothing under
 * a profile that asks no adoption. Returns the version of the rules the agreement states.
 */
export async function assertRulesAdopted(ctx: ActionContext, school: School, sections: Record<EditableSection, string>): Promise<number | null> {
  const profile = getProfile(school.profileId);
  if (!profile?.managementRules) return null;
  const version = await rulesVersionWithText(ctx, school._id, sections);
  const violation = rulesAdoptionGate(profile, Object.keys(version?.adoptions ?? {}) as RulesAdopter[]);
  if (violation) {
    const how = version ? `（第 ${version.version} 版）` : '：请先在“管理制度”中提交这份文本';
    throw new AppError('INVALID_STATE', `${violation.message}${how}（${violation.citation.doc} ${violation.citation.section}）`, { violation });
  }
  return version?.version ?? null;
}
