import { z } from 'zod';
import { freeTextSchema } from '../domain/text';
import { isoDateSchema } from '../policy/schemas';

/**
 * 满意度调查: each term the school (or its parent committee) asks the families how the service went
 * (000 §三(五): 定期收集家长和学生的意见; 004 §二(二)). One answer per child, kept by family: any
 * confirmed guardian of the child may give or change it until the survey closes.
 */
export const SURVEY_ITEMS = {
  safety: '安全',
  content: '服务内容',
  staff: '看护与教师',
  fees: '收费',
  pickup: '接送',
} as const;
export type SurveyItem = keyof typeof SURVEY_ITEMS;
export const SURVEY_ITEM_KEYS = Object.keys(SURVEY_ITEMS) as SurveyItem[];

export const RATING_LABELS = ['很不满意', '不满意', '一般', '满意', '很满意'] as const;

/** Fewer answers than this are never shown for a class: no family can be singled out. */
export const MIN_SHOWN_ANSWERS = 5;

export type SurveyStatus = 'open' | 'closed';

/** `survey:${schoolId}:${termId}`: one survey per school and term. */
export interface SurveyDoc {
  _id: string;
  schoolId: string;
  termId: string;
  termName: string;
  termStart: string;
  status: SurveyStatus;
  openedOn: string;
  /** The last day answers are taken (China date, inclusive). */
  closesOn: string;
  openedAs: 'admin' | 'committee';
  closedAt: string | null;
  createdAt: string;
}

/** `${surveyId}:${studentId}`: the family's answer for one child. No openid is kept on it. */
export interface SurveyAnswerDoc {
  _id: string;
  surveyId: string;
  schoolId: string;
  classId: string;
  studentId: string;
  ratings: Record<SurveyItem, number>;
  comment: string;
  hasComment: boolean;
  createdAt: string;
  updatedAt: string;
  revision: number;
}

/**
 * `${surveyId}:${classId}`: the running counts of one class, changed in the same transaction as
 * each answer (one document per class: parents of different classes never wait for each other).
 * `items[key][r - 1]` is how many answers rated the item `r`.
 */
export interface SurveyTallyDoc {
  _id: string;
  surveyId: string;
  schoolId: string;
  classId: string;
  className: string;
  answers: number;
  items: Record<SurveyItem, number[]>;
}

export const surveyIdOf = (schoolId: string, termId: string) => `survey:${schoolId}:${termId}`;
export const surveyAnswerIdOf = (surveyId: string, studentId: string) => `${surveyId}:${studentId}`;
export const surveyTallyIdOf = (surveyId: string, classId: string) => `${surveyId}:${classId}`;

/** Whether answers are still taken on `today`. */
export const surveyAcceptsAnswers = (survey: Pick<SurveyDoc, 'status' | 'closesOn'>, today: string) => survey.status === 'open' && today <= survey.closesOn;

export const emptyTallyItems = (): Record<SurveyItem, number[]> =>
  Object.fromEntries(SURVEY_ITEM_KEYS.map((k) => [k, [0, 0, 0, 0, 0]])) as Record<SurveyItem, number[]>;

/** The tally after replacing `before` (null: a first answer) with `after`. */
/** A tally with one answer's ratings taken out (`before`) and/or put in (`after`). */
export function applyAnswerToTally(
  tally: Pick<SurveyTallyDoc, 'answers' | 'items'>,
  before: Record<SurveyItem, number> | null,
  after: Record<SurveyItem, number> | null,
): Pick<SurveyTallyDoc, 'answers' | 'items'> {
  const items = Object.fromEntries(SURVEY_ITEM_KEYS.map((k) => [k, [...(tally.items[k] ?? [0, 0, 0, 0, 0])]])) as Record<SurveyItem, number[]>;
  for (const key of SURVEY_ITEM_KEYS) {
    if (before) items[key][before[key] - 1] = Math.max(0, items[key][before[key] - 1] - 1);
    if (after) items[key][after[key] - 1] += 1;
  }
  return { answers: Math.max(0, tally.answers + (after ? 1 : 0) - (before ? 1 : 0)), items };
}

export interface ItemResult {
  key: SurveyItem;
  label: string;
  /** Average rating to one decimal (null: nothing to show). */
  average: number | null;
  /** How many answers gave 1 … 5. */
  distribution: number[];
}

/** One class's line: figures only when enough answers stand behind them. */
export interface ClassResult {
  className: string;
  shown: boolean;
  answers: number | null;
  items: { key: SurveyItem; average: number | null }[] | null;
}

export interface SurveySummary {
  surveyId: string;
  termId: string;
  termName: string;
  termStart: string;
  status: SurveyStatus;
  /** Closed, or past its last day. */
  accepting: boolean;
  openedOn: string;
  closesOn: string;
}

export interface TrendPoint {
  termName: string;
  termStart: string;
  answers: number;
  /** Average per item (null: fewer than MIN_SHOWN_ANSWERS answers that term). */
  averages: Record<SurveyItem, number | null>;
}

