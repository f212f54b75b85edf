import { z } from 'zod';

/** Inputs of the attendance actions (enrollment function) and the fees function. */

const id = z.string().trim().min(1).max(200);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });

export const attendanceSheetInput = z.object({ classId: id, date: isoDay }).strict();

export const recordAttendanceInput = z
  .object({
    classId: id,
    date: isoDay,
    entries: z
      .array(z.object({ studentId: id, attendedMinutes: z.number().int().min(0).max(24 * 60) }).strict())
      .min(1)
      .max(200)
      .refine((entries) => new Set(entries.map((e) => e.studentId)).size === entries.length, { message: '同一名学生不能重复填写' }),
    /** The sheet's revision the teacher saw (absent: nothing was saved when the sheet was loaded). */
    revision: z.number().int().min(0).optional(),
  })
  .strict();

export const noticePeriodInput = z
  .object({ schoolId: id, termId: id, from: isoDay, to: isoDay })
  .strict()
  .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

export const schoolNoticesInput = z.object({ schoolId: id, termId: id }).strict();
export const noticeInput = z.object({ noticeId: id }).strict();
export const requestRefundInput = z.object({ noticeId: id, reason: z.string().trim().min(2, { message: '请写明退费原因' }).max(200) }).strict();
export const decideRefundInput = z.object({ refundId: id, approve: z.boolean() }).strict();
export const emptyFeesInput = z.object({}).strict();
