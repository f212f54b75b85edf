import { type FeedbackDoc, toFeedbackView } from '@kehou/shared';
import { getAll, implement } from '@kehou/shared/cloud';
import { feedbackContract } from '@kehou/shared/contracts';

/** The caller's own feedback with the committee's answers, newest first. */
export const listMyFeedback = implement(feedbackContract.actions.listMyFeedback, async (ctx) => {
  const openid = ctx.caller.requireSignedIn();
  const docs = await getAll<FeedbackDoc>(ctx.collection('feedback').where({ authorOpenid: openid }).orderBy('createdAt', 'desc'));
  return docs.map(toFeedbackView);
});
