import type { ProfileId } from '../domain/profile-id';

/**
 * 考勤: one document per child and service day in `attendance`, id `${studentId}:${date}` (the
 * natural key: a retry never creates a second record). Every update is conditional on `revision`.
 */
export interface AttendanceDoc {
  _id: string;
  schoolId: string;
  classId: string;
  termId: string;
  studentId: string;
  /** YYYY-MM-DD, China time. */
  date: string;
  /** 0 = absent. Never more than scheduledMinutes. */
  attendedMinutes: number;
  scheduledMinutes: number;
  recordedBy: string;
  recordedAt: string;
  revision: number;
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

export type NoticeStatus = 'issued' | 'paid';

/**
 * 收费通知: one per application and billing period, id `${applicationId}:${from}:${to}`. Written
 * once on issue and never changed afterwards except `status`/`paidAt` (mark paid) and `refund`
 * summary fields. The hardship kind is never stored here: the exemption line has a neutral label.
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
  period: { from: string; to: string };
  grossFen: number;
  chargeFen: number;
  exemptFen: number;
  governmentShareFen: number;
  lines: NoticeLine[];
  status: NoticeStatus;
  issuedAt: string;
  issuedBy: string;
  paidAt?: string;
  revision: number;
}

export type RefundStatus = 'requested' | 'approved' | 'rejected';

/** 退费申请: at most one per notice, id = notice id (in `feeNotices`'s sibling collection `refunds`). */
export interface RefundDoc {
  _id: string;
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
