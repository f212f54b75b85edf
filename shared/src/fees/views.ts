import type { NoticeLine, NoticeStatus, RefundStatus } from './types';

/** What the pages get back. Types only: the client imports these without pulling in the engine. */

export interface AttendanceRow {
  studentId: string;
  studentName: string;
  studentNo: string;
  attendedMinutes: number;
  /** false: nothing saved yet, the default (full attendance) is shown. */
  recorded: boolean;
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
  /** Highest revision of the day's records (0: nothing saved). Send it back with recordAttendance. */
  revision: number;
  rows: AttendanceRow[];
}

export interface RefundView {
  refundId: string;
  status: RefundStatus;
  reason: string;
  paidFen: number;
  requestedAt: string;
  refundFen?: number;
  lines?: NoticeLine[];
  decidedAt?: string;
}

/** A notice as a guardian of the child sees it: every line with its clause. */
export interface ParentNoticeView {
  noticeId: string;
  studentName: string;
  className: string;
  period: { from: string; to: string };
  grossFen: number;
  chargeFen: number;
  exemptFen: number;
  governmentShareFen: number;
  lines: NoticeLine[];
  status: NoticeStatus;
  issuedAt: string;
  paidAt?: string;
  /** The profile has a refund method for a month paid in advance (suifenhe 三(五)3(2)). */
  refundMethod: string | null;
  canRequestRefund: boolean;
  refund: RefundView | null;
}

/** One child in a preview (nothing written). */
export interface PreviewRow {
  applicationId: string;
  studentName: string;
  className: string;
  enrolled: { from: string; to: string };
  grossFen: number;
  chargeFen: number;
  exemptFen: number;
  governmentShareFen: number;
  lines: NoticeLine[];
  /** Scheduled days without an attendance record (counted as not attended where fees follow attendance). */
  unrecordedDays: number;
  /** An issued notice for this child and period already exists. */
  issued: boolean;
}

export interface NoticePreview {
  schoolId: string;
  termId: string;
  period: { from: string; to: string };
  profileId: string;
  rows: PreviewRow[];
  totals: { grossFen: number; chargeFen: number; exemptFen: number; governmentShareFen: number };
}

export interface IssueResult {
  created: number;
  existing: number;
  noticeIds: string[];
}

/** The admin's row: amounts including waivers, never the hardship kind. */
export interface AdminNoticeRow {
  noticeId: string;
  studentName: string;
  className: string;
  period: { from: string; to: string };
  grossFen: number;
  chargeFen: number;
  exemptFen: number;
  governmentShareFen: number;
  status: NoticeStatus;
  refund: RefundView | null;
}

/** The class teacher's row: what the family owes and whether it is paid; no waivers, no lines. */
export interface TeacherNoticeRow {
  noticeId: string;
  studentName: string;
  className: string;
  period: { from: string; to: string };
  chargeFen: number;
  status: NoticeStatus;
}

export type SchoolNotices =
  | { as: 'admin'; rows: AdminNoticeRow[]; totals: { grossFen: number; chargeFen: number; exemptFen: number; governmentShareFen: number; paidFen: number } }
  | { as: 'teacher'; rows: TeacherNoticeRow[]; totals: { chargeFen: number } };
