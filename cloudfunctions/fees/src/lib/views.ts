import type { FeeNoticeDoc, RefundDoc, RefundView } from '@kehou/shared/fees';

export function refundView(refund: RefundDoc | undefined | null): RefundView | null {
  if (!refund) return null;
  return {
    refundId: refund._id,
    status: refund.status,
    reason: refund.reason,
    paidFen: refund.paidFen,
    requestedAt: refund.requestedAt,
    ...(refund.refundFen === undefined ? {} : { refundFen: refund.refundFen }),
    ...(refund.lines ? { lines: refund.lines } : {}),
    ...(refund.decidedAt ? { decidedAt: refund.decidedAt } : {}),
  };
}

export const periodText = (notice: Pick<FeeNoticeDoc, 'period'>) => `${notice.period.from}至${notice.period.to}`;
