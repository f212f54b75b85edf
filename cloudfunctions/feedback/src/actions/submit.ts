import { createHash } from 'node:crypto';
import { addAudited, defineAction } from '@kehou/shared/cloud';
import { submitFeedbackInput, toFeedbackView, type FeedbackDoc } from '@kehou/shared';
import { loadFeedback, requireGuardianOf } from './access';

/** A parent sends feedback about their child's school to its parent committee. */
export const submit = defineAction({
  input: submitFeedbackInput,
  handler: async (ctx, input) => {
    const { guardianship, student, classGroup } = await requireGuardianOf(ctx, input.studentId);
    const doc: FeedbackDoc = {
      _id: feedbackId(guardianship.openid, input.requestId),
      schoolId: student.schoolId,
      studentId: student._id,
      className: classGroup.name,
      authorOpenid: guardianship.openid,
      signedAs: input.signName ? guardianship.guardianName : null,
      topic: input.topic,
      text: input.text,
      status: 'open',
      answer: null,
      createdAt: ctx.now().toISOString(),
      revision: 0,
    };
    // A retry or a double tap: the first submission stands.
    if (!(await addAudited(ctx, 'feedback', doc, '家长提交意见'))) return toFeedbackView(await loadFeedback(ctx, doc._id));
    return toFeedbackView(doc);
  },
});

/** Natural key of a submission, hashed so that the id shown to the committee reveals no openid. */
function feedbackId(openid: string, requestId: string): string {
  return 'fb-' + createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 32);
}