/** What the committee and the school see: counts and averages, never who answered what. */
export interface SurveyResults {
  survey: SurveySummary | null;
  surveys: SurveySummary[];
  answers: number;
  /** False when the whole school has fewer than MIN_SHOWN_ANSWERS answers: nothing is shown. */
  shown: boolean;
  minShown: number;
  items: ItemResult[];
  classes: ClassResult[];
  /** The families' comments, without class or name, in no particular order (newest 50). */
  comments: string[];
  trend: TrendPoint[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function averageOf(distribution: number[]): number | null {
  const count = distribution.reduce((a, b) => a + b, 0);
  if (!count) return null;
  return round1(distribution.reduce((sum, n, i) => sum + n * (i + 1), 0) / count);
}

/** Adds tallies together (a school's, or several classes'). */
export function sumTallies(tallies: Pick<SurveyTallyDoc, 'answers' | 'items'>[]): Pick<SurveyTallyDoc, 'answers' | 'items'> {
  const items = emptyTallyItems();
  let answers = 0;
  for (const t of tallies) {
    answers += t.answers;
    for (const key of SURVEY_ITEM_KEYS) for (let r = 0; r < 5; r++) items[key][r] += t.items[key]?.[r] ?? 0;
  }
  return { answers, items };
}

/**
 * Which classes may be shown. A class with fewer than MIN_SHOWN_ANSWERS answers is hidden; and
 * when the hidden classes together hold 1 to MIN_SHOWN_ANSWERS − 1 answers, the smallest shown
 * classes are hidden too, so that the school's figure minus the shown classes never gives away a
 * small group's answers.
 */
export function shownClasses(tallies: Pick<SurveyTallyDoc, 'classId' | 'answers'>[]): Set<string> {
  const sorted = [...tallies].filter((t) => t.answers > 0).sort((a, b) => a.answers - b.answers || a.classId.localeCompare(b.classId));
  const shown = new Set(sorted.filter((t) => t.answers >= MIN_SHOWN_ANSWERS).map((t) => t.classId));
  let hidden = sorted.filter((t) => !shown.has(t.classId)).reduce((sum, t) => sum + t.answers, 0);
  for (const t of sorted) {
    if (hidden === 0 || hidden >= MIN_SHOWN_ANSWERS) break;
    if (!shown.has(t.classId)) continue;
    shown.delete(t.classId);
    hidden += t.answers;
  }
  return shown;
}

export function itemResults(tally: Pick<SurveyTallyDoc, 'answers' | 'items'>, shown: boolean): ItemResult[] {
  return SURVEY_ITEM_KEYS.map((key) => ({
    key,
    label: SURVEY_ITEMS[key],
    average: shown ? averageOf(tally.items[key]) : null,
    distribution: shown ? [...tally.items[key]] : [0, 0, 0, 0, 0],
  }));
}

export function classResults(tallies: SurveyTallyDoc[]): ClassResult[] {
  const shown = shownClasses(tallies);
  return [...tallies]
    .filter((t) => t.answers > 0)
    .sort((a, b) => (a.className < b.className ? -1 : a.className > b.className ? 1 : 0))
    .map((t) =>
      shown.has(t.classId)
        ? { className: t.className, shown: true, answers: t.answers, items: SURVEY_ITEM_KEYS.map((key) => ({ key, average: averageOf(t.items[key]) })) }
        : { className: t.className, shown: false, answers: null, items: null },
    );
}

export function trendPoint(survey: Pick<SurveyDoc, 'termName' | 'termStart'>, tallies: Pick<SurveyTallyDoc, 'answers' | 'items'>[]): TrendPoint {
  const total = sumTallies(tallies);
  const shown = total.answers >= MIN_SHOWN_ANSWERS;
  return {
    termName: survey.termName,
    termStart: survey.termStart,
    answers: total.answers,
    averages: Object.fromEntries(SURVEY_ITEM_KEYS.map((k) => [k, shown ? averageOf(total.items[k]) : null])) as Record<SurveyItem, number | null>,
  };
}

export function surveySummaryOf(doc: SurveyDoc, today: string): SurveySummary {
  return {
    surveyId: doc._id,
    termId: doc.termId,
    termName: doc.termName,
    termStart: doc.termStart,
    status: doc.status,
    accepting: surveyAcceptsAnswers(doc, today),
    openedOn: doc.openedOn,
    closesOn: doc.closesOn,
  };
}

/** A parent's view of the survey for one child: the questions and the family's answer so far. */
export interface SurveyForm {
  survey: SurveySummary | null;
  schoolName: string;
  items: { key: SurveyItem; label: string }[];
  answer: { ratings: Record<SurveyItem, number>; comment: string; updatedAt: string } | null;
}

const id = z.string().min(1).max(120);
const rating = z.number().int('请选择 1 到 5 分').min(1, '请选择 1 到 5 分').max(5, '请选择 1 到 5 分');

export const openSurveyInput = z
  .object({
    schoolId: id.describe('学校'),
    termId: id.optional().describe('学期'),
    closesOn: isoDateSchema.describe('截止日期'),
  })
  .strict();

export const closeSurveyInput = z.object({ schoolId: id.describe('学校'), surveyId: id.describe('调查') }).strict();

export const surveyResultsInput = z.object({ schoolId: id.describe('学校'), surveyId: id.optional().describe('调查') }).strict();

export const surveyFormInput = z.object({ studentId: id.describe('孩子') }).strict();

export const answerSurveyInput = z
  .object({
    studentId: id.describe('孩子'),
    surveyId: id.describe('调查'),
    ratings: z
      .object(Object.fromEntries(SURVEY_ITEM_KEYS.map((k) => [k, rating.describe(SURVEY_ITEMS[k])])) as Record<SurveyItem, typeof rating>)
      .strict()
      .describe('评分'),
    comment: freeTextSchema({ max: 300, maxMessage: '意见请不要超过 300 字' }).default('').describe('意见和建议'),
  })
  .strict();
