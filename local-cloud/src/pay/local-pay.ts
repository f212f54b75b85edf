import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock';

/**
 * A stand-in for WeChat Pay as cloud functions see it (`cloud.cloudPay`, wx-server-sdk ≥ 2.0.2):
 * unifiedOrder, queryOrder, closeOrder, refund and queryRefund with the real parameter and answer
 * shapes (camelCase in, as the SDK takes them; `returnCode`/`resultCode` out), and the payment and
 * refund results delivered to the callback function the way WeChat does: the function must answer
 * `{ errcode: 0 }`, otherwise it is called again; a delivered result may be delivered once more,
 * and may arrive late. Cloud functions never know which one they talk to.
 *
 * The person pays in the mini-program (wx.requestPayment with the returned `payment`); locally the
 * H5 "模拟微信支付" sheet or a test decides: pay, cancel or fail (`settle`).
 */

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND' | 'PAYERROR' | 'USERPAYING';

export interface LocalOrder {
  outTradeNo: string;
  prepayId: string;
  body: string;
  totalFee: number;
  subMchId: string;
  functionName: string;
  envId: string;
  attach?: string;
  payerOpenid: string;
  createdAt: string;
  state: TradeState;
  transactionId?: string;
  timeEnd?: string;
  refunds: LocalRefund[];
}

export interface LocalRefund {
  outRefundNo: string;
  refundId: string;
  refundFee: number;
  functionName?: string;
  status: 'PROCESSING' | 'SUCCESS';
  successTime?: string;
}

/** How the next results reach the callback function (tests set it; the default is WeChat's usual). */
export interface DeliveryMode {
  /** `normal`: at once; `late`: only when `deliverLate()` runs; `lost`: never (queryOrder must reconcile). */
  timing: 'normal' | 'late' | 'lost';
  /** Deliver every result this many times (WeChat repeats callbacks; 2 shows a callback must be idempotent). */
  times: number;
}

/** Calls a callback function with a result, as WeChat Pay does (no user in the context). */
export type CallbackInvoker = (functionName: string, event: Record<string, unknown>) => Promise<unknown>;

const OUT_NO = /^[A-Za-z0-9_-]{1,32}$/;
const REFUND_NO = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_REFUNDS = 50;
const YEAR_MS = 365 * 86_400_000;

const ok = (api: string, fields: Record<string, unknown>) => ({
  returnCode: 'SUCCESS',
  returnMsg: 'OK',
  resultCode: 'SUCCESS',
  errCode: 0,
  errMsg: `cloudPay.${api}:ok`,
  ...fields,
});
const fail = (api: string, errCodeDes: string, code: string) => ({
  returnCode: 'SUCCESS',
  returnMsg: 'OK',
  resultCode: 'FAIL',
  errCode: code,
  errCodeDes,
  errMsg: `cloudPay.${api}:ok`,
});

