import { implement } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { loadPlan, loadPublications, loadTermOf, loadVersions } from '../lib/load';
import { summarize } from '../lib/plans';

/** Every submitted version with its decision, and every publication: for the school and its bureau. */
export const getPlanHistory = implement(disclosureContract.actions.getPlanHistory, async (ctx, { schoolId, termId }, { doc: school }) => {
  const st = await loadTermOf(ctx, school, termId);
  const [plan, versions, publications] = await Promise.all([loadPlan(ctx, st.planId), loadVersions(ctx, st.planId), loadPublications(ctx, schoolId, termId)]);
  return {
    schoolName: school.name,
    termName: st.term.name,
    status: plan?.status ?? null,
    versions: versions.map(summarize),
    publications: publications.map((p) => ({ version: p.version, publishedAt: p.publishedAt, current: p.current, filedVersion: p.filedVersion })),
  };
});
