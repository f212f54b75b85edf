import { type ApplicationDoc, chinaTime, type ListingDoc } from '@kehou/shared';
import { AppError, addAudited, countWhere, getAll, implement, invalidState, updateAudited } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { moveApplication, notifyStatus, resolveTerm } from '@kehou/shared/enrollment/server';

const DAY_MS = 24 * 3600_000;

/**
 * The school posts every approved application of the term to the public list (公示, 004 §三(六)):
 * masked names and classes, for the listing period the school chooses (0–15 days; 0 lets the
 * school fix the list at once). After the period the school fixes the list and parents sign.
 */
export const postListing = implement(enrollmentContract.actions.postListing, async (ctx, input) => {
  const term = await resolveTerm(ctx, input.schoolId, input.termId);
  if (!term) throw new AppError('INVALID_INPUT', '学期不正确');
  const approved = await getAll<ApplicationDoc>(ctx.collection('applications').where({ schoolId: input.schoolId, termId: term._id, status: 'approved' }));
  if (!approved.length) throw invalidState('没有待公示的报名');

  const now = ctx.now();
  const listedUntil = new Date(now.getTime() + input.listingDays * DAY_MS).toISOString();
  let listing: ListingDoc | null = null;
  for (let attempt = 0; attempt < 5 && !listing; attempt++) {
    const n = (await countWhere(ctx, 'listings', { schoolId: input.schoolId, termId: term._id })) + 1 + attempt;
    const candidate: ListingDoc = {
      _id: `${input.schoolId}:${term._id}:L${n}`,
      schoolId: input.schoolId,
      termId: term._id,
      postedAt: now.toISOString(),
      postedBy: ctx.caller.openid ?? '',
      listingDays: input.listingDays,
      listedUntil,
      applicationIds: [],
    };
    if (await addAudited(ctx, 'listings', candidate, `发布公示名单，${input.listingDays} 天`)) listing = candidate;
  }
  if (!listing) throw new AppError('CONFLICT', '正在公示另一批名单，请稍后再试');

  const listed: string[] = [];
  for (const app of approved) {
    try {
      const updated = await moveApplication(ctx, app, 'post-list', {
        set: { listingId: listing._id, listedUntil, listFixed: false },
        note: `公示至 ${chinaTime(new Date(listedUntil))}`,
      });
      listed.push(updated._id);
      await notifyStatus(ctx, updated, `名单公示中，公示至${chinaTime(new Date(listedUntil)).slice(5)}`);
    } catch (error) {
      // Changed by someone else meanwhile (e.g. a withdrawal): it stays for the next posting.
      if (!(error instanceof AppError)) throw error;
    }
  }
  await updateAudited(ctx, 'listings', listing._id, {}, { applicationIds: listed }, `公示 ${listed.length} 人，${input.listingDays} 天`);
  return { listingId: listing._id, count: listed.length, listedUntil };
});
