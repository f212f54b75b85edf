import { sha256 } from '../agreement/sha256';
import { chinaDate } from '../domain/china-time';
import type { Stage, Term } from '../domain/people';
import type { PlanContent, PlanItem, StageSchedule, Weekday } from '../domain/plan';
import type { ProfileId } from '../domain/profile-id';
import type { ApplicationDoc, EnrollmentChoices, HardshipDeclaration } from '../enrollment/types';
import { addDays, eachDay, earlierOf, isoWeekday, isWithin, laterOf } from '../policy/core/calendar';
import { formatCitation } from '../policy/core/citation';
import { minutesOfDay } from '../policy/core/clock';
import { HARDSHIP_LABELS, type Hardship } from '../policy/domain';
import type { AmountLine } from '../policy/fees/types';
import { getProfile } from '../policy/profiles/registry';
import type { ChargeInput, DatedSession } from '../policy/schemas';
import type { FeeNoticeDoc, NoticeLine, NoticeRef } from './types';

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

/**
 * Does the child come on this date? Only on the weekdays the application chose, and only when one
 * of the chosen items runs that day (a child who chose only a Wednesday club and Wednesday and
 * Friday has no service on Friday unless the basic care service runs then and was chosen).
 * Items the published plan no longer has are ignored; with none left, the chosen days decide.
 */
export function attendsOn(choices: Pick<EnrollmentChoices, 'days' | 'itemIds'>, items: readonly Pick<PlanItem, 'id' | 'weekdays'>[], date: string): boolean {
  const weekday = isoWeekday(date) as Weekday;
  if (!choices.days.includes(weekday)) return false;
  const chosen = items.filter((item) => choices.itemIds.includes(item.id));
  return chosen.length === 0 || chosen.some((item) => item.weekdays.includes(weekday));
}

/** The child's scheduled sessions of the period: the stage's service days the child chose. */
export function childSessions(
  schedule: StageSchedule,
  term: Pick<Term, 'startDate' | 'endDate'>,
  period: Window,
  choices: Pick<EnrollmentChoices, 'days' | 'itemIds'>,
  items: readonly Pick<PlanItem, 'id' | 'weekdays'>[],
): DatedSession[] {
  return scheduledSessions(schedule, term, period).filter((session) => attendsOn(choices, items, session.date));
}

/** The China calendar date of an ISO instant. */
export const chinaDateOf = (iso: string): string => chinaDate(iso);

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

/**
 * A notice's id: the child's enrolment (application) and the billing period's key, and for a
 * correction its place in the period's chain (2, 3, …). Two notices for one child and period
 * cannot both be first: the database refuses the second `add` of the same id.
 */
export const noticeIdOf = (applicationId: string, periodKey: string, sequence = 1) =>
  sequence === 1 ? `${applicationId}:${periodKey}` : `${applicationId}:${periodKey}:${sequence}`;

/** The notice a payment or refund belongs to, with the child, class, school and term it names. */
export const noticeRefOf = (notice: FeeNoticeDoc): NoticeRef => ({
  noticeId: notice._id,
  applicationId: notice.applicationId,
  studentId: notice.studentId,
  studentName: notice.studentName,
  classId: notice.classId,
  schoolId: notice.schoolId,
  termId: notice.termId,
});

/** The record that a school issued a term's billing period (`feeBillingRuns`). */
export const billingRunIdOf = (schoolId: string, termId: string, periodKey: string) => `${schoolId}:${termId}:${periodKey}`;

/** What a preview shows for a child and a notice would store: the amounts and every line. */
export interface ComputedAmounts {
  grossFen: number;
  chargeFen: number;
  exemptFen: number;
  governmentShareFen: number;
  lines: NoticeLine[];
}

const fingerprints = new Map<string, string>();

/** The policy profile's data as a short fingerprint, kept with each notice (`qijiang-2020@1a2b3c4d5e6f`). */
export function profileVersion(profileId: ProfileId): string {
  let version = fingerprints.get(profileId);
  if (!version) {
    version = `${profileId}@${sha256(JSON.stringify(getProfile(profileId))).slice(0, 12)}`;
    fingerprints.set(profileId, version);
  }
  return version;
}

/** Whether two computations of a period ask the same of the family (amounts and lines). */
export function sameAmounts(a: ComputedAmounts, b: ComputedAmounts): boolean {
  return (
    a.grossFen === b.grossFen &&
    a.chargeFen === b.chargeFen &&
    a.exemptFen === b.exemptFen &&
    a.governmentShareFen === b.governmentShareFen &&
    JSON.stringify(a.lines) === JSON.stringify(b.lines)
  );
}

/**
 * A digest of what issuing would write: the rows (child, state and amounts) in a fixed order. The
 * preview returns it and issuing refuses when the rows computed again give another digest.
 */
export function rowsDigest(rows: readonly ({ applicationId: string; state: string } & ComputedAmounts)[]): string {
  const canonical = [...rows]
    .sort((a, b) => (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0))
    .map((r) => [r.applicationId, r.state, r.grossFen, r.chargeFen, r.exemptFen, r.governmentShareFen, r.lines]);
  return sha256(JSON.stringify(canonical));
}
