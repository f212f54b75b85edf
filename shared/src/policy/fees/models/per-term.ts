import { formatYuan } from '../../core/money';
import { violation } from '../../core/violation';
import type { PerTermFees, PolicyProfile } from '../../profiles/types';
import type { ChargeInput } from '../../schemas';
import { enrolledPartOfPeriod } from '../enrolment';
import type { GrossFee } from '../types';

/**
 * yueyang 001 六2: one fee per student per term, whatever the number of items. The amount is the
 * school's approved term fee; without one there is no approved fee to issue (五2 项目及收费明细
 * is part of the plan under review), which is reported as fees.plan-not-approved.
 */
export function perTermFee(model: PerTermFees, input: ChargeInput, profile: PolicyProfile): GrossFee {
  const termFeeFen = input.school.termFeeFen;
  if (termFeeFen === undefined) {
    return {
      ok: false,
      violation: violation(
        'fees.plan-not-approved',
        '学校尚未设定经审核同意的学期收费标准，不能收取课后服务费。',
        profile.fees.chargingRequiresApprovedPlan.citation,
        'school.termFeeFen',
      ),
    };
  }
  if (enrolledPartOfPeriod(input) === null) {
    return {
      ok: true,
      grossFen: 0,
      lines: [{ label: '课后服务费', amountFen: 0, citation: model.oncePerTerm, detail: '报名时段不在本学期内，不收费' }],
    };
  }
  return {
    ok: true,
    grossFen: termFeeFen,
    lines: [
      {
        label: '课后服务费（每生每期一次）',
        amountFen: termFeeFen,
        citation: model.oncePerTerm,
        detail: `本学期无论参加几个项目，只收取一次 ${formatYuan(termFeeFen)}`,
      },
    ],
  };
}
