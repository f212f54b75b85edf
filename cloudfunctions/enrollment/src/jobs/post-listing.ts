import { APPLICATION_STATUS_SHORT, type ApplicationDoc, chinaTime, enrollmentStatusMessage, type HistoryEntry, type JobDoc, transition } from '@kehou/shared';
import { markingStaleAtEnd } from '@kehou/shared/bureau/server';
import { type ActionContext, countWhere, invalidState, type JobStep, updateAudited, updateManyAudited } from '@kehou/shared/cloud';
import { notifyGuardiansOfMany } from '@kehou/shared/enrollment/server';

/** Applications listed per step (each step: ~8 round trips and one message per guardian). */
export const POST_BATCH = 100;

export interface PostListingParams {
  listingId: string;
  listedUntil: string;
  listingDays: number;
}

/**
 * One step of posting the list: the next approved applications of the term (by id, after the
 * cursor) become listed under this listing, in one conditional `where().update()`; their guardians
 * are told first (a step killed in between tells them again, never leaves one untold). An
 * application withdrawn meanwhile no longer matches and stays out. The last step writes the
 * listing's count.
 * The last step marks the bureau's summary of the school out of date.
 */
export const postListingStep: JobStep = markingStaleAtEnd(async (ctx, job) => {
  const { listingId, listedUntil } = job.params as unknown as PostListingParams;
  const { data } = await ctx
    .collection('applications')
    .where({ schoolId: job.schoolId, termId: job.termId, status: 'approved', _id: ctx._.gt(job.cursor ?? '') })
    .orderBy('_id', 'asc')
    .limit(POST_BATCH)
    .get();
  const batch = data as ApplicationDoc[];
  if (batch.length) {
    const moved = transition('approved', 'post-list');
    if (!moved.ok) throw invalidState(moved.message);
    const note = `公示至 ${chinaTime(new Date(listedUntil))}`;
    await notifyGuardiansOfMany(ctx, batch, (app, touser) =>
      enrollmentStatusMessage({
        touser,
        childName: app.studentName,
        status: APPLICATION_STATUS_SHORT.listed,
        note: `名单公示中，公示至${chinaTime(new Date(listedUntil)).slice(5)}`,
        at: ctx.now(),
        page: `parent/application/index?applicationId=${encodeURIComponent(app._id)}`,
      }),
    );
    await ctx.flushMessages(); // queued before the change: a step killed after it has told them already
    const now = ctx.now().toISOString();
    const entry: HistoryEntry = { at: now, status: moved.to, by: ctx.caller.openid ?? '', byName: ctx.caller.user?.name ?? '', note };
    const ids = batch.map((a) => a._id);
    await updateManyAudited(
      ctx,
      'applications',
      `${job._id}:${ids[0]}`,
      ids,
      { _id: ctx._.in(ids), status: 'approved' },
      { status: moved.to, listingId, listedUntil, listFixed: false, revision: ctx._.inc(1), updatedAt: now, history: ctx._.push([entry]) },
      `approved → listed：${note}（${batch.length} 份）`,
    );
  }
  const listed = await countWhere(ctx, 'applications', { listingId });
  const finished = batch.length < POST_BATCH;
  if (finished) await completeListing(ctx, job, listed);
  return { cursor: batch.at(-1)?._id ?? job.cursor, doneNow: listed, finished, ...(finished ? { total: listed } : {}) };
});

async function completeListing(ctx: ActionContext, job: JobDoc, count: number): Promise<void> {
  const { listingId, listingDays } = job.params as unknown as PostListingParams;
  await updateAudited(ctx, 'listings', listingId, { complete: false }, { complete: true, count }, `公示 ${count} 人，${listingDays} 天`);
}
