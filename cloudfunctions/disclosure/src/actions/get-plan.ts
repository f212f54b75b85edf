import { implement } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { chargeability, checkServicePlan, chinaDate, emptyPlanContent, feeSettingsFor, filingDeadlineInfo, type PlanRecord } from '@kehou/shared/disclosure';
import { loadPlan, loadPublications, loadTermOf, loadVersions } from '../lib/load';
import { firstFiledOn } from '../lib/plans';

/** The plan editor: the plan (or an empty one), its problems, the deadline and the history. */
export const getPlan = implement(disclosureContract.actions.getPlan, async (ctx, { schoolId, termId }, { doc: school }) => {
  const st = await loadTermOf(ctx, school, termId);
  const { term, profile } = st;
  const [plan, versions, publications] = await Promise.all([loadPlan(ctx, st.planId), loadVersions(ctx, st.planId), loadPublications(ctx, schoolId, termId)]);
  const content = plan?.content ?? emptyPlanContent(school.stages);
  const latest = versions[versions.length - 1];
  return {
    school: { schoolId, name: school.name, profileId: school.profileId, stages: school.stages, bureauName: school.bureauName },
    term: { termId, name: term.name, startDate: term.startDate, endDate: term.endDate },
    plan: plan ? withoutEditor(plan) : null,
    content,
    issues: checkServicePlan(profile, content, term),
    deadline: filingDeadlineInfo(profile, term.startDate, chinaDate(ctx.now()), firstFiledOn(plan, versions)),
    feeSettings: feeSettingsFor(profile, term.startDate),
    filingDocuments: (profile.filing?.documents ?? []).map((d) => ({
      key: d.key,
      label: d.label,
      citation: d.citation,
      whenExternalProviders: !!d.whenExternalProviders,
    })),
    latestVersion: latest
      ? { number: latest.number, submittedAt: latest.submittedAt, decision: latest.decision, decidedAt: latest.decidedAt, comments: latest.comments }
      : null,
    publications: publications.map((p) => ({ version: p.version, publishedAt: p.publishedAt, current: p.current, filedVersion: p.filedVersion })),
    chargeable: (({ chargeable, reason }) => ({ chargeable, reason }))(chargeability(plan)),
  };
});

/** The plan as the editor shows it: not who saved it last (another admin's openid). */
function withoutEditor({ updatedBy: _by, ...plan }: PlanRecord): Omit<PlanRecord, 'updatedBy'> {
  return plan;
}
