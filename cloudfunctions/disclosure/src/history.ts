import { defineAction, forbidden, notFound } from '@kehou/shared/cloud';
import { compareSchema, diffPlanContent, planRefSchema, type PlanChange } from '@kehou/shared/disclosure';
import { loadPlan, loadPublications, loadSchoolTerm, loadVersions, requireAdminOrReviewer } from './load';
import { summarize } from './review';

/** Every submitted version with its decision, and every publication: for the school and its bureau. */
export const planHistory = defineAction({
  input: planRefSchema,
  handler: async (ctx, { schoolId, termId }) => {
    const st = await loadSchoolTerm(ctx, schoolId, termId);
    requireAdminOrReviewer(ctx, st.school);
    const [plan, versions, publications] = await Promise.all([
      loadPlan(ctx, st.planId),
      loadVersions(ctx, st.planId),
      loadPublications(ctx, schoolId, termId),
    ]);
    return {
      schoolName: st.school.name,
      termName: st.term.name,
      status: plan?.status ?? null,
      versions: versions.map(summarize),
      publications: publications.map((p) => ({ version: p.version, publishedAt: p.publishedAt, current: p.current, filedVersion: p.filedVersion })),
    };
  },
});

/** What changed between two submitted versions, or from a submitted version to the draft (admin only). */
export const compareVersions = defineAction({
  input: compareSchema,
  handler: async (ctx, { schoolId, termId, from, to }): Promise<{ changes: PlanChange[] }> => {
    const st = await loadSchoolTerm(ctx, schoolId, termId);
    requireAdminOrReviewer(ctx, st.school);
    if (to === 'draft' && !ctx.caller.isAdminOf(schoolId)) throw forbidden('草稿只有本校管理员可以查看');
    const versions = await loadVersions(ctx, st.planId);
    const before = versions.find((v) => v.number === from);
    if (!before) throw notFound(`第 ${from} 版`);
    let after;
    if (to === 'draft') {
      after = (await loadPlan(ctx, st.planId))?.content;
    } else {
      after = versions.find((v) => v.number === to)?.content;
    }
    if (!after) throw notFound(to === 'draft' ? '草稿' : `第 ${to} 版`);
    return { changes: diffPlanContent(before.content, after) };
  },
});
