import { type ActionContext, implement, notFound } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { checkServicePlan, chinaDate, diffPlanContent, filingDeadlineInfo, type PlanVersion, publicationFees } from '@kehou/shared/disclosure';
import { loadPlan, loadTermOf, loadVersions } from '../lib/load';
import { firstFiledOn, summarize } from '../lib/plans';

/** One filing as the reviewer sees it: the latest version, its problems, what changed, the attachments. */
export const getReviewDetail = implement(disclosureContract.actions.getReviewDetail, async (ctx, { schoolId, termId }, { doc: school }) => {
  const st = await loadTermOf(ctx, school, termId);
  const [plan, versions] = await Promise.all([loadPlan(ctx, st.planId), loadVersions(ctx, st.planId)]);
  if (!plan || !versions.length) throw notFound('该学期的备案');
  const version = versions[versions.length - 1];
  const previous = versions[versions.length - 2];
  const labels = new Map((st.profile.filing?.documents ?? []).map((d) => [d.key, d.label]));
  return {
    school: { schoolId, name: school.name, profileId: school.profileId },
    term: { termId, name: st.term.name, startDate: st.term.startDate },
    status: plan.status,
    version: withoutOpenids(version),
    // The fee standard and refund method as the public page will show them once published.
    fees: publicationFees(st.profile, version.content.feeSettings, st.term.startDate),
    issues: checkServicePlan(st.profile, version.content, st.term),
    changesFromPrevious: previous ? diffPlanContent(previous.content, version.content) : null,
    attachments: await attachmentLinks(ctx, version.content.attachments, labels),
    versions: versions.map(summarize),
    deadline: filingDeadlineInfo(st.profile, st.term.startDate, chinaDate(ctx.now()), firstFiledOn(plan, versions)),
  };
});

/** A submitted version without who submitted and decided it (openids of the school's admin and of reviewers). */
function withoutOpenids({ submittedBy: _s, decidedBy: _d, ...version }: PlanVersion): Omit<PlanVersion, 'submittedBy' | 'decidedBy'> {
  return version;
}

async function attachmentLinks(ctx: ActionContext, attachments: PlanVersion['content']['attachments'], labels: Map<string, string>) {
  if (!attachments.length) return [];
  const { fileList } = await ctx.cloud.getTempFileURL({ fileList: attachments.map((a) => a.fileId) });
  const urls = new Map(fileList.map((f) => [f.fileID, f.tempFileURL]));
  return attachments.map((a) => ({ key: a.key, label: labels.get(a.key) ?? a.key, name: a.name, url: urls.get(a.fileId) ?? '' }));
}
