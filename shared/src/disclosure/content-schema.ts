import { z } from 'zod';
import type { Stage } from '../domain/people';
import type { PlanContent, StageSchedule } from '../domain/plan';
import { blocksOverServiceTime, blocksOverTimeMessage, CATEGORIES, clockTimeSchema, isoDateSchema, PROVIDER_TYPES, STAGES } from '../policy';

/**
 * The plan as the school admin writes it. Drafts may be incomplete (empty texts are allowed):
 * what a submission needs is checked by checkServicePlan, beside each field, with its clause.
 * Forbidden content categories parse, so that the policy engine can say why they are refused.
 */
const id = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, { message: '只能包含字母、数字、- 和 _' });
const shortText = z.string().trim().max(40);
const text = z.string().trim().max(500);
const longText = z.string().trim().max(2000);
const weekdays = z
  .array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]))
  .max(5)
  .refine((days) => new Set(days).size === days.length, { message: '服务日不能重复' });
const fen = z.number().int().min(0).max(1_000_000_000);

export const timeBlockSchema = z
  .object({
    category: z.enum(CATEGORIES).describe('内容类别'),
    minutes: z.number().int().min(0).max(600).describe('时长（分钟）'),
    title: shortText.describe('名称').optional(),
  })
  .strict();

export const stageScheduleSchema = z
  .object({
    stage: z.enum(STAGES).describe('学段'),
    weekdays: weekdays.describe('服务日'),
    start: clockTimeSchema.describe('开始时间'),
    end: clockTimeSchema.describe('结束时间'),
    blocks: z.array(timeBlockSchema).max(12).describe('时段安排'),
    winter: z
      .object({
        end: clockTimeSchema.describe('冬季结束时间'),
        from: isoDateSchema.describe('冬季作息开始日期'),
        to: isoDateSchema.describe('冬季作息结束日期'),
      })
      .strict()
      .describe('冬季作息')
      .optional(),
    /** Class periods (课时) a service day counts, where fees are per period (qijiang 000 §四(二)). */
    periodsPerDay: z.number().int().min(1, '每天课时数至少为 1').max(8, '每天课时数不超过 8').describe('每天课时数').optional(),
  })
  .strict()
  // The blocks fill the service time: the rule of the policy engine (schedule/blocks-fit), refused even in a draft.
  .superRefine((schedule, ctx) => {
    const over = blocksOverServiceTime(schedule);
    if (over) ctx.addIssue({ code: z.ZodIssueCode.custom, message: blocksOverTimeMessage(over), path: ['blocks'] });
  });

export const providerEntrySchema = z
  .object({
    id: id.describe('提供方编号'),
    name: shortText.describe('提供方名称'),
    type: z.enum(PROVIDER_TYPES).describe('提供方类型'),
    vetted: z.boolean().describe('是否已审核'),
    list: z.enum(['white', 'black']).nullable().describe('名单'),
    agreementFileId: z.string().max(500).describe('合作协议文件').optional(),
    licenceFileId: z.string().max(500).describe('资质文件').optional(),
  })
  .strict();

export const staffMemberSchema = z
  .object({
    id: id.describe('人员编号'),
    name: z.string().trim().max(20).describe('姓名'),
    kind: z.enum(['school', 'external']).describe('人员类别'),
    duty: shortText.describe('职责'),
    vetted: z.boolean().describe('是否已审核'),
  })
  .strict();

export const planItemSchema = z
  .object({
    id: id.describe('项目编号'),
    kind: z.enum(['basic', 'club']).describe('项目类型'),
    name: shortText.describe('项目名称'),
    category: z.enum(CATEGORIES).describe('内容类别'),
    description: text.describe('项目介绍'),
    weekdays: weekdays.describe('开展日'),
    capacity: z.number().int().min(1).max(10_000).describe('名额').optional(),
    providerId: z.string().max(40).describe('服务提供方'),
    staffIds: z.array(z.string().max(40)).max(30).describe('服务人员'),
    costFen: fen.describe('项目成本（分）'),
    assignsHomework: z.boolean().describe('是否布置作业'),
  })
  .strict();

export const attachmentSchema = z
  .object({
    key: z.string().min(1).max(60).describe('附件类别'),
    name: z.string().trim().min(1).max(100).describe('文件名'),
    fileId: z.string().startsWith('cloud://', { message: '不是云存储文件' }).max(500).describe('云存储文件'),
  })
  .strict();

const percent = z.number().min(0).max(100);

export const planContentSchema = z
  .object({
    schedules: z.array(stageScheduleSchema).max(4).describe('作息'),
    items: z.array(planItemSchema).max(40).describe('服务项目'),
    staff: z.array(staffMemberSchema).max(200).describe('服务人员'),
    providers: z.array(providerEntrySchema).max(30).describe('服务提供方'),
    safety: z
      .object({ measures: longText.describe('安全措施'), emergencyPlan: longText.describe('应急预案') })
      .strict()
      .describe('安全保障'),
    pickup: z
      .object({ arrangement: text.describe('接送安排'), pickupTime: z.union([clockTimeSchema, z.literal('')]).describe('接送时间') })
      .strict()
      .describe('接送'),
    feeSettings: z
      .object({
        termFeeFen: fen.describe('每学期收费标准（分）').optional(),
        seniorMarkupPercent: percent.describe('高中上浮比例').optional(),
        otherHardshipReductionPercent: percent.describe('其他困难家庭减免比例').optional(),
      })
      .strict()
      .describe('收费设置'),
    funding: longText.describe('经费保障'),
    expectedStudents: z.number().int().min(0).max(100_000).describe('预计参加人数'),
    attachments: z.array(attachmentSchema).max(40).describe('附件'),
  })
  .strict()
  .superRefine((content, ctx) => {
    const unique = (ids: string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '编号重复', path: [path, index, 'id'] });
        seen.add(value);
      });
    };
    unique(
      content.items.map((i) => i.id),
      'items',
    );
    unique(
      content.staff.map((s) => s.id),
      'staff',
    );
    unique(
      content.providers.map((p) => p.id),
      'providers',
    );
    const stages = new Set<string>();
    content.schedules.forEach((schedule, index) => {
      if (stages.has(schedule.stage)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '同一学段只能有一个作息', path: ['schedules', index, 'stage'] });
      stages.add(schedule.stage);
    });
  });

/** A new plan: one schedule per stage of the school, and nothing chosen for anyone. */
export function emptyPlanContent(stages: readonly Stage[]): PlanContent {
  return {
    schedules: stages.map((stage): StageSchedule => ({ stage, weekdays: [1, 2, 3, 4, 5], start: '15:30', end: '17:30', blocks: [] })),
    items: [],
    staff: [],
    providers: [{ id: 'prov-school', name: '本校教职工', type: 'staff', vetted: true, list: null }],
    safety: { measures: '', emergencyPlan: '' },
    pickup: { arrangement: '', pickupTime: '' },
    feeSettings: {},
    funding: '',
    expectedStudents: 0,
    attachments: [],
  };
}
