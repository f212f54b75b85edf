import { emptyInput, defineAction, getAll } from '@kehou/shared/cloud';
import { toFeedbackView, type FeedbackDoc } from '@kehou/shared';

/** The caller's own feedback with the committee's answers, newest first. */
export const mine = defineAction({
  input: emptyInput,
  handler: async (ctx) => {
    const openid = ctx.caller.requireSignedIn();
    const docs = await getAll<FeedbackDoc>(ctx.collection('feedback').where({ authorOpenid: openid }).orderBy('createdAt', 'desc'));
    return docs.map(toFeedbackView);
  },
});
