import { AppError, chinaToday, implement, isoNow, updateAudited } from '@kehou/shared/cloud';
import { surveySummaryOf } from '@kehou/shared/committee';
import { committeeContract } from '@kehou/shared/contracts';
import { surveyOfSchool } from '../lib/surveys';

/** Ends the survey: answers can no longer be given or changed. Closing a closed survey changes nothing. */
export const closeSurvey = implement(committeeContract.actions.closeSurvey, async (ctx, input) => {
  const survey = await surveyOfSchool(ctx, input.schoolId, input.surveyId);
  if (!survey) throw new AppError('NOT_FOUND', '没有找到本校的这份调查');
  const today = chinaToday(ctx);
  if (survey.status === 'closed') return surveySummaryOf(survey, today);
  const closedAt = isoNow(ctx);
  await updateAudited(ctx, 'surveys', survey._id, { status: 'open' }, { status: 'closed', closedAt }, `结束满意度调查（${survey.termName}）`);
  return surveySummaryOf({ ...survey, status: 'closed', closedAt }, today);
});
