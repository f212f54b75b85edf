import { type ApplicationDoc, agreementReminderMessage } from '@kehou/shared';
import type { JobStep } from '@kehou/shared/cloud';
import { notifyGuardiansOfMany } from '@kehou/shared/enrollment/server';

/** Applications read per step. */
export const TEMPLATE_BATCH = 100;

/** Enrolled children whose families a new version concerns: to sign for the first time (list fixed) or again. */
const ENROLLED = ['listed', 'signed', 'active'];

/**
 * One step of telling families about a new agreement version: the next enrolled applications of
 * the term (by id, after the cursor); those who signed an earlier version are asked to sign again
 * (counted in `needResign`), those whose list is fixed and who have not signed are asked to sign.
 * A batch redone after a kill asks the same families again (never leaves one out).
 */
export const publishTemplateStep: JobStep = async (ctx, job) => {
  const version = Number(job.params.version);
  const { data } = await ctx
    .collection('applications')
    .where({ schoolId: job.schoolId, termId: job.termId, status: ctx._.in(ENROLLED), _id: ctx._.gt(job.cursor ?? '') })
    .orderBy('_id', 'asc')
    .limit(TEMPLATE_BATCH)
    .get();
  const batch = data as ApplicationDoc[];
  const resign = (app: ApplicationDoc) => (app.signedVersion ?? 0) > 0 && (app.status === 'signed' || app.status === 'active');
  const told = batch.filter((app) => resign(app) || (app.status === 'listed' && app.listFixed));
  await notifyGuardiansOfMany(ctx, told, (app, touser) =>
    agreementReminderMessage({
      touser,
      childName: app.studentName,
      applicationId: app._id,
      note: resign(app) ? `协议已更新为第${version}版，请重新签署` : '协议已发布，请阅读并签署',
    }),
  );
  return {
    cursor: batch.at(-1)?._id ?? job.cursor,
    done: batch.length,
    add: { needResign: batch.filter(resign).length, told: told.length },
    finished: batch.length < TEMPLATE_BATCH,
  };
};
