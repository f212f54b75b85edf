import { implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { moveApplication, notifyStatus, requireRevision } from '@kehou/shared/enrollment/server';

/**
 * The class teacher's first review (班级初审) passes the application on to the school's review.
 * (Sending it back for correction is returnApplication; there is no refusal: the basic care
 * service never turns a child away.)
 */
export const passFirstReview = implement(enrollmentContract.actions.passFirstReview, async (ctx, input, { doc: app }) => {
  requireRevision(app, input.revision);
  const updated = await moveApplication(ctx, app, 'teacher-pass', { note: '班主任审核通过' });
  await notifyStatus(ctx, updated, '班主任已审核，等待学校审核');
  return { applicationId: updated._id, status: updated.status, revision: updated.revision };
});
