import type { Stage } from '../domain/people';
import type { ProfileId } from '../domain/profile-id';

/**
 * 考勤: one document per class and service day in `attendance`, id `${classId}:${date}` (the
 * natural key). The whole day is saved at once, conditional on `revision`, so a save either
 * writes every child's minutes or nothing.
 */
export interface AttendanceDoc {
  _id: string;
  schoolId: string;
  classId: string;
  termId: string;
  /** YYYY-MM-DD, China time. */
  date: string;
  scheduledMinutes: number;
  /** Attended minutes of each child on the sheet (0 = absent, never above scheduledMinutes). */
  entries: AttendanceEntry[];
  recordedBy: string;
  recordedAt: string;
  revision: number;
  /**
   * Changes made after the day's billing period was issued: who, when, why and what changed. The
   * issued notices keep the minutes they were computed from; a correction notice reads these.
   */
  corrections?: AttendanceCorrection[];
}

export interface AttendanceEntry {
  studentId: string;
  attendedMinutes: number;
}

export interface AttendanceCorrection {
  at: string;
  by: string;
  byName: string;
  reason: string;
  changes: { studentId: string; from: number | null; to: number }[];
}

/** One line of a notice as stored: the engine's AmountLine with its clause written out. */
export interface NoticeLine {
  label: string;
  amountFen: number;
  /** `formatCitation`: document and clause. */
  citation: string;
  quote?: string;
  detail?: string;
}

/**
 * `issued`: the family has `dueFen` to pay; `paid`; `nothing-due`: the notice asks for 0.00 元
 * (absent all period, fully exempt, or already paid by an earlier notice of the period).
 */
export type NoticeStatus = 'issued' | 'paid' | 'nothing-due';

/** The facts a notice was computed from, kept with it (never the hardship kind: see FeeNoticeWaiver). */
export interface NoticeFacts {
  /** `${profileId}@${fingerprint}` of the policy profile's data. */
  profileVersion: string;
  stage: Stage;
  /** The child's enrolment inside the term (null: not enrolled in the period). */
  enrolled: { from: string; to: string } | null;
  /** Each scheduled session of the child in the period, with the minutes attended as billed. */
  sessions: { date: string; minutes: number; periods: number; attendedMinutes: number }[];
  /** The school's settings the engine read (term fee, senior surcharge), and whether the plan was approved. */
  school: { planApproved: boolean; termFeeFen?: number; seniorMarkupPercent: number };
  /** A waiver (hardship or the school's reduction) was applied: its kind is in `feeNoticeWaivers`. */
  waived: boolean;
}

/**
 * 收费通知: one per child (enrolment) and billing period, id `${applicationId}:${periodKey}`;
 * a correction supersedes it with `${applicationId}:${periodKey}:${sequence}`. Amounts, lines and
 * facts are written once and never change; later writes only record payment and, once, that a
 * correction superseded it. The hardship kind is never stored here.
 */
export interface FeeNoticeDoc {
  _id: string;
  applicationId: string;
  studentId: string;
  studentName: string;
  classId: string;
  className: string;
  schoolId: string;
  termId: string;
  profileId: ProfileId;
  /** The billing period's key (`term` or `YYYY-MM`) and its dates. */
  periodKey: string;
  period: { from: string; to: string };
  /** 1: the period's notice; 2, 3, …: corrections, each superseding the one before. */
  sequence: number;
  supersedes?: string;
  supersededBy?: string;
  supersededAt?: string;
  /** Why a correction was issued (e.g. 考勤更正, 退出结算). */
  correctionReason?: string;
  /** What the period costs, as computed from `facts`. */
  grossFen: number;
  chargeFen: number;
  exemptFen: number;
  governmentShareFen: number;
  lines: NoticeLine[];
  /** Corrections: what changed from the superseded notice, line by line with its clause. */
  difference?: { previousChargeFen: number; differenceFen: number; lines: NoticeLine[] };
  /** Money already paid for this period on earlier notices, less what went back (0 on a first notice). */
  paidBeforeFen: number;
  /** What this notice asks the family to pay: chargeFen − paidBeforeFen, never below 0. */
  dueFen: number;
  /** Paid before more than the period now costs: this much goes back to the family (a refund). */
  creditFen: number;
  facts: NoticeFacts;
  status: NoticeStatus;
  issuedAt: string;
  issuedBy: string;
  paidAt?: string;
  paidFen?: number;
  revision: number;
}

/**
 * The engine's student input of a notice that carried a waiver (`feeNoticeWaivers`, id = notice
 * id): sensitive, read only by the fees code that recomputes a notice, never returned to anyone.
 */
export interface FeeNoticeWaiver {
  _id: string;
  schoolId: string;
  termId: string;
  hardship: 'registered-poor' | 'subsistence' | 'other' | 'none';
  reductionPercent: number;
}

/** The record that a school issued a term's billing period: `${schoolId}:${termId}:${periodKey}` in `feeBillingRuns`. */
export interface BillingRunDoc {
  _id: string;
  schoolId: string;
  termId: string;
  periodKey: string;
  period: { from: string; to: string };
  firstIssuedAt: string;
  lastIssuedAt: string;
  lastIssuedBy: string;
  /** Notices issued for the period (first notices; corrections not counted). */
  notices: number;
}

export type RefundStatus = 'requested' | 'approved' | 'rejected';

/**
 * 退费: at most one per notice, id = the notice's id, in `refunds`. `request`: a guardian applied
 * (suifenhe 004 三(五)3(2)); `correction`: a correction or a withdrawal settlement left the family
 * having paid more than the period costs, so the difference goes back (approved at once).
 */
export interface RefundDoc {
  _id: string;
  kind: 'request' | 'correction';
  noticeId: string;
  applicationId: string;
  studentId: string;
  studentName: string;
  classId: string;
  schoolId: string;
  termId: string;
  profileId: ProfileId;
  period: { from: string; to: string };
  paidFen: number;
  reason: string;
  status: RefundStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  refundFen?: number;
  lines?: NoticeLine[];
  revision: number;
}
