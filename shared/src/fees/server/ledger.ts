import { type ActionContext, getAll } from '../../cloud';
import type { LedgerFacts } from '../ledger';
import type { FeeNoticeDoc, PaymentDoc, RefundDoc, RefundPayoutDoc, SpendingDoc } from '../types';

/** Everything the ledger of a school term (or one of its periods) is computed from. */
export async function loadLedgerFacts(ctx: ActionContext, schoolId: string, termId: string, periodKey?: string): Promise<LedgerFacts> {
  const where = periodKey ? { schoolId, termId, periodKey } : { schoolId, termId };
  const [notices, payments, refunds, payouts] = await Promise.all([
    getAll<FeeNoticeDoc>(ctx.collection('feeNotices').where(where)),
    getAll<PaymentDoc>(ctx.collection('payments').where(where)),
    getAll<RefundDoc>(ctx.collection('refunds').where({ schoolId, termId })),
    getAll<RefundPayoutDoc>(ctx.collection('refundPayouts').where({ schoolId, termId })),
  ]);
  const noticeIds = new Set(notices.map((n) => n._id));
  const inPeriod = periodKey ? refunds.filter((r) => noticeIds.has(r.noticeId)) : refunds;
  const refundIds = new Set(inPeriod.map((r) => r._id));
  const paymentIds = new Set(payments.map((p) => p._id));
  return {
    notices,
    payments,
    refunds: inPeriod,
    payouts: periodKey ? payouts.filter((p) => refundIds.has(p.refundId) || paymentIds.has(p.paymentId)) : payouts,
  };
}

/** The school year a date belongs to, by its first calendar year (September starts a year). */
export const schoolYearOf = (date: string) => (Number(date.slice(5, 7)) >= 8 ? Number(date.slice(0, 4)) : Number(date.slice(0, 4)) - 1);

/** The spending recorded for a school year (1 August to 31 July), voided entries included. */
export async function loadSpending(ctx: ActionContext, schoolId: string, year: number): Promise<SpendingDoc[]> {
  const rows = await getAll<SpendingDoc>(ctx.collection('spending').where({ schoolId, date: ctx._.gte(`${year}-08-01`).lte(`${year + 1}-07-31`) }));
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt));
}
