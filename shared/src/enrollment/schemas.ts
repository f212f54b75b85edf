import { z } from 'zod';
import { personNameSchema, relationSchema } from '../domain/names';
import { pageFields } from '../domain/paging';
import { freeTextSchema } from '../domain/text';
import { LISTING_DAYS } from '../policy/admin/listing-days';
import { isoDateSchema } from '../policy/schemas';
import { MOBILE_PATTERN } from './patterns';
import { APPLICATION_STATUSES } from './status';
import { HARDSHIP_KINDS } from './types';

/** Inputs of the enrollment cloud function (parsed before any handler runs; bad input writes nothing). */

const id = z.string().trim().min(1).max(120);
const mobile = z.string({ required_error: '请填写手机号' }).trim().regex(MOBILE_PATTERN, { message: '手机号应为 11 位数字' });
const weekday = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const distinct = <T>(items: T[]) => new Set(items).size === items.length;

export const bindChildInput = z
  .object({
    studentName: personNameSchema('孩子姓名'),
    studentNo: z.string().trim().min(1).max(20).describe('学号'),
    bindCode: z.string().trim().min(4).max(12).describe('班级绑定码'),
    guardianName: personNameSchema('您的姓名'),
    relation: relationSchema('与孩子的关系'),
    phone: mobile.describe('手机号').optional(),
  })
  .strict();

export const decideBindingInput = z.object({ guardianshipId: id, decision: z.enum(['confirm', 'reject']) }).strict();

export const classInput = z.object({ classId: id }).strict();
export const schoolTermInput = z.object({ schoolId: id, termId: id.optional() }).strict();
export const studentInput = z.object({ studentId: id }).strict();
export const applicationInput = z.object({ applicationId: id }).strict();
export { emptyInput } from '../domain/inputs';
export const schoolInput = z.object({ schoolId: id }).strict();

/*
 * The choices of an application carry the words a parent reads: the apply page checks its form
 * with these very schemas (client/src/parent/apply) before sending it.
 */
export const pickerSchema = z.object({ name: personNameSchema('姓名'), relation: relationSchema('与孩子的关系'), phone: mobile.describe('手机号') }).strict();

export const pickupSchema = z.discriminatedUnion(
  'mode',
  [
    z
      .object({ mode: z.literal('pickers').describe('接送方式'), pickers: z.array(pickerSchema).min(1, '请至少填写一位接送人').max(5).describe('接送人') })
      .strict(),
    z.object({ mode: z.literal('alone').describe('接送方式') }).strict(),
  ],
  { errorMap: (issue, ctx) => ({ message: issue.code === 'invalid_union_discriminator' ? '请选择接送安排' : ctx.defaultError }) },
);

export const hardshipSchema = z
  .object({
    kind: z.enum(HARDSHIP_KINDS, { errorMap: () => ({ message: '请选择家庭经济困难的类别，或取消申报' }) }).describe('困难类别'),
    note: freeTextSchema({ max: 200, maxMessage: '说明不能超过 200 字' }).default('').describe('困难情况说明'),
  })
  .strict();

const choices = {
  days: z.array(weekday).min(1, '请选择参加哪几天').max(5).refine(distinct, { message: '上课日不能重复' }).describe('参加的日子'),
  itemIds: z.array(id).min(1, '请选择至少一个项目').max(12).refine(distinct, { message: '项目不能重复' }).describe('服务项目'),
  pickup: pickupSchema.describe('接送安排'),
  /** Declared hardship; null or absent: none. Stored apart from the application. */
  hardship: hardshipSchema.nullable().optional().describe('家庭经济困难申报'),
};

export const applyInput = z.object({ studentId: id, termId: id, ...choices }).strict();
export const resubmitInput = z.object({ applicationId: id, revision: z.number().int().min(0), ...choices }).strict();

/** Reviews never refuse (the basic care service never turns a child away): they pass an application on, or send it back. */
const reviewed = { applicationId: id, revision: z.number().int().min(0) };
const RETURN_REASON = '退回时请写明需要修改的地方';
/** The class teacher's first review (班级初审) passes the application on to the school. */
export const passFirstReviewInput = z.object(reviewed).strict();
/** The school's review (学校审核) approves it. */
export const approveApplicationInput = z.object(reviewed).strict();
/** Either review sends it back for correction, saying what to change. */
export const returnApplicationInput = z
  .object({ ...reviewed, reason: z.string({ required_error: RETURN_REASON }).trim().min(2, RETURN_REASON).max(200).describe('退回原因') })
  .strict();

