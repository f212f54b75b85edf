import { z } from 'zod';
import type { DeadlineState } from '../disclosure/types';
import type { PlanStatus } from '../domain/plan';
import type { ProfileId } from '../domain/profile-id';
import type { Stage } from '../policy/domain';
import { isoDateSchema } from '../policy/schemas';

/**
 * 教育局看板: each school's figures for its current term, precomputed into one small document per
 * school (`summary:${schoolId}`) by the actions that change them and by a timer, so the bureau's
 * dashboard reads one page of documents for 100 schools. Counts and sums only: never a child's
 * name, hardship status or a family's fee.
 */
export interface SchoolSummaryDoc {
  _id: string;
  schoolId: string;
  bureauId: string;
  schoolName: string;
  district: string;
  profileId: ProfileId;
  termId: string | null;
  termName: string;
  termStart: string | null;
  plan: {
    status: PlanStatus | 'none';
    submissions: number;
    deadline: string | null;
    deadlineState: DeadlineState;
    daysLeft: number | null;
    filedOn: string | null;
  };
  participation: { onRoll: number; applied: number; enrolled: number; byStage: { stage: Stage; onRoll: number; enrolled: number }[] };
  clubs: { clubs: number; capacity: number; taken: number; waiting: number };
  fees: { notices: number; grossFen: number; waivedFen: number; governmentShareFen: number; chargedFen: number; paidFen: number; outstandingFen: number };
  refunds: { requested: number; approved: number; refundFen: number; pendingFen: number };
  feedback: { open: number; reviewed: number; answered: number };
  satisfaction: { answers: number; average: number | null };
  reports: { key: string; label: string; due: string; periodLabel: string; submitted: boolean; previousLate: boolean }[];
  supervision: { notes: number; unanswered: number };
  updatedAt: string;
  /** Changes since counted (server/stale.ts): marks made, and the marks the last full refresh saw. */
  staleMarks?: number;
  refreshedMarks?: number;
}

export type SummaryPart = 'plan' | 'participation' | 'clubs' | 'fees' | 'feedback' | 'satisfaction' | 'reports' | 'supervision';
export const SUMMARY_PARTS: readonly SummaryPart[] = ['plan', 'participation', 'clubs', 'fees', 'feedback', 'satisfaction', 'reports', 'supervision'];

/** One row of the dashboard: the summary without bookkeeping (kept small: 100 rows stay well under 100 KB). */
export type DashboardRow = Omit<
  SchoolSummaryDoc,
  '_id' | 'bureauId' | 'district' | 'profileId' | 'termStart' | 'updatedAt' | 'staleMarks' | 'refreshedMarks'
> & {
  /** Sorted first: late filings, then near deadlines. */
  urgency: number;
};

export interface BureauDashboard {
  bureauIds: string[];
  rows: DashboardRow[];
  totals: {
    schools: number;
    onRoll: number;
    enrolled: number;
    grossFen: number;
    waivedFen: number;
    governmentShareFen: number;
    paidFen: number;
    refundFen: number;
    openFeedback: number;
    lateFilings: number;
  };
  /** The oldest summary's time: how fresh the figures are. */
  oldestUpdate: string | null;
}

/** 督导记录 (000 §四(六)): a reviewer's inspection note for a school, and the school's answers; never changed, only answered. */
export interface SupervisionNoteDoc {
  _id: string;
  schoolId: string;
  bureauId: string;
  date: string;
  findings: string;
  followUp: string;
  byName: string;
  recordedAt: string;
  /** `requestId`: the tap that wrote it (a retry of that tap adds nothing); absent on answers written before. */
  answers: { text: string; byName: string; at: string; requestId?: string }[];
}

export interface SupervisionNoteView {
  noteId: string;
  date: string;
  findings: string;
  followUp: string;
  byName: string;
  recordedAt: string;
  answers: { text: string; byName: string; at: string }[];
}

/** The list behind a school's row: what the bureau may see of it. */
export interface BureauSchoolDetail {
  summary: DashboardRow;
  clubs: { name: string; capacity: number; taken: number; waiting: number }[];
  feedbackByTopic: { topic: string; label: string; open: number; total: number }[];
  classes: { className: string; stage: Stage; onRoll: number; enrolled: number }[];
  notes: SupervisionNoteView[];
}

const id = z.string().min(1).max(120);
const text = (max: number, label: string) => z.string().trim().min(2, `${label}请至少写 2 个字`).max(max, `${label}请不要超过 ${max} 字`);

export const bureauSchoolInput = z.object({ schoolId: id.describe('学校') }).strict();
export const refreshSummariesInput = z.object({ schoolId: id.optional().describe('学校') }).strict();
const requestId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/, '请求编号格式不正确')
  .describe('请求编号');

export const recordInspectionInput = z
  .object({
    schoolId: id.describe('学校'),
    requestId,
    date: isoDateSchema.describe('督导日期'),
    findings: text(1000, '发现的问题').describe('发现的问题'),
    followUp: text(500, '整改要求').describe('整改要求'),
  })
  .strict();
export const answerInspectionInput = z
  .object({ schoolId: id.describe('学校'), noteId: id.describe('督导记录'), requestId, text: text(1000, '答复').describe('学校的答复') })
  .strict();
export const reportFilingInput = z
  .object({
    schoolId: id.describe('学校'),
    reportKey: z.string().min(1).max(60).describe('报告'),
    year: z.number().int().min(2000).max(2100).describe('年份'),
    half: z
      .union([z.literal(1), z.literal(2)])
      .optional()
      .describe('上半年或下半年'),
  })
  .strict();

export const DEADLINE_LABELS: Record<DeadlineState, string> = {
  none: '无期限',
  open: '未到期限',
  near: '临近期限',
  past: '逾期未备案',
  filed: '按期备案',
  'filed-late': '逾期备案',
};
