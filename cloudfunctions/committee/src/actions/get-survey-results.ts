import type { School } from '@kehou/shared';
import { AppError, implement } from '@kehou/shared/cloud';
import { committeeContract } from '@kehou/shared/contracts';
import { surveyResults } from '../lib/surveys';

/** Results per item and per class (only classes with enough answers) and the trend across terms. */
export const getSurveyResults = implement(committeeContract.actions.getSurveyResults, async (ctx, input, { doc }) => {
  const results = await surveyResults(ctx, doc as School, input.surveyId);
  if (input.surveyId && results.survey?.surveyId !== input.surveyId) throw new AppError('NOT_FOUND', '没有找到本校的这份调查');
  return results;
});
