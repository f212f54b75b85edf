import type { JobView } from '../jobs/types';
import type { NoticeLine, NoticeStatus, RefundStatus } from './types';

/** What the pages get back. Types only: the client imports these without pulling in the engine. */

export interface AttendanceRow {
  studentId: string;
  studentName: string;
  studentNo: string;
  attendedMinutes: number;
  /** false: nothing saved yet, the default (full attendance, or none on a day of leave) is shown. */
  recorded: boolean;
  /** The parent reported leave for the day (serviceday.reportLeave): the sheet is pre-filled with the absence. */
  leave: { reason: string; late: boolean; reportedByName: string } | null;
}

export interface AttendanceSheet {
  classId: string;
  className: string;
  date: string;
  termId: string;
  /** The plan's service time of the class's stage that day. */
  start: string;
  end: string;
  scheduledMinutes: number;
  /** The day's revision (0: nothing saved). Send it back with recordAttendance. */
  revision: number;
  /**
   * The day's billing period has been issued: a change is a correction and needs a reason (it
   * does not change the issued notices; the school may issue a correction notice).
   */
  billed: { periodLabel: string } | null;
  /** Corrections recorded after billing, newest last. */
  corrections: { at: string; byName: string; reason: string; changed: number }[];
  rows: AttendanceRow[];
}

export interface RefundView {
  refundId: string;
  kind: 'request' | 'correction';
  status: RefundStatus;
  reason: string;
  paidFen: number;
  requestedAt: string;
  refundFen?: number;
  lines?: NoticeLine[];
  decidedAt?: string;
  /** Paying it back: how much is back with the family, and what the school pays back by hand. */
  payout?: { status: 'pending' | 'paid'; paidFen: number; offlineFen: number };
}

/** How a notice reads to a family: 待缴费, 已缴费, 无需缴费, or 已更正 (a later notice replaced it). */
export type NoticeState = 'due' | 'paid' | 'nothing-due' | 'superseded';

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  due: '待缴费',
  paid: '已缴费',
  'nothing-due': '无需缴费',
  superseded: '已更正',
};

export function noticeState(notice: { status: NoticeStatus; supersededBy?: string }): NoticeState {
  if (notice.supersededBy) return 'superseded';
  if (notice.status === 'paid') return 'paid';
  if (notice.status === 'nothing-due') return 'nothing-due';
  return 'due';
}

/** A correction as the family reads it: what the period cost before, what it costs now, and why. */
export interface NoticeDifferenceView {
  previousChargeFen: number;
  differenceFen: number;
  lines: NoticeLine[];
  reason: string;
  paidBeforeFen: number;
  creditFen: number;
}

/** A notice as a guardian of the child sees it: every line with its clause. */
export interface ParentNoticeView {
  noticeId: string;
  studentName: string;
  className: string;
  periodKey: string;
  periodLabel: string;
  period: { from: string; to: string };
  grossFen: number;
  chargeFen: number;
  exemptFen: number;
  governmentShareFen: number;
  dueFen: number;
  lines: NoticeLine[];
  state: NoticeState;
  issuedAt: string;
  paidAt?: string;
  /** Set on a correction. */
  difference: NoticeDifferenceView | null;
  /** The notices this one superseded, newest first (the family sees both). */
  earlier: { noticeId: string; chargeFen: number; dueFen: number; state: NoticeState; issuedAt: string; lines: NoticeLine[] }[];
  /** The profile's refund method where a parent may apply (suifenhe 三(五)3(2)). */
  refundMethod: string | null;
  canRequestRefund: boolean;
  refund: RefundView | null;
  /** The school takes WeChat Pay and this notice asks for money now. */
  canPay: boolean;
  receipt: PaymentReceipt | null;
}

/** One child in a preview (nothing written). */
export interface PreviewRow {
  applicationId: string;
  studentName: string;
  className: string;
  enrolled: { from: string; to: string } | null;
  grossFen: number;
  chargeFen: number;
  exemptFen: number;
  governmentShareFen: number;
  lines: NoticeLine[];
  /** Scheduled days of the child without an attendance record (counted as not attended where fees follow attendance). */
  unrecordedDays: number;
  /**
   * `new`: no notice yet, issuing writes one; `issued`: the notice stands as computed; `changed`:
   * the facts changed since the notice (attendance corrected, hardship declared late, a
   * withdrawal): a correction notice would supersede it.
   */
  state: 'new' | 'issued' | 'changed';
  /** For `issued` and `changed`: the latest notice of the period and what it asked. */
  notice: { noticeId: string; chargeFen: number; state: NoticeState } | null;
}

/** A billing period of the term as the school's fee page offers it. */
export interface BillingPeriodView {
  key: string;
  label: string;
  from: string;
  to: string;
  citation: string;
  byAttendance: boolean;
  /** First notices issued so far (0: not issued). */
  issued: number;
  /** Why it may not be issued yet (an attendance-billed period before it ends), or null. */
  notYet: string | null;
}

export interface NoticePeriods {
  schoolId: string;
  termId: string;
  termName: string;
  /** Said plainly where nothing is ever charged, or fees may not be issued yet; null when they may. */
  notChargeable: { reason: string; citation: string } | null;
  periods: BillingPeriodView[];
}

