import { defineAction } from '@kehou/shared/cloud';
import { markReviewedInput, toFeedbackView } from '@kehou/shared';
import { loadFeedback, requireCommitteeOrAdmin } from './access';

/** The committee has read it: the parent sees that someone looked. Only open feedback moves. */
export const markReviewed = defineAction({
  input: markReviewedInput,
  handler: async (ctx, input) => {
    const doc = await loadFeedback(ctx, input.feedbackId);
    requireCommitteeOrAdmin(ctx, doc.schoolId);
    if (doc.status !== 'open') return toFeedbackView(doc);
    const { stats } = await ctx
      .collection('feedback')
      .where({ _id: doc._id, status: 'open' })
      .update({ data: { status: 'reviewed', revision: ctx._.inc(1) } });
    if (stats.updated) await ctx.audit([{ collection: 'feedback', id: doc._id }], '家委会已查看意见');
    return toFeedbackView(await loadFeedback(ctx, doc._id));
  },
});
