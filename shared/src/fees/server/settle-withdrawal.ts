import { type ActionContext, getAll } from '../../cloud';
import type { ApplicationDoc } from '../../index';
import { billingPeriodsUnder, formatCitation, formatYuan, settleWithdrawalUnder, withdrawalRuleUnder } from '../../policy';
import { type ComputedAmounts, noticeLines, sameAmounts } from '../billing';
import type { FeeNoticeDoc } from '../types';
import type { WithdrawalSettlementView } from '../views';
import { noticeChargeInput, supersedeNotice } from './notices';
import { factsOf } from './period-rows';
import { loadTermBilling } from './term-billing';

/**
 * Settles the money when the school approves a withdrawal effective `leavesOn`: every billed
 * period of the child that reaches that day is settled by the profile (policy/refunds/
 * withdrawal.ts); where the period now costs something else, a correction notice supersedes the
 * billed one (the family owes, or gets back, the difference). Periods not billed yet need nothing:
 * they are computed later for the enrolment that is left. Returns what happened, and the
 * corrections written (so the caller can tell the family).
 */
export async function settleWithdrawalFees(
  ctx: ActionContext,
  app: Pick<ApplicationDoc, '_id' | 'schoolId' | 'termId' | 'studentId' | 'studentName' | 'classId'>,
  leavesOn: string,
): Promise<{ view: WithdrawalSettlementView; corrections: FeeNoticeDoc[] }> {
  const billing = await loadTermBilling(ctx, app.schoolId, app.termId);
  const { profile } = billing;
  const rule = withdrawalRuleUnder(profile);
  if (!rule.settles) return { view: { summary: rule.reason, citation: formatCitation(rule.citation), periods: [] }, corrections: [] };
  const notices = (await getAll<FeeNoticeDoc>(ctx.collection('feeNotices').where({ applicationId: app._id }))).filter((n) => !n.supersededBy);
  const periods = billingPeriodsUnder(profile, billing.term);
  const labelOf = (key: string) => periods.find((p) => p.key === key)?.label ?? key;
  const view: WithdrawalSettlementView = { summary: '', citation: formatCitation(rule.citation), periods: [] };
  const corrections: FeeNoticeDoc[] = [];

  for (const notice of notices.sort((a, b) => a.period.from.localeCompare(b.period.from))) {
    const period = periods.find((p) => p.key === notice.periodKey);
    if (!period || notice.period.to < leavesOn) continue;
    const input = await noticeChargeInput(ctx, notice);
    const settled = settleWithdrawalUnder(profile, { charge: input, leavesOn });
    const entry = { periodKey: notice.periodKey, periodLabel: labelOf(notice.periodKey) };
    if (settled.kind === 'not-settled' || settled.kind === 'unchanged') {
      view.periods.push({ ...entry, outcome: 'unchanged', chargeFen: notice.chargeFen });
      continue;
    }
    const { charge } = settled;
    const amounts: ComputedAmounts = {
      grossFen: charge.grossFen,
      chargeFen: charge.chargeFen,
      exemptFen: charge.exemptFen,
      governmentShareFen: charge.governmentShareFen,
      lines: noticeLines(charge.lines),
    };
    if (sameAmounts(notice, amounts)) {
      view.periods.push({ ...entry, outcome: 'unchanged', chargeFen: notice.chargeFen });
      continue;
    }
    const classGroup = billing.classes.get(notice.classId) ?? { _id: notice.classId, name: notice.className };
    const next = await supersedeNotice(
      ctx,
      notice,
      { app: { ...app, _id: notice.applicationId }, classGroup, input: settled.input, amounts, facts: factsOf(settled.input, settled.input.enrolled ?? null) },
      period,
      `退出结算：${settled.reason}`,
    );
    corrections.push(next);
    view.periods.push({ ...entry, outcome: 'corrected', chargeFen: next.chargeFen, dueFen: next.dueFen, creditFen: next.creditFen, noticeId: next._id });
  }

  if (!view.summary) {
    const corrected = view.periods.filter((p) => p.outcome === 'corrected');
    view.summary = corrected.length
      ? corrected
          .map(
            (p) =>
              `${p.periodLabel}按政策重新结算为 ${formatYuan(p.chargeFen ?? 0)}${p.creditFen ? `，多缴的 ${formatYuan(p.creditFen)} 退还` : p.dueFen ? `，需缴 ${formatYuan(p.dueFen)}` : ''}`,
          )
          .join('；')
      : notices.length
        ? '已发出的收费通知不受影响。以后发出的通知只计到退出前。'
        : '还没有发出收费通知：以后发出的通知只计到退出前。';
  }
  return { view, corrections };
}
