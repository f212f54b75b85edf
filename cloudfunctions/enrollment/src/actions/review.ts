import { defineAction } from '@kehou/shared/cloud';
import { reviewInput } from '@kehou/shared/enrollment/schemas';
import { applicationForStaff, moveApplication, requireRevision, notifyStatus } from '@kehou/shared/enrollment/server';

/**
 * The class teacher's first review (班级初审): pass to the school, or send back for correction
 * with a reason. There is no refusal: the basic care service never turns a child away.
 */
export const review = defineAction({
  input: reviewInput,
  handler: async (ctx, input) => {
    const app = await applicationForStaff(ctx, input.applicationId, ['teacher']);
    requireRevision(app, input.revision);
    const updated =
      input.decision === 'pass'
        ? await moveApplication(ctx, app, 'teacher-pass', { note: '班主任审核通过' })
        : await moveApplication(ctx, app, 'teacher-return', { set: { returnReason: input.reason }, note: input.reason });
    await notifyStatus(ctx, updated, input.decision === 'pass' ? '班主任已审核，等待学校审核' : `请修改：${input.reason}`);
    return { applicationId: updated._id, status: updated.status, revision: updated.revision };
  },
});
