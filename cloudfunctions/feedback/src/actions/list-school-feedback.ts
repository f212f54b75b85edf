import { type FeedbackDoc, type FeedbackStatus, toFeedbackView } from '@kehou/shared';
import { getAll, implement } from '@kehou/shared/cloud';
import { feedbackContract } from '@kehou/shared/contracts';

const ORDER: Record<FeedbackStatus, number> = { open: 0, reviewed: 1, answered: 2 };

/** The committee's inbox: the school's feedback, open first, with counts by status. */
export const listSchoolFeedback = implement(feedbackContract.actions.listSchoolFeedback, async (ctx, input) => {
  const docs = await getAll<FeedbackDoc>(ctx.collection('feedback').where({ schoolId: input.schoolId }).orderBy('createdAt', 'desc'));
  const counts: Record<FeedbackStatus, number> = { open: 0, reviewed: 0, answered: 0 };
  for (const doc of docs) counts[doc.status] += 1;
  const items = docs
    .filter((doc) => !input.status || doc.status === input.status)
    .sort((a, b) => ORDER[a.status] - ORDER[b.status])
    .map(toFeedbackView);
  return { counts, items };
});
