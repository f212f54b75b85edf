import { type FeedbackDoc, toFeedbackView } from '@kehou/shared';
import { findById, implement, updateAudited } from '@kehou/shared/cloud';
import { feedbackContract } from '@kehou/shared/contracts';

/** The committee has read it: the parent sees that someone looked. Only open feedback moves. */
export const markFeedbackReviewed = implement(feedbackContract.actions.markFeedbackReviewed, async (ctx, _input, { doc }) => {
  if (doc.status !== 'open') return toFeedbackView(doc);
  await updateAudited(ctx, 'feedback', doc._id, { status: 'open' }, { status: 'reviewed', revision: ctx._.inc(1) }, '家委会已查看意见');
  return toFeedbackView((await findById<FeedbackDoc>(ctx, 'feedback', doc._id)) ?? doc);
});
