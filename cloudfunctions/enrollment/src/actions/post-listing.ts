import { type JobDoc, jobIdOf, type ListingDoc } from '@kehou/shared';
import {
  type ActionContext,
  AppError,
  advanceJob,
  countWhere,
  findOne,
  implement,
  invalidState,
  loadJob,
  newJob,
  txGet,
  writeAudited,
} from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { resolveTerm } from '@kehou/shared/enrollment/server';
import { type PostListingParams, postListingStep } from '../jobs/post-listing';

const DAY_MS = 24 * 3600_000;

/**
 * The school posts every approved application of the term to the public list (公示, 004 §三(六)):
 * masked names and classes, for the listing period the school chooses (1–15 days). After the
 * period the school fixes the list and parents sign.
 *
 * A job (`post-listing:<listingId>`): this call creates the listing and its job in one
 * transaction and does the first step; `advanceJob` does the rest (a small school is done at
 * once). A posting under way is answered, not started twice: a retry, a double tap or two
 * admins at once get the same listing.
 */
export const postListing = implement(enrollmentContract.actions.postListing, async (ctx, input) => {
  const term = await resolveTerm(ctx, input.schoolId, input.termId);
  if (!term) throw new AppError('INVALID_INPUT', '学期不正确');
  const running = await findOne<JobDoc>(ctx, 'jobs', { kind: 'post-listing', schoolId: input.schoolId, termId: term._id, state: 'running' });
  const job = running ?? (await createListing(ctx, input.schoolId, term._id, input.listingDays));
  const view = await advanceJob(ctx, job, postListingStep);
  const params = job.params as unknown as PostListingParams;
  return { listingId: params.listingId, count: view.done, listedUntil: params.listedUntil, job: view };
});

async function createListing(ctx: ActionContext, schoolId: string, termId: string, listingDays: number): Promise<JobDoc> {
  const total = await countWhere(ctx, 'applications', { schoolId, termId, status: 'approved' });
  if (!total) throw invalidState('没有待公示的报名');
  const now = ctx.now();
  const listedUntil = new Date(now.getTime() + listingDays * DAY_MS).toISOString();
  const posted = await countWhere(ctx, 'listings', { schoolId, termId });
  for (let attempt = 0; attempt < 5; attempt++) {
    const listingId = `${schoolId}:${termId}:L${posted + 1 + attempt}`;
    const listing: ListingDoc = {
      _id: listingId,
      schoolId,
      termId,
      postedAt: now.toISOString(),
      postedBy: ctx.caller.openid ?? '',
      listingDays,
      listedUntil,
      complete: false,
      count: 0,
    };
    const params: PostListingParams = { listingId, listedUntil, listingDays };
    const job = newJob(ctx, { kind: 'post-listing', scope: listingId, schoolId, termId, total, params: { ...params }, summary: '' });
    // The listing and its job, with the audit entry: one transaction; a listing that exists is another call's.
    const created = await writeAudited(ctx, async (t) => {
      if (await txGet(t, 'listings', listingId)) return { result: false, note: null };
      const { _id, ...listingData } = listing;
      await t
        .collection('listings')
        .doc(_id)
        .set({ data: { ...listingData } });
      const { _id: jobId, ...jobData } = job;
      await t
        .collection('jobs')
        .doc(jobId)
        .set({ data: { ...jobData } });
      return {
        result: true,
        note: { targets: [{ collection: 'listings' as const, id: listingId }], summary: `发布公示名单，${listingDays} 天，${total} 份报名` },
      };
    });
    if (created) return job;
    const other = await loadJob(ctx, jobIdOf('post-listing', listingId));
    if (other?.state === 'running') return other; // posted at the same moment by another call: the same job
  }
  throw new AppError('CONFLICT', '正在公示另一批名单，请稍后再试');
}
