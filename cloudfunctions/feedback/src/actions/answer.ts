import { conflict, defineAction, updateAudited } from '@kehou/shared/cloud';
import { answerFeedbackInput, clip, chinaTime, FEEDBACK_ANSWERED_TEMPLATE_ID, FEEDBACK_TOPICS, toFeedbackView, type FeedbackAnswer } from '@kehou/shared';
import { loadFeedback, requireCommitteeOrAdmin } from './access';

/**
 * The committee answers. Conditional on the revision the member saw, so two members answering at
 * once never silently overwrite each other; the parent is told by subscription message.
 */
export const answer = defineAction({
  input: answerFeedbackInput,
  handler: async (ctx, input) => {
    const doc = await loadFeedback(ctx, input.feedbackId);
    requireCommitteeOrAdmin(ctx, doc.schoolId);
    const now = ctx.now();
    const answer: FeedbackAnswer = { text: input.text, byName: ctx.caller.user?.name ?? '家委会', at: now.toISOString() };
    const data = { status: 'answered', answer: ctx._.set(answer), revision: input.revision + 1 };
    if (!(await updateAudited(ctx, 'feedback', doc._id, { revision: input.revision }, data, '家委会答复意见'))) {
      throw conflict('这条意见刚被其他人更新，请刷新后再答复');
    }
    await ctx.notify({
      touser: doc.authorOpenid,
      templateId: FEEDBACK_ANSWERED_TEMPLATE_ID,
      page: 'parent/feedback/index',
      data: {
        thing1: { value: clip(FEEDBACK_TOPICS[doc.topic], 20) },
        thing2: { value: clip(input.text, 20) },
        time3: { value: chinaTime(now) },
      },
    });
    return toFeedbackView(await loadFeedback(ctx, doc._id));
  },
});
