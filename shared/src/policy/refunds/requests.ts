import type { Citation } from '../core/citation';
import type { RuleId } from '../core/violation';
import { getProfile } from '../profiles/registry';
import type { PolicyProfile } from '../profiles/types';

export type RefundRequests =
  | { readonly allowed: true; readonly method: string; readonly citation: Citation }
  | { readonly allowed: false; readonly ruleId: RuleId; readonly reason: string; readonly citation: Citation };

/**
 * May a parent apply for a refund of a paid notice, and under which method?
 * - suifenhe 004 三(五)3(2) 因故退费的，需向学校提出申请: yes, by the whole/half-month rule;
 * - qijiang 000 四(二) 以周为单位据实结算: no application; leaving mid-term is settled by week when
 *   the school approves the withdrawal;
 * - yueyang 001 六2: the document sets no refund method;
 * - xxcity 003 二(三): nothing is ever charged.
 */
export function refundRequestsUnder(profile: PolicyProfile): RefundRequests {
  const rules = profile.refunds;
  switch (rules.kind) {
    case 'monthly-by-attendance': {
      const rule = rules.halfRefundMaxAttendedPercent[0];
      return { allowed: true, method: rule.citation.quote ?? '', citation: rule.citation };
    }
    case 'settle-by-week':
      return {
        allowed: false,
        ruleId: 'refund.not-requestable',
        reason: '本地政策规定中途退出的以周为单位据实结算：不需要单独申请退费，学校批准退出时按周结算，多缴的费用退还。',
        citation: rules.citation,
      };
    case 'refund-everything':
      return { allowed: false, ruleId: 'fees.free-service', reason: '课后服务经费由政府保障，不向家长收取任何费用，无需退费。', citation: rules.citation };
    case 'no-method':
      return {
        allowed: false,
        ruleId: 'refund.no-method',
        reason: '本地政策规定每生每期只收取一次费用，未规定退费办法；退费请按学校与家长签订的课后服务协议办理。',
        citation: rules.citation,
      };
  }
}

export function refundRequests(profileId: string): RefundRequests {
  const profile = getProfile(profileId);
  if (!profile) throw new Error(`unknown policy profile ${profileId}`);
  return refundRequestsUnder(profile);
}
