import type { School, Student } from '@kehou/shared';
import { type ActionContext, chinaToday, findById } from '@kehou/shared/cloud';
import {
  SURVEY_ITEM_KEYS,
  SURVEY_ITEMS,
  type SurveyAnswerDoc,
  type SurveyDoc,
  type SurveyForm,
  surveyAnswerIdOf,
  surveyIdOf,
  surveySummaryOf,
} from '@kehou/shared/committee';
import { currentTerm } from '@kehou/shared/enrollment/server';

/** The survey of the child's school this term, and the family's answer for the child. */
export async function surveyFormOf(ctx: ActionContext, student: Student, surveyId?: string): Promise<SurveyForm> {
  const [school, term] = await Promise.all([findById<School>(ctx, 'schools', student.schoolId), surveyId ? null : currentTerm(ctx, student.schoolId)]);
  const id = surveyId ?? (term ? surveyIdOf(student.schoolId, term._id) : null);
  const survey = id ? await findById<SurveyDoc>(ctx, 'surveys', id) : null;
  const answer = survey ? await findById<SurveyAnswerDoc>(ctx, 'surveyAnswers', surveyAnswerIdOf(survey._id, student._id)) : null;
  return {
    survey: survey ? surveySummaryOf(survey, chinaToday(ctx)) : null,
    schoolName: school?.name ?? '',
    items: SURVEY_ITEM_KEYS.map((key) => ({ key, label: SURVEY_ITEMS[key] })),
    answer: answer ? { ratings: answer.ratings, comment: answer.comment, updatedAt: answer.updatedAt } : null,
  };
}