/** WeChat's time format: yyyyMMddHHmmss, China time. */
function wechatTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export class LocalPay {
  private readonly orders = new Map<string, LocalOrder>();
  private readonly byPrepay = new Map<string, string>();
  private pending: { functionName: string; event: Record<string, unknown> }[] = [];
  mode: DeliveryMode = { timing: 'normal', times: 1 };
  /** Every delivery made, with the answer the function gave (tests read it). */
  readonly deliveries: { functionName: string; event: Record<string, unknown>; answer: unknown }[] = [];

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly invoke: CallbackInvoker,
    private readonly appId = 'wx-local-kehou',
    private readonly mchId = '1900000001',
  ) {}

  /** The cloudPay surface for one caller (the payer of a unifiedOrder is the caller, as in WeChat). */
  api(payerOpenid: () => string | undefined) {
    return {
      unifiedOrder: async (p: Record<string, unknown>) => this.unifiedOrder(p, payerOpenid() ?? ''),
      queryOrder: async (p: Record<string, unknown>) => this.queryOrder(p),
      closeOrder: async (p: Record<string, unknown>) => this.closeOrder(p),
      refund: async (p: Record<string, unknown>) => this.refund(p),
      queryRefund: async (p: Record<string, unknown>) => this.queryRefund(p),
    };
  }

  private unifiedOrder(p: Record<string, unknown>, payerOpenid: string) {
    const outTradeNo = String(p.outTradeNo ?? '');
    const totalFee = p.totalFee;
    for (const field of ['body', 'outTradeNo', 'spbillCreateIp', 'subMchId', 'totalFee', 'envId', 'functionName', 'nonceStr'] as const) {
      if (p[field] === undefined || p[field] === '') throw new Error(`cloudPay.unifiedOrder:fail missing ${field}`);
    }
    if (!OUT_NO.test(outTradeNo)) return fail('unifiedOrder', '商户订单号只能是 32 个以内的数字、字母、_ 和 -', 'INVALID_REQUEST');
    if (typeof totalFee !== 'number' || !Number.isInteger(totalFee) || totalFee <= 0) return fail('unifiedOrder', '金额必须为正整数（分）', 'INVALID_REQUEST');
    if (!payerOpenid) return fail('unifiedOrder', '缺少付款人', 'INVALID_REQUEST');
    const existing = this.orders.get(outTradeNo);
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND') return fail('unifiedOrder', '该订单已支付', 'ORDERPAID');
      if (existing.state === 'CLOSED') return fail('unifiedOrder', '该订单已关闭', 'ORDERCLOSED');
      if (existing.totalFee !== totalFee || existing.body !== p.body) return fail('unifiedOrder', '商户订单号重复', 'INVALID_REQUEST');
      // The same order asked again (a second guardian, a retry): the same prepay, for whoever pays it.
      return ok('unifiedOrder', { prepayId: existing.prepayId, payment: this.paymentOf(existing), subMchId: existing.subMchId, tradeType: 'JSAPI' });
    }
    const order: LocalOrder = {
      outTradeNo,
      prepayId: `wx${wechatTime(this.clock.now())}${randomBytes(10).toString('hex')}`,
      body: String(p.body),
      totalFee,
      subMchId: String(p.subMchId),
      functionName: String(p.functionName),
      envId: String(p.envId),
      ...(p.attach ? { attach: String(p.attach) } : {}),
      payerOpenid,
      createdAt: this.clock.now().toISOString(),
      state: 'NOTPAY',
      refunds: [],
    };
    this.orders.set(outTradeNo, order);
    this.byPrepay.set(order.prepayId, outTradeNo);
    return ok('unifiedOrder', { prepayId: order.prepayId, payment: this.paymentOf(order), subMchId: order.subMchId, tradeType: 'JSAPI' });
  }

  private paymentOf(order: LocalOrder) {
    const timeStamp = String(Math.floor(Date.parse(order.createdAt) / 1000));
    const nonceStr = createHash('md5').update(order.prepayId).digest('hex').slice(0, 16);
    const pkg = `prepay_id=${order.prepayId}`;
    const paySign = createHash('md5').update(`${this.appId}${timeStamp}${nonceStr}${pkg}`).digest('hex').toUpperCase();
    return { appId: this.appId, timeStamp, nonceStr, package: pkg, signType: 'MD5', paySign };
  }

  private queryOrder(p: Record<string, unknown>) {
    const order = this.orders.get(String(p.out_trade_no ?? p.outTradeNo ?? ''));
    if (!order) return fail('queryOrder', '此交易订单号不存在', 'ORDERNOTEXIST');
    return ok('queryOrder', {
      outTradeNo: order.outTradeNo,
      tradeState: order.state,
      totalFee: order.totalFee,
      ...(order.transactionId ? { transactionId: order.transactionId, timeEnd: order.timeEnd, subOpenid: order.payerOpenid, cashFee: order.totalFee } : {}),
      ...(order.attach ? { attach: order.attach } : {}),
    });
  }

  private closeOrder(p: Record<string, unknown>) {
    const order = this.orders.get(String(p.out_trade_no ?? p.outTradeNo ?? ''));
    if (!order) return fail('closeOrder', '此交易订单号不存在', 'ORDERNOTEXIST');
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return fail('closeOrder', '订单已支付，不能关闭', 'ORDERPAID');
    order.state = 'CLOSED';
    return ok('closeOrder', {});
  }

  private async refund(p: Record<string, unknown>) {
    const order = this.orders.get(String(p.out_trade_no ?? ''));
    const outRefundNo = String(p.out_refund_no ?? '');
    const totalFee = p.total_fee;
    const refundFee = p.refund_fee;
    if (!order) return fail('refund', '订单不存在', 'ORDERNOTEXIST');
    if (!REFUND_NO.test(outRefundNo)) return fail('refund', '退款单号格式不正确', 'PARAM_ERROR');
    const again = order.refunds.find((r) => r.outRefundNo === outRefundNo);
    if (again) {
      if (again.refundFee !== refundFee) return fail('refund', '同一退款单号的金额不一致', 'INVALID_REQUEST');
      return ok('refund', { outTradeNo: order.outTradeNo, outRefundNo, refundId: again.refundId, refundFee: again.refundFee, totalFee: order.totalFee });
    }
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND') return fail('refund', '订单未支付，不能退款', 'TRADE_STATE_ERROR');
    if (totalFee !== order.totalFee) return fail('refund', '订单金额与原订单不一致', 'INVALID_REQUEST');
    if (typeof refundFee !== 'number' || !Number.isInteger(refundFee) || refundFee <= 0) return fail('refund', '退款金额必须为正整数（分）', 'PARAM_ERROR');
    const refunded = order.refunds.reduce((t, r) => t + r.refundFee, 0);
    if (refunded + refundFee > order.totalFee) return fail('refund', '退款金额超过订单可退金额', 'NOTENOUGH');
    if (order.refunds.length >= MAX_REFUNDS) return fail('refund', '部分退款次数超过 50 次', 'REFUND_FEE_MISMATCH');
    if (this.clock.now().getTime() - Date.parse(order.createdAt) > YEAR_MS) return fail('refund', '订单已超过一年，不能退款', 'TRADE_OVERDUE');
    const refund: LocalRefund = {
      outRefundNo,
      refundId: `50${wechatTime(this.clock.now())}${randomBytes(8).toString('hex')}`,
      refundFee,
      ...(p.functionName ? { functionName: String(p.functionName) } : {}),
      status: 'PROCESSING',
    };
    order.refunds.push(refund);
    order.state = 'REFUND';
    // WeChat pays the refund out shortly after and tells the refund callback (the refund has no attach).
    refund.status = 'SUCCESS';
    refund.successTime = new Date(this.clock.now().getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
    if (refund.functionName) {
      await this.deliver(refund.functionName, {
        returnCode: 'SUCCESS',
        appid: this.appId,
        mchId: this.mchId,
        subMchId: order.subMchId,
        reqInfo: {
          transactionId: order.transactionId,
          outTradeNo: order.outTradeNo,
          refundId: refund.refundId,
          outRefundNo: refund.outRefundNo,
          totalFee: order.totalFee,
          refundFee: refund.refundFee,
          settlementRefundFee: refund.refundFee,
          refundStatus: 'SUCCESS',
          successTime: refund.successTime,
          refundRecvAccout: '支付用户零钱',
          refundAccount: 'REFUND_SOURCE_RECHARGE_FUNDS',
          refundRequestSource: 'API',
        },
      });
    }
    return ok('refund', { outTradeNo: order.outTradeNo, outRefundNo, refundId: refund.refundId, refundFee, totalFee: order.totalFee });
  }

  private queryRefund(p: Record<string, unknown>) {
    const order = this.orders.get(String(p.out_trade_no ?? ''));
    if (!order || order.refunds.length === 0) return fail('queryRefund', '退款订单查询失败', 'REFUNDNOTEXIST');
    return ok('queryRefund', {
      outTradeNo: order.outTradeNo,
      totalFee: order.totalFee,
      refundCount: order.refunds.length,
      refunds: order.refunds.map((r) => ({
        outRefundNo: r.outRefundNo,
        refundId: r.refundId,
        refundFee: r.refundFee,
        refundStatus: r.status,
        successTime: r.successTime,
      })),
    });
  }

  /**
   * The person's answer in the payment sheet: pay (the order succeeds and its callback is told),
   * cancel (nothing happens: wx.requestPayment fails with "cancel"), or fail (the bank refused).
   * Only the person who opened the sheet may answer it.
   */
  async settle(prepayId: string, outcome: 'pay' | 'cancel' | 'fail', payerOpenid: string): Promise<{ errMsg: string; order?: LocalOrder }> {
    const order = this.orders.get(this.byPrepay.get(prepayId) ?? '');
    if (!order) return { errMsg: 'requestPayment:fail prepay_id 无效' };
    if (outcome === 'cancel') return { errMsg: 'requestPayment:fail cancel' };
    if (outcome === 'fail') return { errMsg: 'requestPayment:fail 模拟的支付失败（余额不足）' };
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return { errMsg: 'requestPayment:fail 该订单已支付' };
    if (order.state === 'CLOSED') return { errMsg: 'requestPayment:fail 订单已关闭' };
    order.state = 'SUCCESS';
    order.payerOpenid = payerOpenid;
    order.transactionId = `4200${wechatTime(this.clock.now())}${randomBytes(7).toString('hex')}`.slice(0, 28);
    order.timeEnd = wechatTime(this.clock.now());
    await this.deliver(order.functionName, {
      returnCode: 'SUCCESS',
      resultCode: 'SUCCESS',
      appid: this.appId,
      mchId: this.mchId,
      subAppid: this.appId,
      subMchId: order.subMchId,
      subOpenid: payerOpenid,
      isSubscribe: 'N',
      tradeType: 'JSAPI',
      bankType: 'OTHERS',
      totalFee: order.totalFee,
      cashFee: order.totalFee,
      feeType: 'CNY',
      transactionId: order.transactionId,
      outTradeNo: order.outTradeNo,
      timeEnd: order.timeEnd,
      nonceStr: randomBytes(8).toString('hex'),
      ...(order.attach ? { attach: order.attach } : {}),
    });
    return { errMsg: 'requestPayment:ok', order };
  }

  /** Delivers the results held back by the `late` mode. */
  async deliverLate(): Promise<number> {
    const held = this.pending;
    this.pending = [];
    for (const { functionName, event } of held) await this.deliverNow(functionName, event);
    return held.length;
  }

  order(outTradeNo: string): LocalOrder | undefined {
    return this.orders.get(outTradeNo);
  }

  private async deliver(functionName: string, event: Record<string, unknown>) {
    if (this.mode.timing === 'lost') return;
    if (this.mode.timing === 'late') {
      this.pending.push({ functionName, event });
      return;
    }
    for (let i = 0; i < this.mode.times; i++) await this.deliverNow(functionName, event);
  }

  /** Calls the callback until it answers `{ errcode: 0 }` (WeChat keeps trying for two days; locally a few times). */
  private async deliverNow(functionName: string, event: Record<string, unknown>) {
    for (let attempt = 0; attempt < 3; attempt++) {
      let answer: unknown;
      try {
        answer = await this.invoke(functionName, JSON.parse(JSON.stringify(event)));
      } catch (error) {
        answer = { error: String(error) };
      }
      this.deliveries.push({ functionName, event, answer });
      if ((answer as { errcode?: number } | null)?.errcode === 0) return;
    }
  }
}
