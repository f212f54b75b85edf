import { sha256 } from '../../agreement/sha256';
import {
  type ActionContext,
  AppError,
  addAudited,
  asData,
  auditIn,
  findById,
  getAll,
  invalidState,
  isoNow,
  txGet,
  updateAudited,
  writeAudited,
} from '../../cloud';
import type { School } from '../../domain/people';
import { formatYuan } from '../../policy';
import { noticeRefOf } from '../billing';
import type { FeeNoticeDoc, PaymentDoc, RefundDoc, RefundPayoutDoc } from '../types';

/** The cloud function WeChat Pay reports payments and refunds to (cloudfunctions/payments). */
export const PAYMENT_FUNCTION = 'payments';

/**
 * A WeChat Pay order number for a notice (≤ 32 characters of [A-Za-z0-9]): derived from the notice
 * and the attempt (a new order only when the previous one was closed unpaid). Not guessable from a
 * family's ids, and the same for every guardian who opens the same notice.
 */
export function orderNumberOf(noticeId: string, attempt: number): string {
  return `KH${sha256(`order:${noticeId}`).slice(0, 26)}${String(attempt).padStart(2, '0')}`;
}

/** A refund number sent to WeChat (≤ 64): it encodes which refund and which payment, via its payout record. */
export function payoutNumberOf(refundKey: string, paymentId: string): string {
  return `KR${sha256(`payout:${refundKey}:${paymentId}`).slice(0, 40)}`;
}

const wechatEnv = (ctx: ActionContext) => ctx.cloud.getWXContext().ENV ?? 'local';
const nonce = () => sha256(`${Date.now()}:${Math.random()}`).slice(0, 32);

