import { findById, getAll, implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { type FeeNoticeDoc, noticeState, type PaymentDoc, type PaymentReceipt } from '@kehou/shared/fees';
import { reconcileOrder } from '@kehou/shared/fees/server';

/**
 * After wx.requestPayment (or on opening the notice): asks WeChat Pay how the notice's open orders
 * stand and records a payment whose callback has not arrived yet, so the family sees 已缴费 and
 * the receipt at once. Idempotent.
 */
export const confirmPayment = implement(feesContract.actions.confirmPayment, async (ctx, _input, { doc: notice }) => {
  const orders = await getAll<PaymentDoc>(ctx.collection('payments').where({ noticeId: notice._id }));
  for (const order of orders.filter((o) => o.status === 'created')) await reconcileOrder(ctx, order);
  const current = (await findById<FeeNoticeDoc>(ctx, 'feeNotices', notice._id)) ?? notice;
  const paid = current.paymentId ? await findById<PaymentDoc>(ctx, 'payments', current.paymentId) : null;
  return { noticeId: current._id, state: noticeState(current), receipt: paid ? receiptOf(paid) : null };
});

export function receiptOf(payment: PaymentDoc): PaymentReceipt {
  return {
    amountFen: payment.amountFen,
    paidAt: payment.paidAt ?? payment.createdAt,
    channel: payment.channel,
    reference: payment.channel === 'wechat' ? (payment.transactionId ?? payment._id) : (payment.reference ?? ''),
  };
}
