import { FEEDBACK_TOPICS, type FeedbackAnswer, type FeedbackDoc, feedbackAnsweredMessage, toFeedbackView } from '@kehou/shared';
import { conflict, findById, implement, updateAudited } from '@kehou/shared/cloud';
import { feedbackContract } from '@kehou/shared/contracts';

/**
 * The committee (or the school's admin) answers. Conditional on the revision the member saw, so
 * two members answering at once never silently overwrite each other; the parent is told by
 * subscription message.
 */
export const answerFeedback = implement(feedbackContract.actions.answerFeedback, async (ctx, input, { doc }) => {
  const now = ctx.now();
  const answer: FeedbackAnswer = { text: input.text, byName: ctx.caller.user?.name ?? '家委会', at: now.toISOString() };
  const data = { status: 'answered', answer: ctx._.set(answer), revision: input.revision + 1 };
  if (!(await updateAudited(ctx, 'feedback', doc._id, { revision: input.revision }, data, '家委会答复意见'))) {
    throw conflict('这条意见刚被其他人更新，请刷新后再答复');
  }
  await ctx.notify(feedbackAnsweredMessage({ touser: doc.authorOpenid, topic: FEEDBACK_TOPICS[doc.topic], answer: input.text, at: now }));
  return toFeedbackView((await findById<FeedbackDoc>(ctx, 'feedback', doc._id)) ?? { ...doc, status: 'answered', answer, revision: input.revision + 1 });
});
