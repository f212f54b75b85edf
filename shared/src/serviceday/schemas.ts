import { z } from 'zod';
import { freeTextSchema, lineSchema } from '../domain/text';
import { clockTimeSchema, isoDateSchema } from '../policy/schemas';

/** Inputs of the serviceday cloud function (parsed before any handler runs; bad input writes nothing). */

const id = z.string().trim().min(1).max(120).describe('编号');
const date = isoDateSchema.describe('日期');

/** A leave for one day or a range of days (at most 31), with the reason the class teacher reads. */
export const reportLeaveInput = z
  .object({
    studentId: id.describe('孩子'),
    from: date.describe('请假开始日期'),
    to: date.describe('请假结束日期').optional(),
    reason: freeTextSchema({ min: 2, max: 200, minMessage: '请写明请假原因（至少 2 个字）', maxMessage: '请假原因不要超过 200 字' }).describe('请假原因'),
  })
  .strict()
  .refine((v) => !v.to || v.to >= v.from, { message: '结束日期不能早于开始日期', path: ['to'] });

export const serviceMonthInput = z
  .object({
    studentId: id.describe('孩子'),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应写成 YYYY-MM，例如 2026-09')
      .describe('月份'),
  })
  .strict();

export const gateSheetInput = z.object({ classId: id.describe('班级'), date: date.describe('服务日') }).strict();

export const recordHandoverInput = z
  .object({
    classId: id.describe('班级'),
    date: date.describe('服务日'),
    studentId: id.describe('孩子'),
    kind: z.enum(['picker', 'alone', 'waiting'], { errorMap: () => ({ message: '请选择孩子的离校方式' }) }).describe('离校方式'),
    /** Which adult of the pick-up arrangement (GateRow.pickers[].index); only for `picker`. */
    pickerIndex: z.number().int().min(0).max(9).optional().describe('接送人'),
    /** The revision of the child's record the teacher saw (0: none yet). */
    revision: z.number().int().min(0).describe('版本'),
  })
  .strict()
  .refine((v) => v.kind !== 'picker' || v.pickerIndex !== undefined, { message: '请选择把孩子交给了哪位接送人', path: ['pickerIndex'] });

const activity = lineSchema({ min: 1, max: 20, minMessage: '请填写交接的活动', maxMessage: '活动名称不要超过 20 个字' });

export const confirmShiftInput = z
  .object({
    classId: id.describe('班级'),
    date: date.describe('服务日'),
    fromActivity: activity.describe('交出的活动'),
    toActivity: activity.describe('接手的活动'),
    headCount: z.number({ invalid_type_error: '请填写清点的人数' }).int().min(0).max(200).describe('清点人数'),
    note: freeTextSchema({ max: 200, maxMessage: '说明不要超过 200 字' }).optional().describe('说明'),
  })
  .strict();

export const schoolFlagsInput = z.object({ schoolId: id.describe('学校'), date: date.describe('服务日') }).strict();

export const serviceDaySettingsInput = z
  .object({
    schoolId: id.describe('学校'),
    leaveCutoff: clockTimeSchema.describe('当天请假截止时间'),
    pickupMarginMinutes: z.number().int().min(0, '不能小于 0 分钟').max(120, '最多 120 分钟').describe('接送宽限分钟数'),
  })
  .strict();
