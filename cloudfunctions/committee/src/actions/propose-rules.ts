import { addAudited, conflict, implement, isoNow } from '@kehou/shared/cloud';
import type { ManagementRulesDoc } from '@kehou/shared/committee';
import { rulesIdOf } from '@kehou/shared/committee';
import { rulesHashOf, rulesVersionWithText } from '@kehou/shared/committee/server';
import { committeeContract } from '@kehou/shared/contracts';
import { rulesOverview, rulesVersions } from '../lib/rules';

/**
 * The school proposes a version of its management rules (the rights and duties its agreement
 * states). A text already proposed is that version again (a retry creates nothing); a new text is
 * the next version, whose number is its id, so two proposals at once cannot both take it.
 */
export const proposeRules = implement(committeeContract.actions.proposeRules, async (ctx, input, { doc: school }) => {
  if (!(await rulesVersionWithText(ctx, school._id, input.sections))) {
    const [latest] = (await ctx.collection('managementRules').where({ schoolId: school._id }).orderBy('version', 'desc').limit(1).get())
      .data as ManagementRulesDoc[];
    const version = (latest?.version ?? 0) + 1;
    const doc: ManagementRulesDoc = {
      _id: rulesIdOf(school._id, version),
      schoolId: school._id,
      version,
      sections: input.sections,
      textHash: rulesHashOf(input.sections),
      proposedAt: isoNow(ctx),
      adoptions: {},
    };
    if (!(await addAudited(ctx, 'managementRules', doc, `学校提交管理制度第 ${version} 版`))) throw conflict('刚刚有人提交了新的版本，请刷新后再试');
  }
  return rulesOverview(school, await rulesVersions(ctx, school._id));
});
