import type { GuardianshipRecord, School } from '@kehou/shared';
import { getAll, implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { type FeeNoticeDoc, noticeState, type ParentNoticeView, type PaymentDoc, type RefundDoc } from '@kehou/shared/fees';
import { billingPeriodLabel, refundRequests } from '@kehou/shared/policy';
import { refundMethodOf } from '../lib/notices';
import { refundView } from '../lib/views';
import { receiptOf } from './confirm-payment';

/**
 * A guardian's notices: those of the children they are a confirmed guardian of, one per child and
 * period (the latest), each with the notices it superseded, every line with its clause.
 */
export const listMyNotices = implement(feesContract.actions.listMyNotices, async (ctx) => {
  const openid = ctx.caller.requireSignedIn();
  const guardianships = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ openid, status: 'confirmed' }));
  if (guardianships.length === 0) return { notices: [] };
  const notices = await getAll<FeeNoticeDoc>(ctx.collection('feeNotices').where({ studentId: ctx._.in(guardianships.map((g) => g.studentId)) }));
  const refunds = notices.length ? await getAll<RefundDoc>(ctx.collection('refunds').where({ _id: ctx._.in(notices.map((n) => n._id)) })) : [];
  const paymentIds = notices.map((n) => n.paymentId).filter((id): id is string => !!id);
  const [payments, schools] = await Promise.all([
    paymentIds.length ? getAll<PaymentDoc>(ctx.collection('payments').where({ _id: ctx._.in(paymentIds) })) : Promise.resolve([]),
    notices.length ? getAll<School>(ctx.collection('schools').where({ _id: ctx._.in([...new Set(notices.map((n) => n.schoolId))]) })) : Promise.resolve([]),
  ]);
  const takesWechatPay = new Set(schools.filter((s) => s.payMerchantId).map((s) => s._id));
  const byId = new Map(notices.map((n) => [n._id, n]));
  const views = notices
    .filter((n) => !n.supersededBy)
    .map((n): ParentNoticeView => {
      const refund = refunds.find((r) => r._id === n._id);
      const refundMethod = refundMethodOf(n.profileId);
      const earlier: ParentNoticeView['earlier'] = [];
      for (
        let previous = n.supersedes ? byId.get(n.supersedes) : undefined;
        previous;
        previous = previous.supersedes ? byId.get(previous.supersedes) : undefined
      ) {
        earlier.push({
          noticeId: previous._id,
          chargeFen: previous.chargeFen,
          dueFen: previous.dueFen,
          state: noticeState(previous),
          issuedAt: previous.issuedAt,
          lines: previous.lines,
        });
      }
      return {
        noticeId: n._id,
        studentName: n.studentName,
        className: n.className,
        periodKey: n.periodKey,
        periodLabel: billingPeriodLabel(n.periodKey),
        period: n.period,
        grossFen: n.grossFen,
        chargeFen: n.chargeFen,
        exemptFen: n.exemptFen,
        governmentShareFen: n.governmentShareFen,
        dueFen: n.dueFen,
        lines: n.lines,
        state: noticeState(n),
        issuedAt: n.issuedAt,
        ...(n.paidAt ? { paidAt: n.paidAt } : {}),
        difference: n.difference ? { ...n.difference, reason: n.correctionReason ?? '', paidBeforeFen: n.paidBeforeFen, creditFen: n.creditFen } : null,
        earlier,
        refundMethod,
        canRequestRefund: refundRequests(n.profileId).allowed && n.status === 'paid' && !refund,
        refund: refundView(refund),
        canPay: takesWechatPay.has(n.schoolId) && n.status === 'issued' && n.dueFen > 0,
        receipt: n.paymentId && payments.find((p) => p._id === n.paymentId) ? receiptOf(payments.find((p) => p._id === n.paymentId)!) : null,
      };
    });
  views.sort((a, b) => b.period.from.localeCompare(a.period.from) || a.studentName.localeCompare(b.studentName, 'zh'));
  return { notices: views };
});
