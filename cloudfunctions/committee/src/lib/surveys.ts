import type { School } from '@kehou/shared';
import { type ActionContext, chinaToday, findById, getAll } from '@kehou/shared/cloud';
import {
  classResults,
  itemResults,
  MIN_SHOWN_ANSWERS,
  type SurveyDoc,
  type SurveyResults,
  type SurveyTallyDoc,
  sumTallies,
  surveySummaryOf,
  trendPoint,
} from '@kehou/shared/committee';

/** How many terms the trend goes back. */
export const TREND_TERMS = 6;

/** The school's surveys, newest term first. */
export const schoolSurveys = (ctx: ActionContext, schoolId: string) =>
  getAll<SurveyDoc>(ctx.collection('surveys').where({ schoolId }).orderBy('termStart', 'desc'));

/** Every class tally of the given surveys (≤ 100 classes a school: a page each). */
export async function talliesOf(ctx: ActionContext, surveyIds: string[]): Promise<SurveyTallyDoc[]> {
  if (!surveyIds.length) return [];
  return getAll<SurveyTallyDoc>(ctx.collection('surveyTallies').where({ surveyId: ctx._.in(surveyIds) }));
}

/** A survey named by the caller, only if it is the school's. */
export async function surveyOfSchool(ctx: ActionContext, schoolId: string, surveyId: string): Promise<SurveyDoc | null> {
  const survey = await findById<SurveyDoc>(ctx, 'surveys', surveyId);
  return survey && survey.schoolId === schoolId ? survey : null;
}

/**
 * Results of one survey and the trend of the school's last terms, from the class tallies only:
 * a few round trips whatever the school's size, and no answer document is read except for the
 * comments (text only).
 */
export async function surveyResults(ctx: ActionContext, school: School, surveyId?: string): Promise<SurveyResults> {
  const today = chinaToday(ctx);
  const surveys = await schoolSurveys(ctx, school._id);
  const survey = surveyId ? surveys.find((s) => s._id === surveyId) : surveys[0];
  const recent = surveys.slice(0, TREND_TERMS);
  const ids = [...new Set([...recent.map((s) => s._id), ...(survey ? [survey._id] : [])])];
  const [tallies, comments] = await Promise.all([talliesOf(ctx, ids), survey ? commentsOf(ctx, survey._id) : Promise.resolve([])]);
  const own = tallies.filter((t) => t.surveyId === survey?._id);
  const total = sumTallies(own);
  const shown = total.answers >= MIN_SHOWN_ANSWERS;
  return {
    survey: survey ? surveySummaryOf(survey, today) : null,
    surveys: surveys.map((s) => surveySummaryOf(s, today)),
    answers: total.answers,
    shown,
    minShown: MIN_SHOWN_ANSWERS,
    items: itemResults(total, shown),
    classes: shown ? classResults(own) : [],
    comments: shown ? comments : [],
    trend: [...recent].reverse().map((s) =>
      trendPoint(
        s,
        tallies.filter((t) => t.surveyId === s._id),
      ),
    ),
  };
}

/** The newest comments, text only, sorted so their order tells nothing about who wrote them. */
async function commentsOf(ctx: ActionContext, surveyId: string): Promise<string[]> {
  const { data } = await ctx.collection('surveyAnswers').where({ surveyId, hasComment: true }).orderBy('updatedAt', 'desc').limit(50).get();
  return (data as { comment: string }[]).map((d) => d.comment).sort((a, b) => a.localeCompare(b, 'zh'));
}
