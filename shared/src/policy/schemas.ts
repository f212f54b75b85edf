import { z } from 'zod';
import { isCalendarDate } from './core/calendar';
import { CLOCK_TIME } from './core/clock';
import { CATEGORIES, HARDSHIPS, PROVIDER_TYPES, STAGES } from './domain';
import { PROFILE_IDS } from './profiles/registry';

/**
 * The scenario format of shared/conformance/README.md, and the engine's own inputs. The engine
 * takes the parsed (output) types: defaults filled in, sessions already expanded to dates.
 */

/**
 * The one schema of a calendar date (China time): YYYY-MM-DD that exists. `2026-02-31` and
 * `2026-13-45` are refused with a message about the date itself. Every action input and every
 * scenario field that holds a date uses it.
 */
export const isoDateSchema = z
  .string()
  .max(10, { message: '日期应写成 YYYY-MM-DD，例如 2026-09-01' })
  .refine(isCalendarDate, (text) => ({
    message: /^\d{4}-\d{2}-\d{2}$/.test(text) ? `日期 ${text} 不存在，请填写日历上真实的日期` : '日期应写成 YYYY-MM-DD，例如 2026-09-01',
  }));
/** The one schema of a time of day (China time): HH:mm from 00:00 to 23:59. */
export const clockTimeSchema = z
  .string()
  .max(5, { message: '时间应写成 HH:mm，例如 15:30' })
  .regex(CLOCK_TIME, { message: '时间应写成 HH:mm（00:00 至 23:59），例如 15:30' });
const fen = z.number().int().nonnegative();
const minutes = z.number().int().nonnegative();
const percent = z.number().min(0).max(100);

export const policyIdSchema = z.enum(PROFILE_IDS);
export const stageSchema = z.enum(STAGES);
export const hardshipSchema = z.enum(HARDSHIPS);
export const categorySchema = z.enum(CATEGORIES);

export const dateWindowSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((window) => window.from <= window.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type DateWindow = z.infer<typeof dateWindowSchema>;

export const studentSchema = z.object({
  stage: stageSchema,
  hardship: hardshipSchema.default('none'),
  /** The school's reduction (for "other" hardship in qijiang; for any student it chooses in yueyang). */
  reductionPercent: percent.default(0),
});
export type Student = z.infer<typeof studentSchema>;

export const schoolSettingsSchema = z.object({
  planApproved: z.boolean().default(true),
  /** yueyang: the approved fee per student per term. */
  termFeeFen: fen.optional(),
  /** suifenhe: the senior surcharge; above the profile's maximum is an error, not a parse failure. */
  seniorMarkupPercent: z.number().min(0).default(0),
});
export type SchoolSettings = z.infer<typeof schoolSettingsSchema>;

export const datedSessionSchema = z.object({
  date: isoDateSchema,
  minutes,
  periods: z.number().int().nonnegative().default(1),
  /** Default: all of `minutes`. */
  attendedMinutes: minutes.optional(),
});
export type DatedSession = z.infer<typeof datedSessionSchema>;

export const repeatedSessionSchema = z.object({
  every: z.literal('weekday'),
  from: isoDateSchema,
  to: isoDateSchema,
  minutes,
  periods: z.number().int().nonnegative().default(1),
  attendedMinutes: minutes.optional(),
  except: z.array(isoDateSchema).default([]),
  absent: z.array(isoDateSchema).default([]),
});
export type RepeatedSession = z.infer<typeof repeatedSessionSchema>;

export const sessionItemSchema = z.union([datedSessionSchema, repeatedSessionSchema]);
export type SessionItem = z.infer<typeof sessionItemSchema>;

// ---------------------------------------------------------------- engine inputs

export const chargeInputSchema = z.object({
  policy: policyIdSchema,
  student: studentSchema,
  school: schoolSettingsSchema.default({}),
  /** The billing period: a term, or a month. */
  period: dateWindowSchema,
  /** Default: the whole period. */
  enrolled: dateWindowSchema.optional(),
  /** The school's scheduled sessions in the period, with this student's attendance. */
  sessions: z.array(datedSessionSchema),
});
export type ChargeInput = z.infer<typeof chargeInputSchema>;

export const refundInputSchema = chargeInputSchema.extend({ paidFen: fen });
export type RefundInput = z.infer<typeof refundInputSchema>;

export const blockSchema = z.object({ category: categorySchema, minutes });
export type Block = z.infer<typeof blockSchema>;

export const scheduleInputSchema = z.object({
  policy: policyIdSchema,
  stage: stageSchema,
  date: isoDateSchema,
  winter: z.boolean().default(false),
  start: clockTimeSchema,
  end: clockTimeSchema,
  blocks: z.array(blockSchema).default([]),
});
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

export const providerSchema = z.object({
  type: z.enum(PROVIDER_TYPES),
  vetted: z.boolean().default(false),
  list: z.enum(['white', 'black']).nullable().default(null),
});
export type Provider = z.infer<typeof providerSchema>;

export const activitySchema = z.object({
  name: z.string().default(''),
  category: categorySchema,
  assignsHomework: z.boolean().default(false),
  provider: providerSchema.default({ type: 'staff' }),
  /** Cost for the school year. */
  costFen: fen.default(0),
});
export type Activity = z.infer<typeof activitySchema>;

export const planInputSchema = z.object({
  policy: policyIdSchema,
  activities: z.array(activitySchema),
  /** Participating students; without it the per-student budget is not checked. */
  students: z.number().int().nonnegative().optional(),
  /** First day of the school year the plan is for; default: the profile's first day in force. */
  date: isoDateSchema.optional(),
});
export type PlanInput = z.infer<typeof planInputSchema>;

// ---------------------------------------------------------------- scenarios

const scenarioHeader = {
  name: z.string().min(1),
  source: z.string().default(''),
  policy: policyIdSchema,
};

const expectedError = z.object({ error: z.string() });

export const chargeScenarioSchema = z.object({
  ...scenarioHeader,
  kind: z.literal('charge'),
  student: studentSchema,
  school: schoolSettingsSchema.default({}),
  period: dateWindowSchema,
  enrolled: dateWindowSchema.optional(),
  sessions: z.array(sessionItemSchema),
  expect: z.union([expectedError, z.object({ chargeFen: fen.optional(), exemptFen: fen.optional(), governmentShareFen: fen.optional() })]),
});

export const refundScenarioSchema = z.object({
  ...scenarioHeader,
  kind: z.literal('refund'),
  student: studentSchema,
  school: schoolSettingsSchema.default({}),
  period: dateWindowSchema,
  enrolled: dateWindowSchema.optional(),
  sessions: z.array(sessionItemSchema),
  paidFen: fen,
  expect: z.union([expectedError, z.object({ refundFen: fen.optional() })]),
});

const expectedViolations = z.object({ violations: z.array(z.string()) });

export const scheduleScenarioSchema = scheduleInputSchema.extend({
  ...scenarioHeader,
  kind: z.literal('schedule'),
  expect: expectedViolations,
});

export const planScenarioSchema = planInputSchema.extend({
  ...scenarioHeader,
  kind: z.literal('plan'),
  expect: expectedViolations,
});

export const scenarioSchema = z.discriminatedUnion('kind', [chargeScenarioSchema, refundScenarioSchema, scheduleScenarioSchema, planScenarioSchema]);
export type Scenario = z.infer<typeof scenarioSchema>;
export type ChargeScenario = z.infer<typeof chargeScenarioSchema>;
export type RefundScenario = z.infer<typeof refundScenarioSchema>;
