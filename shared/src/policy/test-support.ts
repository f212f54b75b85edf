/** Builders for tests: raw scenario-like objects in, parsed engine inputs out. Not exported by index. */
import { z } from 'zod';
import type { FeeModel, FeeModelKind, PolicyProfile } from './profiles/types';
import {
  type ChargeInput,
  chargeInputSchema,
  type PlanInput,
  planInputSchema,
  type RefundInput,
  refundInputSchema,
  type ScheduleInput,
  scheduleInputSchema,
  sessionItemSchema,
} from './schemas';
import { expandSessions } from './sessions';

type RawSessions = { sessions: z.input<typeof sessionItemSchema>[] };

export function chargeInput(raw: Omit<z.input<typeof chargeInputSchema>, 'sessions'> & RawSessions): ChargeInput {
  return chargeInputSchema.parse({ ...raw, sessions: expandSessions(z.array(sessionItemSchema).parse(raw.sessions)) });
}

export function refundInput(raw: Omit<z.input<typeof refundInputSchema>, 'sessions'> & RawSessions): RefundInput {
  return refundInputSchema.parse({ ...raw, sessions: expandSessions(z.array(sessionItemSchema).parse(raw.sessions)) });
}

export const scheduleInput = (raw: z.input<typeof scheduleInputSchema>): ScheduleInput => scheduleInputSchema.parse(raw);
export const planInput = (raw: z.input<typeof planInputSchema>): PlanInput => planInputSchema.parse(raw);

/** A weekday repeat, as in the scenario format. */
export function weekdays(
  from: string,
  to: string,
  minutes: number,
  more: { periods?: number; except?: string[]; absent?: string[]; attendedMinutes?: number } = {},
) {
  return { every: 'weekday' as const, from, to, minutes, ...more };
}

export function feeModelOf<K extends FeeModelKind>(profile: PolicyProfile, kind: K): Extract<FeeModel, { kind: K }> {
  const model = profile.fees.model;
  if (model.kind !== kind) throw new Error(`${profile.id} charges ${model.kind}, not ${kind}`);
  return model as Extract<FeeModel, { kind: K }>;
}