export const postListInput = z
  .object({
    schoolId: id,
    termId: id,
    listingDays: z
      .number()
      .int()
      .min(LISTING_DAYS.min, `公示期至少 ${LISTING_DAYS.min} 天`)
      .max(LISTING_DAYS.max, `公示期最多 ${LISTING_DAYS.max} 天`)
      .describe('公示天数'),
  })
  .strict();
export const fixListInput = z.object({ listingId: id }).strict();

export const withdrawInput = z
  .object({
    applicationId: id,
    effectiveDate: isoDateSchema.describe('退出日期').optional(),
    reason: z.string().trim().max(200).describe('退出原因').optional(),
  })
  .strict();
export const decideWithdrawalInput = z
  .object({ applicationId: id, decision: z.enum(['approve', 'reject']), note: z.string().trim().max(200).describe('处理说明').optional() })
  .strict();

/** An uploaded file: base64 (H5, small files) or a cloud-storage fileID (mini-program). */
export const MAX_ROSTER_BYTES = 1024 * 1024;
export const ROSTER_TOO_BIG = '文件不能超过 1 MB，请分批导入';
export const fileInput = z.union([
  z
    .object({
      base64: z
        .string()
        .min(1)
        .refine((s) => s.length <= Math.ceil((MAX_ROSTER_BYTES * 4) / 3) + 4, { message: '文件不能超过 1 MB' })
        .describe('文件'),
    })
    .strict(),
  z.object({ fileID: z.string().min(1).max(500) }).strict(),
]);
export const importRosterInput = z.object({ schoolId: id, file: fileInput }).strict();

/** A list of applications, page by page: filtered by status (any of), and for the school by class. */
const statusFilter = z
  .array(z.enum(APPLICATION_STATUSES, { errorMap: () => ({ message: '不是可选的报名状态' }) }))
  .min(1)
  .max(APPLICATION_STATUSES.length)
  .optional()
  .describe('报名状态');
export const listSchoolApplicationsInput = z
  .object({ schoolId: id, termId: id.optional(), classId: id.optional().describe('班级'), status: statusFilter, ...pageFields })
  .strict();
export const listClassApplicationsInput = z.object({ classId: id, status: statusFilter, ...pageFields }).strict();

/** Bulk decisions: the same request id on a retry makes the decision once. */
const requestId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/, '请求编号格式不正确')
  .describe('请求编号');
const seenApplication = z.object(reviewed).strict();
/** The most applications a class teacher passes in one action, and the most they send back with it. */
export const CLASS_REVIEW_MAX = 60;
export const CLASS_REVIEW_RETURNS_MAX = 5;
/**
 * The class teacher's first review of a whole class in one action: every application they saw
 * passes (`pass`), except those they send back with a reason (`returns`); one they hold is in
 * neither and stays waiting.
 */
export const passClassReviewInput = z
  .object({
    classId: id,
    requestId,
    pass: z.array(seenApplication).max(CLASS_REVIEW_MAX, `一次最多通过 ${CLASS_REVIEW_MAX} 份`).describe('通过的报名'),
    returns: z
      .array(z.object({ ...reviewed, reason: z.string({ required_error: RETURN_REASON }).trim().min(2, RETURN_REASON).max(200) }).strict())
      .max(CLASS_REVIEW_RETURNS_MAX, `一次最多退回 ${CLASS_REVIEW_RETURNS_MAX} 份，其余请逐份退回`)
      .default([])
      .describe('退回的报名'),
  })
  .strict()
  .refine((v) => v.pass.length + v.returns.length > 0, { message: '请至少选择一份报名' })
  .refine((v) => distinct([...v.pass, ...v.returns].map((a) => a.applicationId)), { message: '同一份报名不能既通过又退回' });

/**
 * The school's approval of every application waiting for it (of one class, or of the school), as
 * waiting at `asOf` (when the admin loaded the desk): one bounded step per call, called again
 * until done.
 */
export const approveWaitingInput = z
  .object({
    schoolId: id,
    termId: id,
    classId: id.optional().describe('班级'),
    asOf: z.string().datetime({ message: '时间格式不正确' }).describe('列表加载时间'),
    requestId,
  })
  .strict();
