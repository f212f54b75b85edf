import { emptyInput, defineAction, forbidden, getAll, notFound, type ActionContext } from '@kehou/shared/cloud';
import type { School, Term } from '@kehou/shared';
import {
  checkServicePlan,
  chinaDate,
  diffPlanContent,
  filingDeadlineInfo,
  planRefSchema,
  type PlanRecord,
  type PlanVersion,
  type QueueItem,
  type ReviewView,
  type VersionSummary,
} from '@kehou/shared/disclosure';
import { loadPlan, loadSchoolTerm, loadVersions, profileOf, requireReviewer, versionIdOf } from './load';
import { firstFiledOn } from './plan-editor';

const STATUS_ORDER: Record<string, number> = { submitted: 0, returned: 1, approved: 2, published: 3, draft: 4 };

/** The bureau's queue: every filed plan of its schools, those waiting for review first. */
export const reviewQueue = defineAction({
  input: emptyInput,
  handler: async (ctx): Promise<{ bureauIds: string[]; items: QueueItem[] }> => {
    ctx.caller.requireSignedIn();
    const bureauIds = ctx.caller.roles('bureau').map((r) => r.bureauId);
    if (!bureauIds.length) throw forbidden('只有教育局审核员可以查看备案队列');
    const schools = await getAll<School>(ctx.collection('schools').where({ bureauId: ctx._.in(bureauIds) }));
    if (!schools.length) return { bureauIds, items: [] };
    const plans = await getAll<PlanRecord>(
      ctx.collection('plans').where({ schoolId: ctx._.in(schools.map((s) => s._id)), submissions: ctx._.gt(0) }),
    );
    if (!plans.length) return { bureauIds, items: [] };
    const [terms, latest, first] = await Promise.all([
      getAll<Term>(ctx.collection('terms').where({ _id: ctx._.in([...new Set(plans.map((p) => p.termId))]) })),
      versionsById(ctx, plans.map((p) => versionIdOf(p._id, p.submissions))),
      versionsById(ctx, plans.map((p) => versionIdOf(p._id, 1))),
    ]);
    const today = chinaDate(ctx.now());
    const items = plans.flatMap((plan): QueueItem[] => {
      const school = schools.find((s) => s._id === plan.schoolId);
      const term = terms.find((t) => t._id === plan.termId);
      if (!school || !term) return [];
      const firstVersion = first.get(versionIdOf(plan._id, 1));
      return [
        {
          schoolId: school._id,
          schoolName: school.name,
          termId: term._id,
          termName: term.name,
          status: plan.status,
          submissions: plan.submissions,
          submittedAt: latest.get(versionIdOf(plan._id, plan.submissions))?.submittedAt ?? null,
          deadline: filingDeadlineInfo(profileOf(school), term.startDate, today, firstFiledOn(plan, firstVersion ? [firstVersion] : [])),
        },
      ];
    });
    items.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || String(b.submittedAt).localeCompare(String(a.submittedAt)));
    return { bureauIds, items };
  },
});

async function versionsById(ctx: ActionContext, ids: string[]): Promise<Map<string, PlanVersion>> {
  const versions = await getAll<PlanVersion>(ctx.collection('planVersions').where({ _id: ctx._.in([...new Set(ids)]) }));
  return new Map(versions.map((v) => [v._id, v]));
}

export const summarize = (v: PlanVersion): VersionSummary => ({
  number: v.number,
  submittedAt: v.submittedAt,
  decision: v.decision,
  decidedAt: v.decidedAt,
  comments: v.comments,
});

/** A submitted version without who submitted and decided it (openids of the school's admin and of reviewers). */
function withoutOpenids({ submittedBy: _s, decidedBy: _d, ...version }: PlanVersion): Omit<PlanVersion, 'submittedBy' | 'decidedBy'> {
  return version;
}

/** One filing as the reviewer sees it: the latest version, its problems, what changed, the attachments. */
export const reviewDetail = defineAction({
  input: planRefSchema,
  handler: async (ctx, { schoolId, termId }): Promise<ReviewView> => {
    const st = await loadSchoolTerm(ctx, schoolId, termId);
    requireReviewer(ctx, st.school);
    const [plan, versions] = await Promise.all([loadPlan(ctx, st.planId), loadVersions(ctx, st.planId)]);
    if (!plan || !versions.length) throw notFound('该学期的备案');
    const version = versions[versions.length - 1];
    const previous = versions[versions.length - 2];
    const labels = new Map((st.profile.filing?.documents ?? []).map((d) => [d.key, d.label]));
    return {
      school: { schoolId, name: st.school.name, profileId: st.school.profileId },
      term: { termId, name: st.term.name, startDate: st.term.startDate },
      status: plan.status,
      version: withoutOpenids(version),
      issues: checkServicePlan(st.profile, version.content, st.term),
      changesFromPrevious: previous ? diffPlanContent(previous.content, version.content) : null,
      attachments: await attachmentLinks(ctx, version.content.attachments, labels),
      versions: versions.map(summarize),
      deadline: filingDeadlineInfo(st.profile, st.term.startDate, chinaDate(ctx.now()), firstFiledOn(plan, versions)),
    };
  },
});

async function attachmentLinks(ctx: ActionContext, attachments: PlanVersion['content']['attachments'], labels: Map<string, string>) {
  if (!attachments.length) return [];
  const { fileList } = await ctx.cloud.getTempFileURL({ fileList: attachments.map((a) => a.fileId) });
  const urls = new Map(fileList.map((f) => [f.fileID, f.tempFileURL]));
  return attachments.map((a) => ({ key: a.key, label: labels.get(a.key) ?? a.key, name: a.name, url: urls.get(a.fileId) ?? '' }));
}
