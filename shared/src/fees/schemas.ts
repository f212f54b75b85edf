import { z } from 'zod';
import { isoDateSchema } from '../policy/schemas';

/** Inputs of the attendance actions (enrollment function) and the fees function. */

const id = z.string().trim().min(1).max(200);
const reason = z.string().trim().min(2, { message: '请写明原因（至少 2 个字）' }).max(200);

export const attendanceSheetInput = z.object({ classId: id, date: isoDateSchema }).strict();

export const recordAttendanceInput = z
  .object({
    classId: id,
    date: isoDateSchema,
    entries: z
      .array(z.object({ studentId: id, attendedMinutes: z.number().int().min(0).max(24 * 60) }).strict())
      .min(1)
      .max(200)
      .refine((entries) => new Set(entries.map((e) => e.studentId)).size === entries.length, { message: '同一名学生不能重复填写' }),
    /** The day's revision the teacher saw (absent or 0: nothing was saved when the sheet was loaded). */
    revision: z.number().int().min(0).optional(),
    /** Needed once the day's billing period has been issued: the change is recorded as a correction. */
    reason: reason.optional(),
  })
  .strict();

/** A billing period is named by its key (`term`, or `YYYY-MM`), never by free dates. */
export const periodKeySchema = z.string().regex(/^(term|\d{4}-(0[1-9]|1[0-2]))$/, { message: '收费期间不正确，请从列出的期间中选择' });
const digest = z.string().regex(/^[0-9a-f]{64}$/, { message: '请先预览，再按预览的内容发出' });

export const schoolTermFeesInput = z.object({ schoolId: id, termId: id }).strict();
export const previewNoticesInput = z.object({ schoolId: id, termId: id, periodKey: periodKeySchema }).strict();
export const issueNoticesInput = z.object({ schoolId: id, termId: id, periodKey: periodKeySchema, digest }).strict();
export const issueCorrectionsInput = z.object({ schoolId: id, termId: id, periodKey: periodKeySchema, digest, reason }).strict();

export const schoolNoticesInput = schoolTermFeesInput;
export const noticeInput = z.object({ noticeId: id }).strict();
export const requestRefundInput = z.object({ noticeId: id, reason: z.string().trim().min(2, { message: '请写明退费原因' }).max(200) }).strict();
export const decideRefundInput = z.object({ refundId: id, approve: z.boolean() }).strict();
export const emptyFeesInput = z.object({}).strict();
