import { defineAction, getAll } from '@kehou/shared/cloud';
import { listForSchoolInput, toFeedbackView, type FeedbackDoc, type FeedbackStatus } from '@kehou/shared';
import { requireCommitteeOrAdmin } from './access';

/** The committee's inbox: the school's feedback, open first, with counts by status. */
export const listForSchool = defineAction({
  input: listForSchoolInput,
  handler: async (ctx, input) => {
    requireCommitteeOrAdmin(ctx, input.schoolId);
    const docs = await getAll<FeedbackDoc>(ctx.collection('feedback').where({ schoolId: input.schoolId }).orderBy('createdAt', 'desc'));
    const counts: Record<FeedbackStatus, number> = { open: 0, reviewed: 0, answered: 0 };
    for (const doc of docs) counts[doc.status] += 1;
    const order: Record<FeedbackStatus, number> = { open: 0, reviewed: 1, answered: 2 };
    const items = docs
      .filter((doc) => !input.status || doc.status === input.status)
      .sort((a, b) => order[a.status] - order[b.status])
      .map(toFeedbackView);
    return { counts, items };
  },
});
