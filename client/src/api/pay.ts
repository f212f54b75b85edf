import Taro from '@tarojs/taro';

/** What wx.requestPayment takes, as the fees function returned it from WeChat Pay's unifiedOrder. */
export interface WechatPayment {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

/**
 * Pays an order: in WeChat, wx.requestPayment with the order's `payment`; in H5 (the local demo,
 * no WeChat), a "模拟微信支付" sheet where the person pays, cancels or lets it fail, answered by
 * the local WeChat Pay stand-in, which then calls the payment callback as WeChat does. Resolves
 * when paid; rejects with WeChat's errMsg (`requestPayment:fail cancel`, …) otherwise.
 */
export async function requestPayment(payment: WechatPayment, amountText: string): Promise<void> {
  if (process.env.TARO_ENV !== 'h5') {
    await Taro.requestPayment({ ...payment, signType: payment.signType as 'MD5' });
    return;
  }
  let outcome: 'pay' | 'fail' | 'cancel' = 'cancel';
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: [`模拟微信支付：确认支付 ${amountText}`, '模拟支付失败（如余额不足）'] });
    outcome = tapIndex === 0 ? 'pay' : 'fail';
  } catch {
    outcome = 'cancel';
  }
  const response = await fetch('/api/dev/pay', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ prepayId: payment.package.replace('prepay_id=', ''), outcome }),
  });
  const answer = (await response.json()) as { errMsg: string };
  if (answer.errMsg !== 'requestPayment:ok') throw new Error(answer.errMsg);
}
