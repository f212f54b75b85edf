import { implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { recordOfflinePayment as recordPayment } from '@kehou/shared/fees/server';

/**
 * The school records a payment made at the office (cash or bank transfer) with its receipt or
 * transfer number; the ledger keeps it apart from WeChat payments. Twice is harmless.
 */
export const recordOfflinePayment = implement(feesContract.actions.recordOfflinePayment, async (ctx, input, { doc: notice }) => {
  const { payment, existing } = await recordPayment(ctx, notice, input.method, input.reference);
  return { noticeId: notice._id, paymentId: payment._id, existing };
});
