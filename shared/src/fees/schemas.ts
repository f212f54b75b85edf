import { z } from 'zod';
import { pageFields } from '../domain/paging';
import { isoDateSchema } from '../policy/schemas';
import { PAYEE_TYPES, SPENDING_CATEGORIES } from './types';

/** Inputs of the attendance actions (enrollment function) and the fees function. */

const id = z.string().trim().min(1).max(200);
const reason = z.string().trim().min(2, { message: '请写明原因（至少 2 个字）' }).max(200);

export const attendanceSheetInput = z.object({ classId: id, date: isoDateSchema }).strict();

export const recordAttendanceInput = z
  .object({
    classId: id,
    date: isoDateSchema,
    entries: z
      .array(
        z
          .object({
            studentId: id,
            attendedMinutes: z
              .number()
              .int()
              .min(0)
              .max(24 * 60)
              .describe('到场分钟数'),
          })
          .strict(),
      )
      .min(1)
      .max(200)
      .refine((entries) => new Set(entries.map((e) => e.studentId)).size === entries.length, { message: '同一名学生不能重复填写' })
      .describe('出勤记录'),
    /** The day's revision the teacher saw (absent or 0: nothing was saved when the sheet was loaded). */
    revision: z.number().int().min(0).optional(),
    /** Needed once the day's billing period has been issued: the change is recorded as a correction. */
    reason: reason.describe('更正原因').optional(),
  })
  .strict();

/** A billing period is named by its key (`term`, or `YYYY-MM`), never by free dates. */
export const periodKeySchema = z.string().regex(/^(term|\d{4}-(0[1-9]|1[0-2]))$/, { message: '收费期间不正确，请从列出的期间中选择' });
const digest = z.string().regex(/^[0-9a-f]{64}$/, { message: '请先预览，再按预览的内容发出' });

export const schoolTermFeesInput = z.object({ schoolId: id, termId: id }).strict();
/**
 * One page of a period's preview, optionally of one class or one state; `refresh`: compute it
 * again from today's facts (a job: fees.advanceJob until done), as the screen does when opened.
 */
export const previewNoticesInput = z
  .object({
    schoolId: id,
    termId: id,
    periodKey: periodKeySchema,
    classId: id.optional().describe('班级'),
    state: z.enum(['new', 'issued', 'changed']).optional().describe('状态'),
    refresh: z.boolean().default(true).describe('重新计算（默认；翻页时传 false）'),
    ...pageFields,
  })
  .strict();
export const issueNoticesInput = z.object({ schoolId: id, termId: id, periodKey: periodKeySchema, digest }).strict();
export const issueCorrectionsInput = z.object({ schoolId: id, termId: id, periodKey: periodKeySchema, digest, reason: reason.describe('更正原因') }).strict();

/** One page of the term's notices, optionally of one class or one period. */
export const schoolNoticesInput = z
  .object({ schoolId: id, termId: id, classId: id.optional().describe('班级'), periodKey: periodKeySchema.optional(), ...pageFields })
  .strict();
export const noticeInput = z.object({ noticeId: id }).strict();
export const requestRefundInput = z
  .object({ noticeId: id, reason: z.string().trim().min(2, { message: '请写明退费原因' }).max(200).describe('退费原因') })
  .strict();
export const decideRefundInput = z.object({ refundId: id, approve: z.boolean() }).strict();

/** A receipt or transfer number the school writes down for money handled at the office. */
const reference = z.string().trim().min(2, { message: '请填写收据号或转账流水号' }).max(60).describe('收据号或转账流水号');

export const recordOfflinePaymentInput = z.object({ noticeId: id, method: z.enum(['cash', 'transfer']).describe('付款方式'), reference }).strict();
export const recordOfflineRefundInput = z.object({ refundId: id, reference }).strict();

/** The ledger's figures, each drillable to the documents behind it. */
export const LEDGER_FIGURES = [
  'issued',
  'waived',
  'charged',
  'paid-wechat',
  'paid-offline',
  'outstanding',
  'refunded',
  'refund-pending',
  'corrections',
  'unmatched-payments',
  'unmatched-notices',
] as const;
export type LedgerFigure = (typeof LEDGER_FIGURES)[number];

export const ledgerInput = z.object({ schoolId: id, termId: id, periodKey: periodKeySchema.optional() }).strict();
export const ledgerEntriesInput = z
  .object({
    schoolId: id,
    termId: id,
    periodKey: periodKeySchema.optional(),
    figure: z.enum(LEDGER_FIGURES).describe('台账项目'),
    skip: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();

const fenAmount = z.number().int({ message: '金额以分为单位，应为整数' }).min(1, { message: '金额应大于 0' }).max(100_000_000, { message: '金额过大，请核对' });
export const recordSpendingInput = z
  .object({
    schoolId: id,
    /** Made by the form once: a double tap or a retry records the entry once. */
    requestId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '请求编号格式不正确'),
    date: isoDateSchema,
    category: z.enum(SPENDING_CATEGORIES).describe('支出类别'),
    payeeType: z.enum(PAYEE_TYPES).describe('收款方类型'),
    payee: z.string().trim().min(1, { message: '请填写收款方' }).max(40).describe('收款方'),
    description: z.string().trim().min(2, { message: '请写明用途' }).max(200).describe('用途'),
    amountFen: fenAmount.describe('金额'),
    classHours: z.number().min(0).max(10_000).describe('课时数').optional(),
    attachment: z
      .object({ name: z.string().trim().min(1).max(100).describe('文件名'), fileId: z.string().startsWith('cloud://').max(500).describe('云存储文件') })
      .strict()
      .optional(),
  })
  .strict();
export const spendingYearInput = z.object({ schoolId: id, year: z.number().int().min(2000).max(2100) }).strict();
export const voidSpendingInput = z.object({ schoolId: id, spendingId: id, reason: reason.describe('作废原因') }).strict();
export const attendanceExportInput = z.object({ schoolId: id, termId: id, periodKey: periodKeySchema, classId: id.optional() }).strict();
