import type { ServicePlan } from '../domain/plan';
import { type Chargeability, chargeability as policyChargeability } from '../policy';

export type ChargeablePlan = Pick<ServicePlan, 'profileId' | 'status' | 'publishedVersion'>;
export type { Chargeability };

/**
 * The policy's answer (policy/fees/chargeability.ts) for a term's plan (null: no plan yet). An
 * approved version is in force while the plan is approved or published, and also while the
 * school revises a plan whose earlier approved version is still published; the fee standard is
 * disclosed once a version is published.
 */
export function chargeability(plan: ChargeablePlan | null): Chargeability | { chargeable: false; reason: string; citation?: undefined } {
  if (!plan) return { chargeable: false, reason: '本学期还没有课后服务方案，不能收费。' };
  return policyChargeability(plan.profileId, {
    planApproved: plan.status === 'approved' || plan.status === 'published' || plan.publishedVersion > 0,
    feesDisclosed: plan.publishedVersion > 0,
  });
}

export function isChargeable(plan: ChargeablePlan | null): boolean {
  return chargeability(plan).chargeable;
}
