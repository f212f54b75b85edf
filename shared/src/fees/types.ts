import type { Stage } from '../domain/people';
import type { ProfileId } from '../domain/profile-id';
import type { PreviewRow } from './views';

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
  /** The payment that paid it (`payments`). */
  paymentId?: string;
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

/** Who and what a payment or refund is about: copied from its notice, so lists and exports need no join. */
export interface NoticeRef {
  noticeId: string;
  applicationId: string;
  studentId: string;
  studentName: string;
  classId: string;
  schoolId: string;
  termId: string;
}

export type RefundStatus = 'requested' | 'approved' | 'rejected';

/**
 * 退费: at most one per notice, id = the notice's id, in `refunds`. `request`: a guardian applied
 * (suifenhe 004 三(五)3(2)); `correction`: a correction or a withdrawal settlement left the family
 * having paid more than the period costs, so the difference goes back (approved at once).
 */
export interface RefundDoc extends NoticeRef {
  _id: string;
  kind: 'request' | 'correction';
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
  /** Paying the approved amount back: `pending` until every payout reached the family. */
  payout?: {
    status: 'pending' | 'paid';
    /** Back with the family so far. */
    paidFen: number;
    channel: 'wechat' | 'offline' | 'mixed';
    /** What the school pays back by hand (the part paid offline). */
    offlineFen?: number;
    paidAt?: string;
  };
  revision: number;
}

/**
 * 缴费记录 (`payments`): one per WeChat Pay order (id = the order number, derived from the notice)
 * or per offline payment the school records. A notice is paid by at most one of them; a second
 * WeChat payment that arrives anyway is refunded at once (`duplicate`).
 */
export interface PaymentDoc extends NoticeRef {
  _id: string;
  channel: 'wechat' | 'offline';
  periodKey: string;
  amountFen: number;
  /** `created`: the order is open (WeChat); `paid`; `closed`: the order expired or was closed unpaid. */
  status: 'created' | 'paid' | 'closed';
  /** Paid although the notice was already paid or replaced: the whole amount goes back. */
  duplicate?: boolean;
  /** Money paid back against this payment so far (refunds paid out). */
  refundedFen: number;
  createdAt: string;
  createdBy: string;
  paidAt?: string;
  /** WeChat: the payer (from WeChat Pay, never from the client) and WeChat's transaction number. */
  payerOpenid?: string;
  transactionId?: string;
  /** Offline: how it was paid and the school's reference (receipt or transfer number). */
  method?: 'cash' | 'transfer';
  reference?: string;
  revision: number;
}

/**
 * One payout of a refund back to the family (`refundPayouts`): through WeChat Pay against one
 * payment (id = the refund number sent to WeChat, ≤ 64 characters), or recorded by the school
 * when the money was paid offline. A refund may need several payouts when the period was paid in
 * several payments.
 */
export interface RefundPayoutDoc {
  _id: string;
  refundId: string;
  paymentId: string;
  channel: 'wechat' | 'offline';
  schoolId: string;
  termId: string;
  studentId: string;
  amountFen: number;
  /** `requested`: sent to WeChat, waiting for its refund callback; `paid`: back with the family. */
  status: 'requested' | 'paid' | 'failed';
  requestedAt: string;
  paidAt?: string;
  wechatRefundId?: string;
  reference?: string;
}

/** 开支 (`spending`): what the fee income was spent on, recorded by the school (000 四(三); 001 六2; 003 六(三)). */
export interface SpendingDoc {
  _id: string;
  schoolId: string;
  /** The school year it belongs to (its first calendar year: 2026 for 2026—2027) and the date paid. */
  date: string;
  category: SpendingCategory;
  payeeType: PayeeType;
  payee: string;
  description: string;
  amountFen: number;
  /** For staff pay: the class hours paid for (004 三(五)3(2) 教师补助费根据课时按月发放). */
  classHours?: number;
  attachment?: { name: string; fileId: string };
  recordedBy: string;
  recordedAt: string;
  /** A wrong entry is voided with a reason, never deleted. */
  voided?: { at: string; by: string; reason: string };
}

export const SPENDING_CATEGORIES = ['staff-pay', 'external-staff', 'consumables', 'utilities', 'services', 'other'] as const;
export type SpendingCategory = (typeof SPENDING_CATEGORIES)[number];
export const SPENDING_CATEGORY_LABELS: Record<SpendingCategory, string> = {
  'staff-pay': '教职工课时补助',
  'external-staff': '外聘人员劳务',
  consumables: '耗材与活动用品',
  utilities: '水电等运行成本',
  services: '购买服务（机构课程等）',
  other: '其他',
};

export const PAYEE_TYPES = ['school-staff', 'external-staff', 'nonprofit', 'company', 'other'] as const;
export type PayeeType = (typeof PAYEE_TYPES)[number];
export const PAYEE_TYPE_LABELS: Record<PayeeType, string> = {
  'school-staff': '本校教职工',
  'external-staff': '外聘人员',
  nonprofit: '公益组织',
  company: '企业',
  other: '其他',
};

/**
 * One row of a period's preview as the preview job computed it (`feePreviews`, server only), id
 * `${previewId}:${applicationId}`, or one class's summary (`kind: 'class'`, id
 * `${previewId}:class:${classId}`: its service days without attendance). `previewId` is the
 * preview job's id and `run` its start: a preview computed again writes a new run, and pages,
 * issuing and corrections read only the run they were shown.
 */
export type FeePreviewDoc =
  | {
      _id: string;
      previewId: string;
      run: string;
      kind: 'row';
      classId: string;
      state: PreviewRow['state'];
      /** Class (in the school's order of class names), then child: the order a page shows. */
      sortKey: string;
      row: PreviewRow;
    }
  | {
      _id: string;
      previewId: string;
      run: string;
      kind: 'class';
      classId: string;
      className: string;
      sortKey: string;
      unrecordedDates: string[];
    };
