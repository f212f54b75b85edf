import { addDays, earlierOf, type IsoDate } from '../core/calendar';
import type { Citation } from '../core/citation';
import type { RuleId } from '../core/violation';
import { computeChargeUnder } from '../fees/charge';
import type { ChargeResult } from '../fees/types';
import { getProfile } from '../profiles/registry';
import type { PolicyProfile } from '../profiles/types';
import type { ChargeInput } from '../schemas';

export interface WithdrawalInput {
  /** The facts a billed period's notice was computed from. */
  readonly charge: ChargeInput;
  /** The first day the child is no longer enrolled (the withdrawal's effective date). */
  readonly leavesOn: IsoDate;
}

export type WithdrawalSettlement =
  /** The billed period ends before the child leaves: what was billed stands. */
  | { readonly kind: 'unchanged'; readonly reason: string; readonly citation: Citation }
  /** What the period costs now, for the enrolment up to the day before leaving. */
  | {
      readonly kind: 'recomputed';
      /** The engine's input for the shortened enrolment, and its answer. */
      readonly input: ChargeInput;
      readonly charge: Extract<ChargeResult, { ok: true }>;
      readonly reason: string;
      readonly citation: Citation;
    }
  /** The profile settles nothing: the service is free, or the document sets no refund method. */
  | { readonly kind: 'not-settled'; readonly ruleId: RuleId; readonly reason: string; readonly citation: Citation };

/**
 * A withdrawal settles a billed period by the profile:
 * - qijiang 000 四(二) 中途…退出…以周为单位据实结算: the period is charged again for every week
 *   overlapping the enrolment that is left (a partly covered week counts whole);
 * - suifenhe 004 三(五)2 每月…据实收取: the month is charged by the minutes attended while enrolled
 *   (months are billed after they end, so this changes a month only when the withdrawal reaches
 *   back into it);
 * - yueyang 001 六2: one fee per term and no refund method: nothing is settled by the policy;
 * - xxcity 003 二(三): nothing was charged.
 * The app turns a recomputed amount that differs from the notice into a correction notice: the
 * family owes, or gets back, only the difference.
 */
export type WithdrawalRule =
  | { readonly settles: true; readonly citation: Citation }
  | { readonly settles: false; readonly ruleId: RuleId; readonly reason: string; readonly citation: Citation };

/** Whether the profile settles a withdrawal's fees at all, and under which clause. */
export function withdrawalRuleUnder(profile: PolicyProfile): WithdrawalRule {
  const rules = profile.refunds;
  const model = profile.fees.model;
  switch (model.kind) {
    case 'free':
      return { settles: false, ruleId: 'fees.free-service', reason: '课后服务对家长免费，退出时没有费用需要结算。', citation: model.citation };
    case 'per-term':
      return rules.kind === 'no-method'
        ? {
            settles: false,
            ruleId: 'refund.no-method',
            reason: '本地政策规定每生每期只收取一次费用，未规定中途退出的退费办法；请按学校与家长签订的课后服务协议办理。',
            citation: rules.citation,
          }
        : { settles: true, citation: model.oncePerTerm };
    case 'per-period':
      return { settles: true, citation: model.weeklySettlement };
    case 'per-attended-minute':
      return { settles: true, citation: model.monthlyByAttendance };
  }
}

export function settleWithdrawalUnder(profile: PolicyProfile, input: WithdrawalInput): WithdrawalSettlement {
  const rule = withdrawalRuleUnder(profile);
  if (!rule.settles) return { kind: 'not-settled', ruleId: rule.ruleId, reason: rule.reason, citation: rule.citation };
  const model = profile.fees.model;
  const citation = rule.citation;
  const enrolled = input.charge.enrolled ?? input.charge.period;
  const lastDay = earlierOf(enrolled.to, addDays(input.leavesOn, -1));
  if (lastDay >= enrolled.to) {
    return { kind: 'unchanged', reason: '退出日期在这一收费期间之后，已发出的通知不变。', citation };
  }
  const stillEnrolled = enrolled.from <= lastDay;
  const shortened: ChargeInput = {
    ...input.charge,
    enrolled: stillEnrolled ? { from: enrolled.from, to: lastDay } : { from: input.charge.period.from, to: input.charge.period.from },
    sessions: stillEnrolled ? input.charge.sessions : [],
  };
  const charge = computeChargeUnder(profile, shortened);
  if (!charge.ok) throw new Error(`settling a withdrawal: ${charge.violation.ruleId}`);
  const reason =
    model.kind === 'per-period' ? `中途退出，以周为单位据实结算：计至 ${lastDay} 所在的一周` : `中途退出，按退出前实际参加的时间据实收取（计至 ${lastDay}）`;
  return { kind: 'recomputed', input: shortened, charge, reason: stillEnrolled ? reason : '退出日期早于这一收费期间，本期不收费', citation };
}

export function settleWithdrawal(profileId: string, input: WithdrawalInput): WithdrawalSettlement {
  const profile = getProfile(profileId);
  if (!profile) throw new Error(`unknown policy profile ${profileId}`);
  return settleWithdrawalUnder(profile, input);
}
