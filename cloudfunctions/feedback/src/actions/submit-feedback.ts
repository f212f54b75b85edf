import { type ClassGroup, type FeedbackDoc, type GuardianshipRecord, toFeedbackView } from '@kehou/shared';
import { addAudited, checkWrittenText, findById, implement, notFound } from '@kehou/shared/cloud';
import { feedbackContract } from '@kehou/shared/contracts';
import { feedbackIdOf } from '../lib/feedback-id';

/**
 * A confirmed guardian of the child sends feedback about the child's school to its parent
 * committee. Once per form: the id comes from the author and the form's request id, so a retry or
 * a double tap answers with the first submission.
 */
export const submitFeedback = implement(feedbackContract.actions.submitFeedback, async (ctx, input, { doc: student }) => {
  const openid = ctx.caller.requireSignedIn();
  const [classGroup, guardianship] = await Promise.all([
    findById<ClassGroup>(ctx, 'classes', student.classId),
    input.signName ? findById<GuardianshipRecord>(ctx, 'guardianships', `${student._id}:${openid}`) : null,
  ]);
  if (!classGroup) throw notFound('孩子的班级');
  // The committee reads it: WeChat's content check first (a retry of the same text passes again).
  await checkWrittenText(ctx, [{ label: '意见内容', text: input.text }]);
  const doc: FeedbackDoc = {
    _id: feedbackIdOf(openid, input.requestId),
    schoolId: student.schoolId,
    studentId: student._id,
    className: classGroup.name,
    authorOpenid: openid,
    signedAs: guardianship?.guardianName ?? null,
    topic: input.topic,
    text: input.text,
    status: 'open',
    answer: null,
    createdAt: ctx.now().toISOString(),
    revision: 0,
  };
  // A retry or a double tap: the first submission stands.
  if (!(await addAudited(ctx, 'feedback', doc, '家长提交意见'))) return toFeedbackView((await findById<FeedbackDoc>(ctx, 'feedback', doc._id))!);
  return toFeedbackView(doc);
});
