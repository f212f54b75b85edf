/**
 * 服务日: what happens every afternoon of the after-school service. Safety first (000 §四(五);
 * 001 §六3 考勤、看护、交接班; 004 §四(四); 003 §七3: every child handed to a guardian or carrying
 * the go-home-alone permit): leave reported by parents, the hand-over at the gate, the shift
 * hand-over between teachers, and the children still waiting after the end of the service.
 */

/** A school's settings for the service day (the admin sets them; absent: the defaults). */
export interface ServiceDaySettings {
  /** Leave for a day reported after this time of that day (HH:mm, China time) is recorded as late. */
  leaveCutoff: string;
  /** Children not handed over this many minutes after the end of the service are flagged. */
  pickupMarginMinutes: number;
}

export const DEFAULT_SERVICE_DAY_SETTINGS: ServiceDaySettings = { leaveCutoff: '12:00', pickupMarginMinutes: 15 };

/**
 * One report of leave: `${studentId}:${from}:${to}` (the range asked for), so a retried report is the
 * same document. `dates` are the child's service days of the range not already on leave when it was
 * reported (a day is on leave once, by the first report of it): one document whatever the length of
 * the range, found for a day by `classId + dates` and for a month by `studentId + from/to`.
 */
export interface LeaveDoc {
  _id: string;
  studentId: string;
  studentName: string;
  schoolId: string;
  classId: string;
  termId: string;
  from: string;
  to: string;
  dates: string[];
  /** Days reported on that very day after the school's cut-off (only today can be). */
  lateDates: string[];
  /** Passed the content check before it was stored (the class teacher reads it). */
  reason: string;
  reportedBy: string;
  reportedByName: string;
  reportedAt: string;
}

export interface LeaveView {
  date: string;
  reason: string;
  late: boolean;
  reportedByName: string;
  reportedAt: string;
}

export interface LeaveReport {
  studentId: string;
  /** The service days of the range now on leave (new and already reported). */
  days: LeaveView[];
  /** Days of the range that were reported before (a retry or an earlier report): unchanged. */
  alreadyReported: number;
  /** How many of the new days were reported after the cut-off. */
  late: number;
}

/** How a child left at the end of the day: handed to a pick-up adult, went home alone (permit), or still waiting. */
export type HandoverKind = 'picker' | 'alone' | 'waiting';

export const HANDOVER_LABELS: Record<HandoverKind, string> = {
  picker: '已交给接送人',
  alone: '持独自回家证离校',
  waiting: '仍在等待',
};

/**
 * One child's hand-over on one day: `${studentId}:${date}`. Visible to the child's guardians, the
 * class teacher and the school's admins only (never to other parents, the committee or the bureau).
 */
export interface HandoverDoc {
  _id: string;
  studentId: string;
  studentName: string;
  schoolId: string;
  classId: string;
  className: string;
  termId: string;
  date: string;
  kind: HandoverKind;
  /** The adult of the application's pick-up arrangement the child was handed to. */
  picker: { name: string; relation: string } | null;
  at: string;
  by: string;
  byName: string;
  /** Not handed over by the end of the service plus the margin: flagged (kept once resolved). */
  flagged: boolean;
  flaggedAt: string | null;
  revision: number;
}

export interface HandoverView {
  kind: HandoverKind;
  label: string;
  picker: { name: string; relation: string } | null;
  at: string;
  byName: string;
  flaggedAt: string | null;
}

/**
 * A shift hand-over (交接班): the receiving teacher counts the children and confirms;
 * `${classId}:${date}:${n}` in order of the day. A count that differs from the children who should
 * be there is a mismatch, flagged to the school.
 */
export interface ShiftHandoverDoc {
  _id: string;
  schoolId: string;
  classId: string;
  className: string;
  date: string;
  fromActivity: string;
  toActivity: string;
  expected: number;
  counted: number;
  mismatch: boolean;
  note: string;
  by: string;
  byName: string;
  at: string;
}

export type ShiftHandoverView = Omit<ShiftHandoverDoc, '_id' | 'schoolId' | 'by'> & { id: string };

/** The uncollected-children check of one class on one day (`${classId}:${date}`): done once, by the timer. */
export interface GateCheckDoc {
  _id: string;
  schoolId: string;
  classId: string;
  date: string;
  flagged: number;
  at: string;
  /** False until the flagged children's guardians and the class teacher are queued their messages (absent on checks written before). */
  notified?: boolean;
  /** A school's record (no class) that its classes of these stages are all checked and told that day. */
  sweep?: true;
  stages?: string[];
}

