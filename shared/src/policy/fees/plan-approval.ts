import { type Violation, violation } from '../core/violation';
import type { PolicyProfile } from '../profiles/types';
import type { SchoolSettings } from '../schemas';

/**
 * fees.plan-not-approved: where the profile makes an approved plan the condition for charging
 * (qijiang 000 五, yueyang 001 五2), no fee is issued before the review passed.
 */
export function planApprovalViolation(profile: PolicyProfile, school: SchoolSettings): Violation | null {
  const rule = profile.fees.chargingRequiresApprovedPlan;
  if (!rule.value || school.planApproved) return null;
  return violation(
    'fees.plan-not-approved',
    '学校的课后服务方案尚未通过教育主管部门审核，审核通过前不得收取课后服务费。',
    rule.citation,
    'school.planApproved',
  );
}
