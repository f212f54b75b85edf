import type { Citation } from '../core/citation';
import type { RuleId } from '../core/violation';
import { getProfile } from '../profiles/registry';
import type { PolicyProfile } from '../profiles/types';

/** What the app knows about a term when it asks whether fees may be issued. */
export interface ChargeabilityFacts {
  /** An approved version of the term's plan is in force (the bureau's review passed). */
  readonly planApproved: boolean;
  /** The fee standard and refund method are publicly listed (the plan is published). */
  readonly feesDisclosed: boolean;
}

export type Chargeability =
  | { readonly chargeable: true; readonly reason: string }
  | { readonly chargeable: false; readonly ruleId: RuleId; readonly reason: string; readonly citation: Citation };

/**
 * Whether a term may be charged at all, decided once here for every screen and action:
 * - free for families (xxcity 003 二(三)): never;
 * - where the profile makes an approved plan the condition (qijiang 000 五, yueyang 001 五2):
 *   not before the review passed;
 * - where the profile makes the public listing the condition (suifenhe 004 三(五)3(1)): not before
 *   the fee standard and refund method are publicly listed.
 */
export function chargeabilityUnder(profile: PolicyProfile, facts: ChargeabilityFacts): Chargeability {
  const fees = profile.fees;
  if (fees.model.kind === 'free') {
    return { chargeable: false, ruleId: 'fees.free-service', reason: '课后服务经费由政府保障，不向家长收取任何费用。', citation: fees.model.citation };
  }
  if (fees.chargingRequiresApprovedPlan.value && !facts.planApproved) {
    return {
      chargeable: false,
      ruleId: 'fees.plan-not-approved',
      reason: '本学期的课后服务方案尚未通过教育主管部门备案审核，审核通过前不得收费。',
      citation: fees.chargingRequiresApprovedPlan.citation,
    };
  }
  if (fees.chargingRequiresDisclosure.value && !facts.feesDisclosed) {
    return {
      chargeable: false,
      ruleId: 'fees.not-disclosed',
      reason: '收费标准和退费办法尚未公示，公示前不得收费。',
      citation: fees.chargingRequiresDisclosure.citation,
    };
  }
  return { chargeable: true, reason: '可以按公示的收费标准收费。' };
}

export function chargeability(profileId: string, facts: ChargeabilityFacts): Chargeability {
  const profile = getProfile(profileId);
  if (!profile) throw new Error(`unknown policy profile ${profileId}`);
  return chargeabilityUnder(profile, facts);
}
