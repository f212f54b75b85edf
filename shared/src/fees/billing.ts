import type { Term } from '../domain/people';
import type { PlanContent, StageSchedule } from '../domain/plan';
import type { ProfileId } from '../domain/profile-id';
import type { Stage } from '../domain/people';
import type { ApplicationDoc } from '../enrollment/types';
import type { HardshipDeclaration } from '../enrollment/types';
import { addDays, eachDay, earlierOf, isoWeekday, isWithin, laterOf } from '../policy/core/calendar';
import { minutesOfDay } from '../policy/core/clock';
import { formatCitation } from '../policy/core/citation';
import { HARDSHIP_LABELS, type Hardship } from '../policy/domain';
import { getProfile } from '../policy/profiles/registry';
import type { ChargeInput, DatedSession } from '../policy/schemas';
import type { AmountLine } from '../policy/fees/types';
import type { NoticeLine } from './types';

/**
 * Pure mapping from what the app stores (published plan, applications, attendance, hardship
 * declarations) to the policy engine's inputs, and from its answers to what a notice stores.
 * No I/O, no clock.
 */

export interface Window {
  from: string;
  to: string;
}

/** A lesson (课时) when the plan does not say how many periods a service day has. */
export const LESSON_MINUTES = 40;

/** The schedule of the child's stage in the published plan (null: the plan has none for it). */
export function scheduleForStage(content: Pick<PlanContent, 'schedules'>, stage: Stage): StageSchedule | null {
  return content.schedules.find((s) => s.stage === stage) ?? null;
}

/** Scheduled minutes of one service day: end − start (the winter end time on winter dates). */
export function serviceMinutes(schedule: Pick<StageSchedule, 'start' | 'end' | 'winter'>, date?: string): number {
  const end = schedule.winter && date && isWithin(date, schedule.winter) ? schedule.winter.end : schedule.end;
  return Math.max(0, minutesOfDay(end) - minutesOfDay(schedule.start));
}

/**
 * Class periods per service day: the plan's `periodsPerDay` when set; otherwise the number of
 * whole 40-minute lessons that fit between start and end (120 minutes → 3, 90 → 2, 30 → 0).
 */
export function periodsPerDay(schedule: Pick<StageSchedule, 'start' | 'end' | 'periodsPerDay'>): number {
  if (schedule.periodsPerDay !== undefined) return schedule.periodsPerDay;
  return Math.floor(serviceMinutes(schedule) / LESSON_MINUTES);
}

/** A service day: one of the schedule's weekdays, within the term. */
export function isServiceDay(schedule: Pick<StageSchedule, 'weekdays'>, term: Pick<Term, 'startDate' | 'endDate'>, date: string): boolean {
  return isWithin(date, { from: term.startDate, to: term.endDate }) && (schedule.weekdays as number[]).includes(isoWeekday(date));
}

/** Every scheduled session of the period (within the term), without attendance. */
export function scheduledSessions(schedule: StageSchedule, term: Pick<Term, 'startDate' | 'endDate'>, period: Window): DatedSession[] {
  const from = laterOf(period.from, term.startDate);
  const to = earlierOf(period.to, term.endDate);
  if (from > to) return [];
  const periods = periodsPerDay(schedule);
  return eachDay(from, to)
    .filter((date) => isServiceDay(schedule, term, date))
    .map((date) => ({ date, minutes: serviceMinutes(schedule, date), periods }));
}

/** The China calendar date of an ISO instant. */
export function chinaDateOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The child's enrolment window in the term: from the day the application became `active` (the
 * agreement was signed; the first activation after the latest (re)submission) to the day before
 * an approved withdrawal takes effect, or the term's end. Null: never active in this round.
 */
export function activeWindow(app: Pick<ApplicationDoc, 'status' | 'history' | 'withdrawal'>, term: Pick<Term, 'startDate' | 'endDate'>): Window | null {
  if (!['active', 'withdrawal-requested', 'withdrawn'].includes(app.status)) return null;
  let lastSubmitted = -1;
  app.history.forEach((entry, i) => {
    if (entry.status === 'submitted') lastSubmitted = i;
  });
  const activation = app.history.find((entry, i) => i > lastSubmitted && entry.status === 'active');
  if (!activation) return null;
  const from = laterOf(chinaDateOf(activation.at), term.startDate);
  let to = term.endDate;
  if (app.status === 'withdrawn' && app.withdrawal?.decision === 'approved') to = earlierOf(to, addDays(app.withdrawal.effectiveDate, -1));
  return from <= to ? { from, to } : null;
}

/** Is the child on the attendance sheet (and billable) on this date? */
export function isActiveOn(app: Pick<ApplicationDoc, 'status' | 'history' | 'withdrawal'>, term: Pick<Term, 'startDate' | 'endDate'>, date: string): boolean {
  const window = activeWindow(app, term);
  return !!window && isWithin(date, window);
}

export function hardshipOf(declaration: Pick<HardshipDeclaration, 'kind'> | null | undefined): Hardship {
  return declaration?.kind ?? 'none';
}

