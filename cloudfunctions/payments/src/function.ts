import { type GuardianshipRecord, paymentReceiptMessage, refundPaidMessage } from '@kehou/shared';
import { markSummaryStale } from '@kehou/shared/bureau/server';
import { type ActionContext, buildContext, type CloudFunction, type CloudSdk, findById, getAll, invokerOf, isoNow } from '@kehou/shared/cloud';
import type { PaymentDoc, RefundPayoutDoc } from '@kehou/shared/fees';
import { confirmWechatRefund, instantOfWechatTime, reconcileOrder, requestWechatRefund } from '@kehou/shared/fees/server';
import { formatYuan } from '@kehou/shared/policy';

/** Orders and payouts older than this are looked up at WeChat Pay by the timer. */
const STALE_MS = 10 * 60_000;

/**
 * 支付回调: WeChat Pay reports a payment (`outTradeNo`, `resultCode`) or a refund (`reqInfo`) here,
 * and repeats until the answer is `{ errcode: 0 }`, so every branch is idempotent. Nothing in the
 * event is trusted: a payment is recorded only as WeChat Pay's own queryOrder tells it, and a call
 * from anyone but WeChat Pay (SOURCE wx_paycallback) or the timer trigger (wx_trigger) is ignored.
 * The timer trigger (`config.json`) reconciles orders whose callback never came and payouts still
 * waiting. A payment or refund recorded marks the school's summary for the bureau out of date.
 */
export const paymentsFunction: CloudFunction = (async (cloud: CloudSdk, event: unknown) => {
  const e = (event ?? {}) as Record<string, any>;
  const kind = e.Type === 'Timer' ? 'timer' : e.reqInfo ? 'refund' : 'payment';
  if (invokerOf(cloud) !== (kind === 'timer' ? 'timer' : 'payCallback')) return { errcode: 0, errmsg: 'ignored: not from WeChat Pay' };
  const ctx = await buildContext(cloud, 'payments', kind);
  try {
    if (kind === 'timer') await reconcileStale(ctx);
    else if (kind === 'refund') await onRefund(ctx, e.reqInfo ?? {});
    else if (e.returnCode === 'SUCCESS' && e.resultCode === 'SUCCESS' && typeof e.outTradeNo === 'string') await onPayment(ctx, e.outTradeNo);
    await ctx.flushMessages();
    return { errcode: 0, errmsg: 'OK' };
  } catch (error) {
    console.error('[payments]', error);
    // Not 0: WeChat Pay tries again later.
    return { errcode: 1, errmsg: 'retry' };
  }
}) as unknown as CloudFunction;

async function onPayment(ctx: ActionContext, outTradeNo: string) {
  const payment = await findById<PaymentDoc>(ctx, 'payments', outTradeNo);
  if (!payment) return;
  const wasOpen = payment.status === 'created';
  const recorded = await reconcileOrder(ctx, payment);
  if (recorded.status !== payment.status) await markSummaryStale(ctx, payment.schoolId);
  if (wasOpen && recorded.status === 'paid' && !recorded.duplicate && recorded.payerOpenid) {
    await ctx.notify(
      paymentReceiptMessage({
        touser: recorded.payerOpenid,
        childName: recorded.studentName,
        amountYuan: formatYuan(recorded.amountFen).replace(' 元', '元'),
        at: recorded.paidAt ?? isoNow(ctx),
        reference: recorded.transactionId ?? recorded._id,
      }),
    );
  }
}

async function onRefund(ctx: ActionContext, info: Record<string, any>) {
  if (info.refundStatus !== 'SUCCESS' || typeof info.outRefundNo !== 'string') return;
  const payout = await confirmWechatRefund(
    ctx,
    info.outRefundNo,
    String(info.refundId ?? ''),
    instantOfWechatTime(String(info.successTime ?? '').replace(/[-: ]/g, ''), isoNow(ctx)),
  );
  if (!payout) return;
  await markSummaryStale(ctx, payout.schoolId);
  const guardians = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ studentId: payout.studentId, status: 'confirmed' }));
  const payment = await findById<PaymentDoc>(ctx, 'payments', payout.paymentId);
  for (const guardian of guardians) {
    await ctx.notify(
      refundPaidMessage({ touser: guardian.openid, childName: payment?.studentName ?? '', amountYuan: formatYuan(payout.amountFen).replace(' 元', '元') }),
    );
  }
}

/** Orders with no result after a while, and payouts WeChat has not confirmed: asked again. */
async function reconcileStale(ctx: ActionContext) {
  const before = new Date(ctx.now().getTime() - STALE_MS).toISOString();
  const open = await getAll<PaymentDoc>(ctx.collection('payments').where({ channel: 'wechat', status: 'created', createdAt: ctx._.lt(before) }));
  for (const payment of open) if ((await reconcileOrder(ctx, payment)).status !== payment.status) await markSummaryStale(ctx, payment.schoolId);
  const waiting = await getAll<RefundPayoutDoc>(
    ctx.collection('refundPayouts').where({ channel: 'wechat', status: 'requested', requestedAt: ctx._.lt(before) }),
  );
  for (const payout of waiting) {
    const payment = await findById<PaymentDoc>(ctx, 'payments', payout.paymentId);
    if (payment) await requestWechatRefund(ctx, payout, payment);
  }
}
