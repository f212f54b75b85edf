import { chinaTime, type JobDoc, jobIdOf } from '@kehou/shared';
import { type ActionContext, advanceJob, countWhere, implement, invalidState, isoNow, loadJob, newJob, txGet, writeAudited } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { fixListingStep } from '../jobs/fix-listing';

/**
 * 名单确定: once the listing period is over the school fixes the list; from then on the parents
 * of the listed children can sign the agreement. Not possible during the listing period, nor
 * while the list is still being posted.
 *
 * A job (`fix-listing:<listingId>`): the listing is marked fixed and its job created in one
 * transaction, then the first step runs; `advanceJob` fixes (and tells) the rest. Fixing again
 * answers the same job, and a job stopped part-way goes on from where it stopped.
 */
export const fixListing = implement(enrollmentContract.actions.fixListing, async (ctx, _input, { doc: listing }) => {
  const jobId = jobIdOf('fix-listing', listing._id);
  const fixedBefore = listing.fixedAt;
  if (!fixedBefore && ctx.now().getTime() < new Date(listing.listedUntil).getTime()) {
    throw invalidState(`公示期到 ${chinaTime(new Date(listing.listedUntil))} 结束，结束后才能确定名单`);
  }
  if (listing.complete === false) throw invalidState('名单还在公示发布中，请等发布完成后再确定名单');

  let job = fixedBefore ? await loadJob(ctx, jobId) : null;
  if (!job) {
    const total = await countWhere(ctx, 'applications', { listingId: listing._id, status: 'listed' });
    const draft = newJob(ctx, {
      kind: 'fix-listing',
      scope: listing._id,
      schoolId: listing.schoolId,
      termId: listing.termId,
      total,
      params: { listingId: listing._id },
      summary: '',
    });
    const fixedAt = isoNow(ctx);
    // The listing fixed and its job, with the audit entry: one transaction.
    job = await writeAudited(ctx, async (t) => {
      const current = await txGet<{ fixedAt?: string }>(t, 'listings', listing._id);
      const existing = await txGet<JobDoc>(t, 'jobs', jobId);
      if (existing) return { result: { ...existing, _id: jobId }, note: null };
      if (!current?.fixedAt) {
        await t
          .collection('listings')
          .doc(listing._id)
          .update({ data: { fixedAt, fixedBy: ctx.caller.openid } });
      }
      const { _id, ...data } = draft;
      await t
        .collection('jobs')
        .doc(_id)
        .set({ data: { ...data } });
      return { result: draft, note: { targets: [{ collection: 'listings' as const, id: listing._id }], summary: `名单确定，${total} 份报名` } };
    });
  }
  const view = await advanceJob(ctx, job as JobDoc, fixListingStep);
  const fixedAt = fixedBefore ?? (await loadFixedAt(ctx, listing._id)) ?? isoNow(ctx);
  return { listingId: listing._id, fixedAt, count: fixedBefore ? 0 : view.done, job: view };
});

async function loadFixedAt(ctx: ActionContext, listingId: string): Promise<string | undefined> {
  const { data } = await ctx.collection('listings').where({ _id: listingId }).field({ fixedAt: true }).limit(1).get();
  return (data[0] as { fixedAt?: string } | undefined)?.fixedAt;
}
