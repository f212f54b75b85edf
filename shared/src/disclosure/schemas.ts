import { z } from 'zod';
import { planContentSchema } from './content-schema';

/** Inputs of the disclosure cloud function's actions. Identity never comes from here. */
export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { message: '编号格式不正确' });

export const planRefSchema = z.object({ schoolId: idSchema, termId: idSchema }).strict();

export const schoolRefSchema = z.object({ schoolId: idSchema }).strict();

/** The review queue: the caller's bureaus come from their roles, never from the input. */

export const savePlanSchema = planRefSchema
  .extend({
    /** The revision the admin edited; 0 for a plan not yet saved. */
    revision: z.number().int().min(0),
    content: planContentSchema.describe('方案内容'),
  })
  .strict();

export const submitPlanSchema = planRefSchema.extend({ revision: z.number().int().min(1) }).strict();

export const reviewSchema = planRefSchema
  .extend({
    /** The submitted version being decided (guards against deciding on an outdated one). */
    version: z.number().int().min(1).describe('方案版本'),
    comments: z.string().trim().max(500).default('').describe('审核意见'),
  })
  .strict();

export const returnSchema = reviewSchema.extend({
  comments: z
    .string()
    .trim()
    .max(500)
    .refine((text) => text.length >= 2, { message: '请写明退回的原因和需要修改的地方' })
    .describe('退回意见'),
});

export const compareSchema = planRefSchema
  .extend({
    from: z.number().int().min(1).describe('对比的早先版本'),
    /** A later submitted version, or the draft being edited. */
    to: z.union([z.number().int().min(1), z.literal('draft')]).describe('对比的新版本'),
  })
  .strict();

/** The public page of a term; the enrolled list a page at a time, of one class or all. */
export const publicTermSchema = planRefSchema
  .extend({
    version: z.number().int().min(1).describe('方案版本').optional(),
    classId: z.string().trim().min(1).max(200).describe('班级').optional(),
    skip: z.number().int().min(0).max(100_000).default(0).describe('名单从第几人开始'),
    limit: z.number().int().min(1).max(200).default(100).describe('名单每页人数'),
  })
  .strict();

/** Attachments: documents and scans a school has; the type is checked by the extension. */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'doc', 'docx', 'xls', 'xlsx'] as const;
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
export const ATTACHMENT_TOO_LARGE = '文件不能超过 2 MB';
export const ATTACHMENT_WRONG_TYPE = `只能上传 ${ATTACHMENT_EXTENSIONS.join('、')} 文件`;

/** What is wrong with a file the admin picked before it is sent (the same words the schema and the function use), or null. */
export function attachmentProblem(file: { name: string; size: number }): string | null {
  if (!(ATTACHMENT_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) return ATTACHMENT_WRONG_TYPE;
  if (file.size > MAX_ATTACHMENT_BYTES) return ATTACHMENT_TOO_LARGE;
  return null;
}

export const uploadAttachmentSchema = planRefSchema
  .extend({
    key: z
      .string()
      .min(1)
      .max(60)
      .regex(/^[a-z0-9-]+$/)
      .describe('附件类别'),
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, { message: '文件名不能包含特殊字符' })
      .refine((name) => (ATTACHMENT_EXTENSIONS as readonly string[]).includes(extensionOf(name)), { message: ATTACHMENT_WRONG_TYPE })
      .describe('文件名'),
    /** The file, base64; at most 2 MB once decoded. */
    contentBase64: z
      .string()
      .min(4)
      .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, { message: ATTACHMENT_TOO_LARGE })
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: '文件内容格式不正确' })
      .describe('文件内容'),
  })
  .strict();

export const exportReportSchema = schoolRefSchema
  .extend({
    reportKey: z.string().min(1).max(60).describe('报表'),
    year: z.number().int().min(2019).max(2100).describe('年份'),
    half: z
      .union([z.literal(1), z.literal(2)])
      .describe('上半年或下半年')
      .optional(),
  })
  .strict();

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}
