import type { RefundDoc, RefundView } from '@kehou/shared/fees';

export function refundView(refund: RefundDoc | undefined | null): RefundView | null {
  if (!refund) return null;
  return {
    refundId: refund._id,
    kind: refund.kind ?? 'request',
    status: refund.status,
    reason: refund.reason,
    paidFen: refund.paidFen,
    requestedAt: refund.requestedAt,
    ...(refund.refundFen === undefined ? {} : { refundFen: refund.refundFen }),
    ...(refund.lines ? { lines: refund.lines } : {}),
    ...(refund.decidedAt ? { decidedAt: refund.decidedAt } : {}),
    ...(refund.payout ? { payout: { status: refund.payout.status, paidFen: refund.payout.paidFen, offlineFen: refund.payout.offlineFen ?? 0 } } : {}),
  };
}
