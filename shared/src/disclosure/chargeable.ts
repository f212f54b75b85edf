import { AppError } from '../cloud/errors';
import type { ServicePlan } from '../domain/plan';
import { formatCitation, getProfile, type Citation } from '../policy';

export type ChargeablePlan = Pick<ServicePlan, 'profileId' | 'status' | 'publishedVersion'>;

export type Chargeability =
  | { chargeable: true; reason: string }
  | { chargeable: false; reason: string; citation?: Citation };

/**
 * Whether fees may be issued for a term, given its plan (null: no plan yet).
 * - Nothing is charged for a term whose plan has not passed the bureau's review: an approved
 *   version must be in force (status approved or published, or an earlier approved version still
 *   published while the school revises the plan).
 * - Where the profile makes the public listing a condition (suifenhe 三(五)3(1)), the approved plan
 *   must also be published.
 * - Where the service is free for families (xxcity), nothing is ever charged.
 */
export function chargeability(plan: ChargeablePlan | null): Chargeability {
  if (!plan) return { chargeable: false, reason: '本学期还没有课后服务方案，不能收费。' };
  const profile = getProfile(plan.profileId);
  const fees = profile.fees;
  if (fees.model.kind === 'free') {
    return { chargeable: false, reason: '课后服务经费由政府保障，不向家长收取任何费用。', citation: fees.model.citation };
  }
  const approvedInForce = plan.status === 'approved' || plan.status === 'published' || plan.publishedVersion > 0;
  if (!approvedInForce) {
    const citation = fees.chargingRequiresApprovedPlan.value ? fees.chargingRequiresApprovedPlan.citation : profile.filing?.citation;
    return {
      chargeable: false,
      reason: '本学期的课后服务方案尚未通过教育主管部门备案审核，审核通过前不得收费。',
      ...(citation ? { citation } : {}),
    };
  }
  if (fees.chargingRequiresDisclosure.value && plan.publishedVersion < 1) {
    return {
      chargeable: false,
      reason: '收费标准和退费办法尚未公示，公示前不得收费。',
      citation: fees.chargingRequiresDisclosure.citation,
    };
  }
  return { chargeable: true, reason: '方案已通过备案审核，可以按公示的标准收费。' };
}

export function isChargeable(plan: ChargeablePlan | null): boolean {
  return chargeability(plan).chargeable;
}

/** Throws POLICY_VIOLATION (with the clause) unless fees may be issued for the plan's term. */
export function assertChargeable(plan: ChargeablePlan | null): void {
  const answer = chargeability(plan);
  if (answer.chargeable) return;
  const clause = answer.citation ? `（${formatCitation(answer.citation)}）` : '';
  throw new AppError('POLICY_VIOLATION', `${answer.reason}${clause}`, answer.citation ? { citation: answer.citation } : undefined);
}
