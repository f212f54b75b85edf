import { type ApplicationDoc, agreementReminderMessage } from '@kehou/shared';
import { markingStaleAtEnd } from '@kehou/shared/bureau/server';
import { countWhere, type JobStep, updateManyAudited } from '@kehou/shared/cloud';
import { currentTemplate, notifyGuardiansOfMany } from '@kehou/shared/enrollment/server';

/** Applications fixed per step. */
export const FIX_BATCH = 100;

/**
 * One step of fixing the list: the next listed applications of the listing (by id, after the
 * cursor) not yet fixed become fixed in one conditional `where().update()`, after their guardians
 * are asked to sign. Redone after a kill, a batch fixes only what was left and asks again only
 * those not fixed yet. `done` is recounted (fixed applications of the listing), so it is right
 * whichever call did the work.
 * The last step marks the bureau's summary of the school out of date.
 */
export const fixListingStep: JobStep = markingStaleAtEnd(async (ctx, job) => {
  const listingId = String(job.params.listingId);
  const { data } = await ctx
    .collection('applications')
    .where({ listingId, status: 'listed', _id: ctx._.gt(job.cursor ?? '') })
    .orderBy('_id', 'asc')
    .limit(FIX_BATCH)
    .get();
  const batch = data as ApplicationDoc[];
  const toFix = batch.filter((a) => !a.listFixed);
  if (toFix.length) {
    const template = await currentTemplate(ctx, job.schoolId, job.termId ?? '');
    await notifyGuardiansOfMany(ctx, toFix, (app, touser) =>
      agreementReminderMessage({
        touser,
        childName: app.studentName,
        applicationId: app._id,
        note: template ? '名单已确定，请阅读并签署协议' : '名单已确定，协议发布后请签署',
      }),
    );
    await ctx.flushMessages(); // queued before the change: a step killed after it has told them already
    const ids = toFix.map((a) => a._id);
    await updateManyAudited(
      ctx,
      'applications',
      `${job._id}:${ids[0]}`,
      ids,
      { _id: ctx._.in(ids), listingId, status: 'listed', listFixed: false },
      { listFixed: true, revision: ctx._.inc(1), updatedAt: ctx.now().toISOString() },
      `名单确定，可以签署协议（${toFix.length} 份）`,
    );
  }
  const fixed = await countWhere(ctx, 'applications', { listingId, listFixed: true });
  const finished = batch.length < FIX_BATCH;
  return { cursor: batch.at(-1)?._id ?? job.cursor, doneNow: fixed, finished, ...(finished ? { total: fixed } : {}) };
});
