import { formatYuan } from '../core/money';
import { violation } from '../core/violation';
import { computeChargeUnder } from '../fees/charge';
import { getProfile } from '../profiles/registry';
import type { PolicyProfile } from '../profiles/types';
import type { RefundInput } from '../schemas';
import { monthlyRefundByAttendance } from './monthly-by-attendance';
import type { RefundResult } from './types';

/**
 * Money back on a period paid in advance. Each profile's document answers differently:
 * - suifenhe: the whole/half/none rule by attendance (004 三(五)3(2));
 * - qijiang: leaving mid-term is settled by week (000 四(二)), so the refund is what was paid less
 *   the weekly-settled charge for the enrolment; if the plan had not passed review, no fee was
 *   lawful and everything comes back;
 * - xxcity: schools may not charge families in any form (003 二(三)), so anything paid comes back;
 * - yueyang: one fee per term and no refund method in the document: refund.no-method, so the
 *   school settles it by its agreement with the parents.
 * The refund is never more than was paid.
 */
export function computeRefund(input: RefundInput): RefundResult {
  return computeRefundUnder(getProfile(input.policy), input);
}

export function computeRefundUnder(profile: PolicyProfile, input: RefundInput): RefundResult {
  const rules = profile.refunds;
  switch (rules.kind) {
    case 'monthly-by-attendance':
      return monthlyRefundByAttendance(rules.halfRefundMaxAttendedPercent, input);
    case 'settle-by-week': {
      const charge = computeChargeUnder(profile, input);
      if (!charge.ok && charge.violation.ruleId !== 'fees.plan-not-approved') return charge;
      const dueFen = charge.ok ? charge.chargeFen : 0;
      const refundFen = Math.max(0, input.paidFen - dueFen);
      const reason = charge.ok ? `按周据实结算应缴 ${formatYuan(dueFen)}` : '方案未通过审核，不应收费';
      return {
        ok: true,
        refundFen,
        lines: [
          {
            label: '应退费用：以周为单位据实结算',
            amountFen: refundFen,
            citation: charge.ok ? rules.citation : charge.violation.citation,
            detail: `已缴 ${formatYuan(input.paidFen)}，${reason}`,
          },
        ],
      };
    }
    case 'refund-everything':
      return {
        ok: true,
        refundFen: input.paidFen,
        lines: [
          {
            label: '应退费用：全额退还',
            amountFen: input.paidFen,
            citation: rules.citation,
            detail: '课后服务经费由政府保障，学校不得向家长收取或变相收取，已收取的费用全额退还',
          },
        ],
      };
    case 'no-method':
      return {
        ok: false,
        violation: violation(
          'refund.no-method',
          '本地政策规定每生每期只收取一次费用，未规定退费办法；退费请按学校与家长签订的课后服务协议办理。',
          rules.citation,
        ),
      };
  }
}