/** One child on the teacher's gate sheet. */
export interface GateRow {
  studentId: string;
  studentName: string;
  studentNo: string;
  leave: { reason: string; late: boolean } | null;
  /** The adults named in the application's pick-up arrangement, by position (choose by `index`). */
  pickers: { index: number; name: string; relation: string; phone: string }[];
  /** Only with a signed go-home-alone permit on file. */
  aloneAllowed: boolean;
  handover: HandoverView | null;
  /** The flag time has passed and the child is neither handed over nor gone home alone (nor away on leave). */
  overdue: boolean;
  revision: number;
}

export interface GateSheet {
  classId: string;
  className: string;
  date: string;
  start: string;
  end: string;
  /** End of the service plus the school's margin: children not handed over by then are flagged. */
  flagAfter: string;
  /** Now is past the flag time of the day: children not handed over show as overdue at once (the timer flags and messages). */
  overdue: boolean;
  rows: GateRow[];
  counts: { expected: number; onLeave: number; handed: number; alone: number; waiting: number; notYet: number };
  shifts: ShiftHandoverView[];
}

export interface HandoverSaved {
  studentId: string;
  handover: HandoverView;
  revision: number;
}

/** One service day of a child's month, as the guardian sees it: the facts the fee rests on. */
export interface ServiceDayRow {
  date: string;
  scheduledMinutes: number;
  /** null: the class teacher has not recorded the day yet (or it has not come). */
  attendedMinutes: number | null;
  leave: LeaveView | null;
  handover: HandoverView | null;
}

export interface ServiceMonth {
  /** Today in China on the server's clock (the leave form offers it; a phone's clock may be wrong). */
  today: string;
  studentId: string;
  studentName: string;
  month: string;
  days: ServiceDayRow[];
  totals: { serviceDays: number; recordedDays: number; attendedDays: number; attendedMinutes: number; leaveDays: number };
}

/** A flag the school's admin sees: a child not handed over in time, or a head count that did not match. */
export type ServiceDayFlag =
  | {
      kind: 'uncollected';
      date: string;
      classId: string;
      className: string;
      studentId: string;
      studentName: string;
      flaggedAt: string;
      /** Where the child is now: still waiting, or handed over after the flag. */
      handover: HandoverView;
    }
  | { kind: 'head-count'; date: string; classId: string; className: string; shift: ShiftHandoverView };

export interface SchoolFlags {
  schoolId: string;
  date: string;
  settings: ServiceDaySettings;
  flags: ServiceDayFlag[];
  counts: { uncollected: number; stillWaiting: number; headCount: number };
}

export interface TimerReport {
  checkedClasses: number;
  flagged: number;
  messaged: number;
  /** Classes due but left for the next run in the schools read (each run is bounded). */
  remaining: number;
  /** Schools with classes due that this run did not read. */
  schoolsLeft?: number;
}

export const leaveIdOf = (studentId: string, from: string, to: string) => `${studentId}:${from}:${to}`;
export const handoverIdOf = (studentId: string, date: string) => `${studentId}:${date}`;
export const gateCheckIdOf = (classId: string, date: string) => `${classId}:${date}`;

/** The leave of one day of a report. */
export function toLeaveView(doc: LeaveDoc, date: string): LeaveView {
  return { date, reason: doc.reason, late: doc.lateDates.includes(date), reportedByName: doc.reportedByName, reportedAt: doc.reportedAt };
}

/** Every day on leave in these reports, by date (the first report of a day stands). */
export function leaveDays(docs: LeaveDoc[]): Map<string, LeaveView> {
  const days = new Map<string, LeaveView>();
  for (const doc of [...docs].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt))) {
    for (const date of doc.dates) if (!days.has(date)) days.set(date, toLeaveView(doc, date));
  }
  return days;
}

/** Each child's leave on one date, by student. */
export function leavesOn(docs: LeaveDoc[], date: string): Map<string, LeaveView> {
  const byStudent = new Map<string, LeaveView>();
  for (const doc of [...docs].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt))) {
    if (doc.dates.includes(date) && !byStudent.has(doc.studentId)) byStudent.set(doc.studentId, toLeaveView(doc, date));
  }
  return byStudent;
}

export function toHandoverView(doc: HandoverDoc): HandoverView {
  return { kind: doc.kind, label: HANDOVER_LABELS[doc.kind], picker: doc.picker, at: doc.at, byName: doc.byName, flaggedAt: doc.flaggedAt };
}

export function toShiftView(doc: ShiftHandoverDoc): ShiftHandoverView {
  const { _id, schoolId: _s, by: _b, ...rest } = doc;
  return { id: _id, ...rest };
}