/**
 * The billing periods a profile allows:
 * - per attended minute (suifenhe 004 三(五)2 按月据实收取): within one calendar month of the term;
 * - per period and per term (qijiang 000 四(二) 一期; yueyang 001 六2 每生每期只收取一次): the whole term,
 *   so that the term cap and the once-per-term rule cannot be split across notices;
 * - free (xxcity): none, nothing is ever issued.
 * Returns a Chinese sentence when the period is not allowed, otherwise null.
 */
export function billingPeriodProblem(profileId: ProfileId, term: Pick<Term, 'startDate' | 'endDate' | 'name'>, period: Window): string | null {
  if (period.from > period.to) return '开始日期不能晚于结束日期';
  if (!isWithin(period.from, { from: term.startDate, to: term.endDate }) || !isWithin(period.to, { from: term.startDate, to: term.endDate })) {
    return `收费期间应在本学期（${term.startDate} 至 ${term.endDate}）之内`;
  }
  const model = getProfile(profileId).fees.model;
  switch (model.kind) {
    case 'per-attended-minute':
      return period.from.slice(0, 7) === period.to.slice(0, 7) ? null : `本地政策按月据实收费（${formatCitation(model.monthlyByAttendance)}），收费期间不能跨月`;
    case 'per-period':
    case 'per-term':
      return period.from === term.startDate && period.to === term.endDate ? null : `本地政策按学期收费，收费期间应为整个学期（${term.startDate} 至 ${term.endDate}）`;
    case 'free':
      return null;
  }
}

export interface ChargeFacts {
  profileId: ProfileId;
  stage: Stage;
  hardship: Hardship;
  feeSettings: PlanContent['feeSettings'];
  planApproved: boolean;
  period: Window;
  /** From activeWindow; null means the child was not enrolled in the period at all. */
  enrolled: Window | null;
  /** scheduledSessions of the period. */
  sessions: DatedSession[];
  /** Recorded attended minutes by date (attendance documents). */
  attendance: ReadonlyMap<string, number>;
}

/**
 * The engine's ChargeInput. Attendance: a recorded day counts its recorded minutes; a day the
 * teacher never recorded counts as not attended where the fee follows attendance (suifenhe: charges
 * rest only on recorded attendance) and is irrelevant elsewhere (qijiang, yueyang follow the
 * schedule). The school's reduction percentage applies to declared hardship (the engine decides
 * whether the profile allows it: qijiang only for "other" hardship).
 */
export function buildChargeInput(facts: ChargeFacts): ChargeInput {
  const byAttendance = getProfile(facts.profileId).fees.model.kind === 'per-attended-minute';
  const enrolled = facts.enrolled ?? { from: facts.period.from, to: facts.period.from };
  const sessions = facts.sessions.map((s) => ({
    ...s,
    attendedMinutes: Math.min(s.minutes, facts.attendance.get(s.date) ?? (byAttendance ? 0 : s.minutes)),
  }));
  return {
    policy: facts.profileId,
    student: {
      stage: facts.stage,
      hardship: facts.hardship,
      reductionPercent: facts.hardship === 'none' ? 0 : (facts.feeSettings.otherHardshipReductionPercent ?? 0),
    },
    school: {
      planApproved: facts.planApproved,
      ...(facts.feeSettings.termFeeFen === undefined ? {} : { termFeeFen: facts.feeSettings.termFeeFen }),
      seniorMarkupPercent: facts.feeSettings.seniorMarkupPercent ?? 0,
    },
    period: facts.period,
    enrolled,
    // Not enrolled at all: no session counts (the window above is then a single day with no sessions).
    sessions: facts.enrolled ? sessions : [],
  };
}

/** Days of the period with a scheduled session but no attendance record (shown before issuing). */
export function unrecordedDays(sessions: DatedSession[], attendance: ReadonlyMap<string, number>, enrolled: Window | null): number {
  if (!enrolled) return 0;
  return sessions.filter((s) => isWithin(s.date, enrolled) && !attendance.has(s.date)).length;
}

const HARDSHIP_WORDS = (Object.entries(HARDSHIP_LABELS) as [Hardship, string][])
  .filter(([kind]) => kind !== 'none')
  .map(([, label]) => label)
  .sort((a, b) => b.length - a.length);

/**
 * The engine's lines as a notice stores them, the clause written out. A waiver line never names
 * the hardship kind (建档立卡/低保/…): it says 家庭经济困难 only, so the kind stays in
 * `hardshipDeclarations` where only the admin and class teacher can read it.
 */
export function noticeLines(lines: readonly AmountLine[]): NoticeLine[] {
  return lines.map((line) => {
    let label = line.label;
    if (line.amountFen < 0) for (const word of HARDSHIP_WORDS) label = label.split(word).join('家庭经济困难');
    return {
      label,
      amountFen: line.amountFen,
      citation: formatCitation(line.citation),
      ...(line.citation.quote ? { quote: line.citation.quote } : {}),
      ...(line.detail ? { detail: line.detail } : {}),
    };
  });
}

export const noticeIdOf = (applicationId: string, period: Window) => `${applicationId}:${period.from}:${period.to}`;
