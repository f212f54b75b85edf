import { FEEDBACK_STATUSES, type FeedbackDoc, type FeedbackStatus, nextSkipOf, toFeedbackView } from '@kehou/shared';
import { implement } from '@kehou/shared/cloud';
import { feedbackContract } from '@kehou/shared/contracts';

/**
 * The committee's inbox: one page of the school's feedback, newest first within a status, open
 * first when all are shown, with counts by status (one count each, whatever their number).
 */
export const listSchoolFeedback = implement(feedbackContract.actions.listSchoolFeedback, async (ctx, input) => {
  const feedback = ctx.collection('feedback');
  const counted = await Promise.all(FEEDBACK_STATUSES.map((status) => feedback.where({ schoolId: input.schoolId, status }).count()));
  const counts = Object.fromEntries(FEEDBACK_STATUSES.map((status, i) => [status, counted[i].total])) as Record<FeedbackStatus, number>;
  const statuses: readonly FeedbackStatus[] = input.status ? [input.status] : FEEDBACK_STATUSES;
  const total = statuses.reduce<number>((t, s) => t + counts[s], 0);

  // The page across the statuses in order: skip what earlier statuses fill, read the rest from the next.
  const docs: FeedbackDoc[] = [];
  let skip = input.skip;
  for (const status of statuses) {
    const wanted = input.limit - docs.length;
    if (wanted <= 0) break;
    if (skip >= counts[status]) {
      skip -= counts[status];
      continue;
    }
    const { data } = await feedback.where({ schoolId: input.schoolId, status }).orderBy('createdAt', 'desc').skip(skip).limit(wanted).get();
    docs.push(...(data as FeedbackDoc[]));
    skip = 0;
  }
  return { counts, items: docs.map(toFeedbackView), total, nextSkip: nextSkipOf(input.skip, docs.length, total) };
});