export interface NoticePreview {
  schoolId: string;
  termId: string;
  periodKey: string;
  periodLabel: string;
  period: { from: string; to: string };
  profileId: string;
  citation: string;
  /**
   * The job that computes the preview class by class (fees.advanceJob until done). Until it is
   * done the page is empty and the figures are partial; `digest` is empty.
   */
  job: JobView;
  /** When the shown preview was computed (the job's start), null before it is done. */
  computedAt: string | null;
  /** One page of children (filtered by class and state), in class then name order. */
  rows: PreviewRow[];
  /** Children matching the filters, and where the next page starts (null: last page). */
  total: number;
  nextSkip: number | null;
  /** Children of the period in all. */
  children: number;
  /** The school's classes, to filter the page by. */
  classes: { classId: string; className: string }[];
  counts: { new: number; issued: number; changed: number };
  totals: { grossFen: number; chargeFen: number; exemptFen: number; governmentShareFen: number };
  /** Service days still without attendance, by class (attendance-billed periods). */
  unrecorded: { classId: string; className: string; dates: string[] }[];
  /** Whether `issueNotices` may run now (null), or why not. */
  blocked: string | null;
  /** Send back with issueNotices (new rows) or issueCorrections (changed rows): names this computed preview. */
  digest: string;
}

export interface IssueResult {
  /** Notices written by this call's step. */
  created: number;
  /** Of the applications this call's step went through, those already billed. */
  existing: number;
  /** Kept for older screens: always empty (a school's ids do not fit in one answer). */
  noticeIds: string[];
  /** Issuing runs as a job: advance it (fees.advanceJob) until done; `job.result.created` counts them all. */
  job: JobView;
}

export interface CorrectionResult {
  corrected: number;
  noticeIds: string[];
}

/** The admin's row: amounts including waivers, never the hardship kind. */
export interface AdminNoticeRow {
  noticeId: string;
  studentName: string;
  className: string;
  periodKey: string;
  period: { from: string; to: string };
  sequence: number;
  grossFen: number;
  chargeFen: number;
  exemptFen: number;
  governmentShareFen: number;
  dueFen: number;
  creditFen: number;
  state: NoticeState;
  refund: RefundView | null;
}

/** The class teacher's row: what the family owes and whether it is paid; no waivers, no lines. */
export interface TeacherNoticeRow {
  noticeId: string;
  studentName: string;
  className: string;
  periodKey: string;
  period: { from: string; to: string };
  dueFen: number;
  state: NoticeState;
}

/** One page of the term's notices (filtered by class and period) with the totals of all of them. */
export type SchoolNotices =
  | {
      as: 'admin';
      rows: AdminNoticeRow[];
      total: number;
      nextSkip: number | null;
      totals: { grossFen: number; chargeFen: number; exemptFen: number; governmentShareFen: number; dueFen: number; paidFen: number; creditFen: number };
    }
  | { as: 'teacher'; rows: TeacherNoticeRow[]; total: number; nextSkip: number | null; totals: { dueFen: number; unpaid: number } };

/** What approving a withdrawal did to the money, per billed period (shown to the school and the family). */
export interface WithdrawalSettlementView {
  /** One sentence with its clause for the whole settlement. */
  summary: string;
  citation: string;
  periods: {
    periodKey: string;
    periodLabel: string;
    outcome: 'unchanged' | 'corrected' | 'not-settled';
    chargeFen?: number;
    dueFen?: number;
    creditFen?: number;
    noticeId?: string;
  }[];
}

/** What saving a day's attendance did: rows changed, rows sent unchanged (a retry), the day's new revision. */
export interface AttendanceSaved {
  saved: number;
  unchanged: number;
  revision: number;
}

export interface RefundAnswer {
  refund: RefundView | null;
}

export interface RefundRequestAnswer extends RefundAnswer {
  existing: boolean;
}

export interface MyNotices {
  notices: ParentNoticeView[];
}

/** What wx.requestPayment needs, for the notice's amount (never the client's). */
export interface PaymentStart {
  payment: Record<string, unknown>;
  outTradeNo: string;
  amountFen: number;
}

/** The receipt of a paid notice. */
export interface PaymentReceipt {
  amountFen: number;
  paidAt: string;
  channel: 'wechat' | 'offline';
  /** WeChat's transaction number, or the school's receipt/transfer number. */
  reference: string;
}

export interface PaymentConfirmation {
  noticeId: string;
  state: NoticeState;
  receipt: PaymentReceipt | null;
}

export interface OfflinePaymentResult {
  noticeId: string;
  paymentId: string;
  existing: boolean;
}

export interface LedgerView {
  schoolId: string;
  termId: string;
  periodKey: string | null;
  totals: import('./ledger').LedgerTotals;
  checks: import('./ledger').LedgerCheck[];
  balanced: boolean;
  unmatched: { payments: number; notices: number };
  /** Spending recorded for the term's school year (开支), by category. */
  spending: { totalFen: number; byCategory: { category: string; label: string; amountFen: number }[] };
}

export interface LedgerEntryRow {
  kind: 'notice' | 'payment' | 'refund';
  id: string;
  studentName: string;
  className: string;
  periodKey: string;
  amountFen: number;
  detail: string;
}

export interface LedgerEntries {
  figure: import('./schemas').LedgerFigure;
  total: number;
  rows: LedgerEntryRow[];
}

export interface SpendingRow {
  spendingId: string;
  date: string;
  category: string;
  categoryLabel: string;
  payeeType: string;
  payeeTypeLabel: string;
  payee: string;
  description: string;
  amountFen: number;
  classHours?: number;
  attachmentName?: string;
  voided: { reason: string; at: string } | null;
}

export interface SpendingList {
  schoolId: string;
  year: number;
  totalFen: number;
  rows: SpendingRow[];
}

export interface ExportFile {
  fileId: string;
  fileName: string;
  url: string;
}
