import type { School } from '@kehou/shared';
import { AppError, addAudited, chinaToday, findById, implement, invalidState, isoNow, notFound } from '@kehou/shared/cloud';
import { type SurveyDoc, surveyIdOf, surveySummaryOf } from '@kehou/shared/committee';
import { committeeContract } from '@kehou/shared/contracts';
import { resolveTerm } from '@kehou/shared/enrollment/server';
import { addDays } from '@kehou/shared/policy';

/**
 * The school or its committee opens the term's survey. One per school and term (its id is the
 * pair): opening it again, or a retry, answers with the survey that is there.
 */
export const openSurvey = implement(committeeContract.actions.openSurvey, async (ctx, input, { as, doc }) => {
  const school = doc as School;
  const term = await resolveTerm(ctx, school._id, input.termId);
  if (!term) throw notFound('学期');
  const today = chinaToday(ctx);
  if (input.closesOn < today) throw new AppError('INVALID_INPUT', '截止日期不能早于今天');
  const latest = addDays(term.endDate, 30);
  if (input.closesOn > latest) throw new AppError('INVALID_INPUT', `截止日期最晚为学期结束后 30 天（${latest}）`);
  const survey: SurveyDoc = {
    _id: surveyIdOf(school._id, term._id),
    schoolId: school._id,
    termId: term._id,
    termName: term.name,
    termStart: term.startDate,
    status: 'open',
    openedOn: today,
    closesOn: input.closesOn,
    openedAs: as.includes('admin') ? 'admin' : 'committee',
    closedAt: null,
    createdAt: isoNow(ctx),
  };
  if (await addAudited(ctx, 'surveys', survey, `发起满意度调查（${term.name}）`)) return surveySummaryOf(survey, today);
  const existing = (await findById<SurveyDoc>(ctx, 'surveys', survey._id))!;
  if (existing.status === 'closed') throw invalidState(`${term.name}的满意度调查已经结束`);
  return surveySummaryOf(existing, today);
});
