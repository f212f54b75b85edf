import { z } from 'zod';
import type { Stage } from '../domain/people';
import type { PlanContent, StageSchedule } from '../domain/plan';
import { CATEGORIES, clockTimeSchema, isoDateSchema, PROVIDER_TYPES, STAGES } from '../policy';

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
    category: z.enum(CATEGORIES),
    minutes: z.number().int().min(0).max(600),
    title: shortText.optional(),
  })
  .strict();

export const stageScheduleSchema = z
  .object({
    stage: z.enum(STAGES),
    weekdays,
    start: clockTimeSchema,
    end: clockTimeSchema,
    blocks: z.array(timeBlockSchema).max(12),
    winter: z.object({ end: clockTimeSchema, from: isoDateSchema, to: isoDateSchema }).strict().optional(),
    /** Class periods (课时) a service day counts, where fees are per period (qijiang 000 §四(二)). */
    periodsPerDay: z.number().int().min(1, '每天课时数至少为 1').max(8, '每天课时数不超过 8').optional(),
  })
  .strict();

export const providerEntrySchema = z
  .object({
    id,
    name: shortText,
    type: z.enum(PROVIDER_TYPES),
    vetted: z.boolean(),
    list: z.enum(['white', 'black']).nullable(),
    agreementFileId: z.string().max(500).optional(),
    licenceFileId: z.string().max(500).optional(),
  })
  .strict();

export const staffMemberSchema = z
  .object({
    id,
    name: z.string().trim().max(20),
    kind: z.enum(['school', 'external']),
    duty: shortText,
    vetted: z.boolean(),
  })
  .strict();

export const planItemSchema = z
  .object({
    id,
    kind: z.enum(['basic', 'club']),
    name: shortText,
    category: z.enum(CATEGORIES),
    description: text,
    weekdays,
    capacity: z.number().int().min(1).max(10_000).optional(),
    providerId: z.string().max(40),
    staffIds: z.array(z.string().max(40)).max(30),
    costFen: fen,
    assignsHomework: z.boolean(),
  })
  .strict();

export const attachmentSchema = z
  .object({
    key: z.string().min(1).max(60),
    name: z.string().trim().min(1).max(100),
    fileId: z.string().startsWith('cloud://', { message: '不是云存储文件' }).max(500),
  })
  .strict();

const percent = z.number().min(0).max(100);

export const planContentSchema = z
  .object({
    schedules: z.array(stageScheduleSchema).max(4),
    items: z.array(planItemSchema).max(40),
    staff: z.array(staffMemberSchema).max(200),
    providers: z.array(providerEntrySchema).max(30),
    safety: z.object({ measures: longText, emergencyPlan: longText }).strict(),
    pickup: z.object({ arrangement: text, pickupTime: z.union([clockTimeSchema, z.literal('')]) }).strict(),
    feeSettings: z.object({ termFeeFen: fen.optional(), seniorMarkupPercent: percent.optional(), otherHardshipReductionPercent: percent.optional() }).strict(),
    funding: longText,
    expectedStudents: z.number().int().min(0).max(100_000),
    attachments: z.array(attachmentSchema).max(40),
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
