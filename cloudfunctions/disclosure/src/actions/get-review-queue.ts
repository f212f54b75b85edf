import type { School, Term } from '@kehou/shared';
import { type ActionContext, getAll, implement } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { chinaDate, filingDeadlineInfo, type PlanRecord, type PlanVersion, type QueueItem } from '@kehou/shared/disclosure';
import { profileOf, versionIdOf } from '../lib/load';
import { firstFiledOn } from '../lib/plans';

const STATUS_ORDER: Record<string, number> = { submitted: 0, returned: 1, approved: 2, published: 3, draft: 4 };

/**
 * The bureau's queue: every filed plan of the schools of the bureaus the caller reviews for (from
 * their roles, never from the input), those waiting for review first.
 */
export const getReviewQueue = implement(disclosureContract.actions.getReviewQueue, async (ctx) => {
  const bureauIds = ctx.caller.roles('bureau').map((r) => r.bureauId);
  const schools = await getAll<School>(ctx.collection('schools').where({ bureauId: ctx._.in(bureauIds) }));
  if (!schools.length) return { bureauIds, items: [] };
  const plans = await getAll<PlanRecord>(ctx.collection('plans').where({ schoolId: ctx._.in(schools.map((s) => s._id)), submissions: ctx._.gt(0) }));
  if (!plans.length) return { bureauIds, items: [] };
  const [terms, latest, first] = await Promise.all([
    getAll<Term>(ctx.collection('terms').where({ _id: ctx._.in([...new Set(plans.map((p) => p.termId))]) })),
    versionsById(
      ctx,
      plans.map((p) => versionIdOf(p._id, p.submissions)),
    ),
    versionsById(
      ctx,
      plans.map((p) => versionIdOf(p._id, 1)),
    ),
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
});

async function versionsById(ctx: ActionContext, ids: string[]): Promise<Map<string, PlanVersion>> {
  const versions = await getAll<PlanVersion>(ctx.collection('planVersions').where({ _id: ctx._.in([...new Set(ids)]) }));
  return new Map(versions.map((v) => [v._id, v]));
}
