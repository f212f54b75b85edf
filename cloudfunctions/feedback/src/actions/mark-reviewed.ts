import { defineAction, updateAudited } from '@kehou/shared/cloud';
import { markReviewedInput, toFeedbackView } from '@kehou/shared';
import { loadFeedback, requireCommitteeOrAdmin } from './access';

/** The committee has read it: the parent sees that someone looked. Only open feedback moves. */
export const markReviewed = defineAction({
  input: markReviewedInput,
  handler: async (ctx, input) => {
    const doc = await loadFeedback(ctx, input.feedbackId);
    requireCommitteeOrAdmin(ctx, doc.schoolId);
    if (doc.status !== 'open') return toFeedbackView(doc);
    await updateAudited(ctx, 'feedback', doc._id, { status: 'open' }, { status: 'reviewed', revision: ctx._.inc(1) }, '家委会已查看意见');
    return toFeedbackView(await loadFeedback(ctx, doc._id));
  },
});
