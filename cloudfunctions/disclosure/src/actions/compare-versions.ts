import { forbidden, implement, notFound } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { diffPlanContent } from '@kehou/shared/disclosure';
import { loadPlan, loadTermOf, loadVersions } from '../lib/load';

/** What changed between two submitted versions, or from a submitted version to the draft (the admin only: the bureau sees what was filed). */
export const compareVersions = implement(disclosureContract.actions.compareVersions, async (ctx, { termId, from, to }, { as, doc: school }) => {
  if (to === 'draft' && !as.includes('admin')) throw forbidden('草稿只有本校管理员可以查看');
  const st = await loadTermOf(ctx, school, termId);
  const versions = await loadVersions(ctx, st.planId);
  const before = versions.find((v) => v.number === from);
  if (!before) throw notFound(`第 ${from} 版`);
  const after = to === 'draft' ? (await loadPlan(ctx, st.planId))?.content : versions.find((v) => v.number === to)?.content;
  if (!after) throw notFound(to === 'draft' ? '草稿' : `第 ${to} 版`);
  return { changes: diffPlanContent(before.content, after) };
});
