import type { School } from '@kehou/shared';
import { EDITABLE_SECTIONS, SECTION_HEADINGS } from '@kehou/shared';
import { type ActionContext, getAll } from '@kehou/shared/cloud';
import type { ManagementRulesDoc, RulesOverview, RulesVersionView } from '@kehou/shared/committee';
import { getProfile, RULES_ADOPTER_LABELS, type RulesAdopter } from '@kehou/shared/policy';

/** Every version of the school's management rules, newest first. */
export const rulesVersions = (ctx: ActionContext, schoolId: string) =>
  getAll<ManagementRulesDoc>(ctx.collection('managementRules').where({ schoolId }).orderBy('version', 'desc'));

export function rulesOverview(school: School, docs: ManagementRulesDoc[]): RulesOverview {
  const rule = getProfile(school.profileId)?.managementRules ?? null;
  const required = (rule?.adoptedBy ?? []) as RulesAdopter[];
  const versions = docs.map(
    (doc): RulesVersionView => ({
      version: doc.version,
      proposedAt: doc.proposedAt,
      sections: EDITABLE_SECTIONS.map((key) => ({ key, heading: SECTION_HEADINGS[key], body: doc.sections[key] })),
      adoptions: (Object.entries(doc.adoptions) as [RulesAdopter, NonNullable<ManagementRulesDoc['adoptions'][RulesAdopter]>][]).map(([by, a]) => ({
        by,
        label: RULES_ADOPTER_LABELS[by],
        date: a.date,
        note: a.note,
      })),
      adopted: required.length > 0 ? required.every((by) => doc.adoptions[by]) : Object.keys(doc.adoptions).length > 0,
    }),
  );
  return {
    schoolName: school.name,
    required: required.map((by) => ({ by, label: RULES_ADOPTER_LABELS[by] })),
    citation: rule?.citation ?? null,
    versions,
  };
}
