import { implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { moveApplication, notifyStatus, requireRevision } from '@kehou/shared/enrollment/server';

/**
 * Sends an application back to the family for correction, saying what to change: the class
 * teacher at the first review (班级初审), the school's admin at the school's review (学校审核).
 * Which review it is follows from the caller's role, and from the application's status for someone
 * who is both; the state machine refuses a review that is not due.
 */
export const returnApplication = implement(enrollmentContract.actions.returnApplication, async (ctx, input, { as, doc: app }) => {
  requireRevision(app, input.revision);
  const asTeacher = as.includes('teacher') && (app.status === 'submitted' || !as.includes('admin'));
  const updated = await moveApplication(ctx, app, asTeacher ? 'teacher-return' : 'school-return', { set: { returnReason: input.reason }, note: input.reason });
  await notifyStatus(ctx, updated, `请修改：${input.reason}`);
  return { applicationId: updated._id, status: updated.status, revision: updated.revision };
});