/** WeChat's yyyyMMddHHmmss (China time) as an ISO instant. */
export function instantOfWechatTime(text: string | undefined, fallback: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text ?? '');
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`).toISOString() : fallback;
}

/** The school's WeChat Pay merchant (bound in the cloud console), or a clear refusal. */
function merchantOf(school: School): string {
  if (!school.payMerchantId) throw invalidState('本校还没有开通微信支付，请按学校通知的方式缴费');
  return school.payMerchantId;
}

/**
 * Opens (or reopens) the WeChat Pay order for a notice and returns what wx.requestPayment needs.
 * The amount is the notice's, never the client's. One order number per notice and attempt: two
 * guardians opening the same notice get the same order, so it can be paid only once.
 */
export async function openOrder(
  ctx: ActionContext,
  notice: FeeNoticeDoc,
  school: School,
): Promise<{ payment: Record<string, unknown>; outTradeNo: string; amountFen: number }> {
  if (notice.supersededBy) throw invalidState('这份通知已被更正，请按更正后的通知缴费');
  if (notice.status === 'paid') throw invalidState('这份通知已经缴过费了');
  if (notice.status !== 'issued' || notice.dueFen <= 0) throw invalidState('这份通知无需缴费');
  const subMchId = merchantOf(school);
  const orders = await getAll<PaymentDoc>(ctx.collection('payments').where({ noticeId: notice._id, channel: 'wechat' }));
  if (orders.some((o) => o.status === 'paid' && !o.duplicate)) throw invalidState('这份通知已经缴过费了');
  let order = orders.find((o) => o.status === 'created');
  for (let tries = 0; tries < 3; tries++) {
    if (!order) order = await createOrderRecord(ctx, notice, orders.length + 1 + tries);
    const answer = await ctx.cloud.cloudPay.unifiedOrder({
      body: `课后服务费-${notice.studentName}`.slice(0, 40),
      outTradeNo: order._id,
      spbillCreateIp: '127.0.0.1',
      subMchId,
      totalFee: order.amountFen,
      envId: wechatEnv(ctx),
      functionName: PAYMENT_FUNCTION,
      nonceStr: nonce(),
      tradeType: 'JSAPI',
    });
    if (answer.returnCode === 'SUCCESS' && answer.resultCode === 'SUCCESS' && answer.payment) {
      return { payment: answer.payment as Record<string, unknown>, outTradeNo: order._id, amountFen: order.amountFen };
    }
    if (answer.errCode === 'ORDERPAID') {
      await reconcileOrder(ctx, order);
      throw invalidState('这份通知已经缴过费了');
    }
    if (answer.errCode !== 'ORDERCLOSED') throw new AppError('INTERNAL', `微信支付下单失败：${answer.errCodeDes ?? answer.returnMsg ?? '请稍后再试'}`);
    await updateAudited(ctx, 'payments', order._id, { status: 'created' }, { status: 'closed' }, '微信支付订单已关闭（未支付）');
    order = undefined;
  }
  throw new AppError('INTERNAL', '微信支付下单失败，请稍后再试');
}

async function createOrderRecord(ctx: ActionContext, notice: FeeNoticeDoc, attempt: number): Promise<PaymentDoc> {
  const doc: PaymentDoc = {
    _id: orderNumberOf(notice._id, attempt),
    channel: 'wechat',
    ...noticeRefOf(notice),
    periodKey: notice.periodKey,
    amountFen: notice.dueFen,
    status: 'created',
    refundedFen: 0,
    createdAt: isoNow(ctx),
    createdBy: ctx.caller.openid ?? '',
    revision: 1,
  };
  if (await addAudited(ctx, 'payments', doc, `微信支付下单：${notice.studentName} ${formatYuan(doc.amountFen)}`)) return doc;
  // The other guardian opened the same order a moment ago: use it.
  return (await findById<PaymentDoc>(ctx, 'payments', doc._id))!;
}

export interface RecordedPayment {
  payment: PaymentDoc;
  notice: FeeNoticeDoc | null;
  /** Recorded by this call (false: it was already, e.g. a repeated callback). */
  recorded: boolean;
}

/**
 * Records that WeChat Pay took the money for an order, once (callbacks repeat; a query may get
 * there first): in one transaction the order is marked paid and, when its notice still asks for
 * exactly this, the notice too. Money that reaches a notice already paid or replaced is a
 * duplicate: it is recorded and paid back in full. `verified` comes from WeChat Pay (queryOrder),
 * never from whoever called.
 */
export async function recordWechatPayment(
  ctx: ActionContext,
  outTradeNo: string,
  verified: { transactionId: string; payerOpenid: string; paidAt: string; totalFee: number },
): Promise<RecordedPayment> {
  const result = await ctx.db.runTransaction(async (tx) => {
    const payment = await txGet<PaymentDoc>(tx, 'payments', outTradeNo);
    if (!payment) throw new AppError('NOT_FOUND', `没有这笔订单：${outTradeNo}`);
    const notice = await txGet<FeeNoticeDoc>(tx, 'feeNotices', payment.noticeId);
    if (payment.status === 'paid') return { payment, notice, recorded: false };
    if (verified.totalFee !== payment.amountFen) throw new AppError('INTERNAL', `订单金额不符：${outTradeNo}`);
    const payable = !!notice && notice.status === 'issued' && !notice.supersededBy && notice.dueFen === payment.amountFen;
    const paid: PaymentDoc = {
      ...payment,
      status: 'paid',
      paidAt: verified.paidAt,
      transactionId: verified.transactionId,
      payerOpenid: verified.payerOpenid,
      ...(payable ? {} : { duplicate: true }),
      revision: payment.revision + 1,
    };
    const { _id: _p, ...paymentBody } = paid;
    await tx
      .collection('payments')
      .doc(payment._id)
      .set({ data: asData(paymentBody) });
    let updated: FeeNoticeDoc | null = notice;
    if (payable && notice) {
      updated = { ...notice, status: 'paid', paidAt: verified.paidAt, paidFen: payment.amountFen, paymentId: payment._id, revision: notice.revision + 1 };
      await tx
        .collection('feeNotices')
        .doc(notice._id)
        .update({ data: { status: 'paid', paidAt: verified.paidAt, paidFen: payment.amountFen, paymentId: payment._id, revision: notice.revision + 1 } });
    }
    await auditIn(ctx, tx, {
      targets: [{ collection: 'payments', id: payment._id }, ...(payable ? [{ collection: 'feeNotices' as const, id: payment.noticeId }] : [])],
      summary: `${payable ? '微信缴费' : '重复缴费（将原路退回）'}：${payment.studentName} ${formatYuan(payment.amountFen)}`,
    });
    return { payment: paid, notice: updated, recorded: true };
  });
  if (result.recorded && result.payment.duplicate) await payOutDuplicate(ctx, result.payment);
  return result;
}

/**
 * Asks WeChat Pay how an open order stands (a callback that never came, or came late) and records
 * what it says: paid → as the callback would; closed → closed.
 */
export async function reconcileOrder(ctx: ActionContext, payment: PaymentDoc): Promise<PaymentDoc> {
  if (payment.channel !== 'wechat' || payment.status !== 'created') return payment;
  const school = await findById<School>(ctx, 'schools', payment.schoolId);
  const answer = await ctx.cloud.cloudPay.queryOrder({ sub_mch_id: school?.payMerchantId ?? '', nonce_str: nonce(), out_trade_no: payment._id });
  if (answer.resultCode !== 'SUCCESS') return payment;
  if (answer.tradeState === 'SUCCESS' || answer.tradeState === 'REFUND') {
    const { payment: recorded } = await recordWechatPayment(ctx, payment._id, {
      transactionId: String(answer.transactionId ?? ''),
      payerOpenid: String(answer.subOpenid ?? answer.openid ?? ''),
      paidAt: instantOfWechatTime(answer.timeEnd, isoNow(ctx)),
      totalFee: Number(answer.totalFee),
    });
    return recorded;
  }
  if (answer.tradeState === 'CLOSED' || answer.tradeState === 'PAYERROR') {
    await updateAudited(ctx, 'payments', payment._id, { status: 'created' }, { status: 'closed' }, '微信支付订单已关闭（未支付）');
    return { ...payment, status: 'closed' };
  }
  return payment;
}

/** The school records a payment made at the office (cash or bank transfer), with its reference. */
export async function recordOfflinePayment(
  ctx: ActionContext,
  notice: FeeNoticeDoc,
  method: 'cash' | 'transfer',
  reference: string,
): Promise<{ payment: PaymentDoc; existing: boolean }> {
  const id = `OF${sha256(`offline:${notice._id}`).slice(0, 30)}`;
  const existing = await findById<PaymentDoc>(ctx, 'payments', id);
  if (existing) return { payment: existing, existing: true };
  if (notice.supersededBy) throw invalidState('这份通知已被更正通知取代，请按更正后的通知收费');
  if (notice.status === 'nothing-due') throw invalidState('这份通知无需缴费');
  if (notice.status === 'paid') throw invalidState('这份通知已经缴过费了');
  const now = isoNow(ctx);
  const payment: PaymentDoc = {
    _id: id,
    channel: 'offline',
    ...noticeRefOf(notice),
    periodKey: notice.periodKey,
    amountFen: notice.dueFen,
    status: 'paid',
    refundedFen: 0,
    createdAt: now,
    createdBy: ctx.caller.openid ?? '',
    paidAt: now,
    method,
    reference,
    revision: 1,
  };
  await ctx.db.runTransaction(async (tx) => {
    const current = await txGet<FeeNoticeDoc>(tx, 'feeNotices', notice._id);
    if (current?.status !== 'issued' || current.supersededBy) throw invalidState('这份收费通知刚刚被其他人处理过，请刷新');
    const { _id, ...body } = payment;
    await tx
      .collection('payments')
      .doc(id)
      .set({ data: asData(body) });
    await tx
      .collection('feeNotices')
      .doc(notice._id)
      .update({ data: { status: 'paid', paidAt: now, paidFen: notice.dueFen, paymentId: id, revision: current.revision + 1 } });
    await auditIn(ctx, tx, {
      targets: [
        { collection: 'payments', id },
        { collection: 'feeNotices', id: notice._id },
      ],
      summary: `线下缴费（${method === 'cash' ? '现金' : '转账'}，${reference}）：${notice.studentName} ${formatYuan(notice.dueFen)}`,
    });
  });
  return { payment, existing: false };
}

/** The paid payments of a child's period (every notice of the chain), newest first. */
async function paymentsOfPeriod(ctx: ActionContext, applicationId: string, periodKey: string): Promise<PaymentDoc[]> {
  const payments = await getAll<PaymentDoc>(ctx.collection('payments').where({ applicationId, periodKey, status: 'paid' }));
  return payments.filter((p) => !p.duplicate).sort((a, b) => (b.paidAt ?? '').localeCompare(a.paidAt ?? ''));
}

/**
 * Pays an approved refund back the way the money came: through WeChat Pay against the period's
 * WeChat payments (newest first, each never beyond what it brought in), and as an amount the
 * school pays back by hand for what was paid offline (recordOfflineRefund). Each payout has a
 * fixed refund number, so a retry sends nothing twice; WeChat's refund callback confirms it.
 */
export async function payOutRefund(ctx: ActionContext, refund: RefundDoc): Promise<void> {
  if (refund.status !== 'approved' || !refund.refundFen) return;
  const notice = await findById<FeeNoticeDoc>(ctx, 'feeNotices', refund.noticeId);
  if (!notice) return;
  let left = refund.refundFen - (await payoutsOf(ctx, refund._id)).reduce((t, p) => t + (p.status === 'failed' ? 0 : p.amountFen), 0);
  for (const payment of await paymentsOfPeriod(ctx, notice.applicationId, notice.periodKey)) {
    if (left <= 0) break;
    if (payment.channel !== 'wechat') continue;
    const amount = Math.min(left, payment.amountFen - payment.refundedFen);
    if (amount <= 0) continue;
    await sendWechatRefund(ctx, payment, refund._id, amount, refund.studentId);
    left -= amount;
  }
  const channel = left <= 0 ? 'wechat' : left === refund.refundFen ? 'offline' : 'mixed';
  await writeAudited(ctx, async (t) => {
    const current = await txGet<RefundDoc>(t, 'refunds', refund._id);
    if (!current || current.payout?.status === 'paid') return { result: undefined, note: null };
    const payout = { status: 'pending' as const, paidFen: current.payout?.paidFen ?? 0, channel, offlineFen: Math.max(0, left) };
    await t
      .collection('refunds')
      .doc(refund._id)
      .update({ data: { payout: ctx._.set(payout) } });
    const summary = left > 0 ? `退费待退回：其中 ${formatYuan(left)} 由学校线下退回` : `退费经微信支付原路退回：${formatYuan(refund.refundFen!)}`;
    return { result: undefined, note: { targets: [{ collection: 'refunds', id: refund._id }], summary } };
  });
}

/** The full amount of a duplicate payment goes back at once. */
async function payOutDuplicate(ctx: ActionContext, payment: PaymentDoc): Promise<void> {
  await sendWechatRefund(ctx, payment, `duplicate:${payment._id}`, payment.amountFen - payment.refundedFen, payment.studentId);
}

async function payoutsOf(ctx: ActionContext, refundId: string): Promise<RefundPayoutDoc[]> {
  return getAll<RefundPayoutDoc>(ctx.collection('refundPayouts').where({ refundId }));
}

async function sendWechatRefund(ctx: ActionContext, payment: PaymentDoc, refundKey: string, amountFen: number, studentId: string): Promise<void> {
  const id = payoutNumberOf(refundKey, payment._id);
  // The payout and the payment's refunded amount together, once: a retry finds the payout and skips.
  const created = await ctx.db.runTransaction(async (tx) => {
    if (await txGet<RefundPayoutDoc>(tx, 'refundPayouts', id)) return false;
    const current = await txGet<PaymentDoc>(tx, 'payments', payment._id);
    if (!current || current.refundedFen + amountFen > current.amountFen) return false;
    const payout: Omit<RefundPayoutDoc, '_id'> = {
      refundId: refundKey,
      paymentId: payment._id,
      channel: 'wechat',
      schoolId: payment.schoolId,
      termId: payment.termId,
      studentId,
      amountFen,
      status: 'requested',
      requestedAt: isoNow(ctx),
    };
    await tx
      .collection('refundPayouts')
      .doc(id)
      .set({ data: asData(payout) });
    await tx
      .collection('payments')
      .doc(payment._id)
      .update({ data: { refundedFen: current.refundedFen + amountFen, revision: current.revision + 1 } });
    await auditIn(ctx, tx, {
      targets: [
        { collection: 'refundPayouts', id },
        { collection: 'payments', id: payment._id },
      ],
      summary: `申请微信退款：${payment.studentName} ${formatYuan(amountFen)}`,
    });
    return true;
  });
  if (!created && !(await findById<RefundPayoutDoc>(ctx, 'refundPayouts', id))) return;
  const payout = (await findById<RefundPayoutDoc>(ctx, 'refundPayouts', id))!;
  if (payout.status === 'paid') return;
  await requestWechatRefund(ctx, payout, payment);
}

/** Sends (or sends again: same refund number, so WeChat refunds once) a payout to WeChat Pay. */
export async function requestWechatRefund(ctx: ActionContext, payout: RefundPayoutDoc, payment: PaymentDoc): Promise<void> {
  const school = await findById<School>(ctx, 'schools', payment.schoolId);
  const answer = await ctx.cloud.cloudPay.refund({
    sub_mch_id: school?.payMerchantId ?? '',
    nonce_str: nonce(),
    out_trade_no: payment._id,
    out_refund_no: payout._id,
    total_fee: payment.amountFen,
    refund_fee: payout.amountFen,
    functionName: PAYMENT_FUNCTION,
    envId: wechatEnv(ctx),
  });
  if (answer.returnCode === 'SUCCESS' && answer.resultCode !== 'SUCCESS') {
    await updateAudited(
      ctx,
      'refundPayouts',
      payout._id,
      { status: 'requested' },
      { status: 'failed' },
      `微信退款被拒绝：${answer.errCodeDes ?? answer.errCode}`,
    );
    console.warn(`[payments] refund ${payout._id} refused: ${answer.errCodeDes ?? answer.errCode}`);
  }
}

/**
 * WeChat Pay says a refund reached the family: the payout is paid and the refund's paid-back
 * amount grows (once per payout, whatever the number of callbacks).
 */
export async function confirmWechatRefund(ctx: ActionContext, outRefundNo: string, wechatRefundId: string, paidAt: string): Promise<RefundPayoutDoc | null> {
  const confirmed = await ctx.db.runTransaction(async (tx) => {
    const payout = await txGet<RefundPayoutDoc>(tx, 'refundPayouts', outRefundNo);
    if (!payout || payout.status === 'paid') return null;
    await tx
      .collection('refundPayouts')
      .doc(outRefundNo)
      .update({ data: { status: 'paid', paidAt, wechatRefundId } });
    const refund = payout.refundId.startsWith('duplicate:') ? null : await txGet<RefundDoc>(tx, 'refunds', payout.refundId);
    if (refund) {
      const paidFen = (refund.payout?.paidFen ?? 0) + payout.amountFen;
      const done = paidFen >= (refund.refundFen ?? 0);
      await tx
        .collection('refunds')
        .doc(refund._id)
        .update({
          data: {
            payout: {
              status: done ? 'paid' : 'pending',
              paidFen,
              channel: refund.payout?.channel ?? 'wechat',
              offlineFen: refund.payout?.offlineFen ?? 0,
              ...(done ? { paidAt } : {}),
            },
          },
        });
    }
    await auditIn(ctx, tx, { targets: [{ collection: 'refundPayouts', id: outRefundNo }], summary: `退款已原路退回：${formatYuan(payout.amountFen)}` });
    return { ...payout, status: 'paid' as const, paidAt, wechatRefundId };
  });
  return confirmed;
}

/** The school paid back by hand what was paid offline, with a reference. */
export async function recordOfflineRefund(ctx: ActionContext, refund: RefundDoc, reference: string): Promise<RefundDoc> {
  if (refund.status !== 'approved' || !refund.refundFen) throw invalidState('这份退费没有需要退回的金额');
  const paidFen = refund.payout?.paidFen ?? 0;
  const pendingWechat = (await payoutsOf(ctx, refund._id)).filter((p) => p.status === 'requested').reduce((t, p) => t + p.amountFen, 0);
  const amount = refund.refundFen - paidFen - pendingWechat;
  if (amount <= 0) throw invalidState('这份退费已经全部退回');
  const id = payoutNumberOf(refund._id, 'offline');
  const now = isoNow(ctx);
  const payout: Omit<RefundPayoutDoc, '_id'> = {
    refundId: refund._id,
    paymentId: '',
    channel: 'offline',
    schoolId: refund.schoolId,
    termId: refund.termId,
    studentId: refund.studentId,
    amountFen: amount,
    status: 'paid',
    requestedAt: now,
    paidAt: now,
    reference,
  };
  const updated = await ctx.db.runTransaction(async (tx) => {
    if (await txGet<RefundPayoutDoc>(tx, 'refundPayouts', id)) throw invalidState('这份退费已经记录过线下退回');
    await tx
      .collection('refundPayouts')
      .doc(id)
      .set({ data: asData(payout) });
    const total = paidFen + amount;
    const payoutState = {
      status: total >= refund.refundFen! ? ('paid' as const) : ('pending' as const),
      paidFen: total,
      channel: refund.payout?.channel === 'wechat' ? ('mixed' as const) : ('offline' as const),
      paidAt: now,
    };
    await tx
      .collection('refunds')
      .doc(refund._id)
      .update({ data: { payout: payoutState } });
    await auditIn(ctx, tx, {
      targets: [{ collection: 'refundPayouts', id }],
      summary: `线下退款（${reference}）：${refund.studentName} ${formatYuan(amount)}`,
    });
    return { ...refund, payout: payoutState };
  });
  return updated;
}
