import { findById, implement } from '@kehou/shared/cloud';
import { toFeedbackView, type FeedbackDoc } from '@kehou/shared';
import { feedbackContract } from '@kehou/shared/contracts';

/** The committee has read it: the parent sees that someone looked. Only open feedback moves. */
export const markFeedbackReviewed = implement(feedbackContract.actions.markFeedbackReviewed, async (ctx, _input, { doc }) => {
  if (doc.status !== 'open') return toFeedbackView(doc);
  const { stats } = await ctx
    .collection('feedback')
    .where({ _id: doc._id, status: 'open' })
    .update({ data: { status: 'reviewed', revision: ctx._.inc(1) } });
  if (stats.updated) await ctx.audit([{ collection: 'feedback', id: doc._id }], '家委会已查看意见');
  return toFeedbackView((await findById<FeedbackDoc>(ctx, 'feedback', doc._id)) ?? doc);
});
