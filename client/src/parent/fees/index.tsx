import { chinaDate } from '@kehou/shared';
import type { ParentNoticeView } from '@kehou/shared/fees';
import { NOTICE_STATE_LABELS } from '@kehou/shared/fees/views';
import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../api';
import { requestPayment, type WechatPayment } from '../../api/pay';
import { useLoad } from '../../api/use-call';
import { askConsents } from '../../ui/consents';
import { FeeLines, formatYuan } from '../../ui/fee-lines';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';

const REFUND_STATUS: Record<string, string> = { requested: '退费申请待学校处理', approved: '学校已同意退费', rejected: '学校未同意退费' };

const payFailure = (message: string) => (/cancel/.test(message) ? '已取消支付' : message.replace(/^requestPayment:fail\s*/, '支付未完成：'));

function NoticeCard({ notice, onChanged }: { notice: ParentNoticeView; onChanged: () => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [paying, setPaying] = useState(false);
  const pay = async () => {
    void askConsents('notice');
    setPaying(true);
    try {
      const start = await api.fees.createPayment({ noticeId: notice.noticeId });
      await requestPayment(start.payment as unknown as WechatPayment, formatYuan(start.amountFen));
      // The callback may not have arrived yet: ask WeChat Pay how the order stands.
      const confirmed = await api.fees.confirmPayment({ noticeId: notice.noticeId });
      toast(confirmed.state === 'paid' ? '缴费成功' : '支付结果确认中，请稍后刷新', 'success');
    } catch (e) {
      toast(payFailure(e instanceof Error ? e.message : '支付失败'));
    }
    setPaying(false);
    await onChanged();
  };
  const request = async () => {
    try {
      await api.fees.requestRefund({ noticeId: notice.noticeId, reason });
      toast('已提交退费申请', 'success');
    } catch (e) {
      toast(e instanceof Error ? e.message : '提交失败');
    }
    await onChanged();
  };
  return (
    <View className="card fee-notice">
      <Text className="card-title">
        {notice.studentName} · {notice.periodLabel}（{notice.period.from} 至 {notice.period.to}）{notice.difference ? ' · 更正' : ''}
      </Text>
      <View className="row">
        <Text className={`tag fee-state-${notice.state}`}>{NOTICE_STATE_LABELS[notice.state]}</Text>
        <Text className="fee-total">
          {notice.state === 'nothing-due'
            ? '本期无需缴费'
            : notice.state === 'paid'
              ? `已缴 ${formatYuan(notice.dueFen)}`
              : `应缴 ${formatYuan(notice.dueFen)}`}
        </Text>
      </View>
      {notice.difference && (
        <View className="sub-card fee-difference">
          <Text>
            更正原因：{notice.difference.reason}。原通知 {formatYuan(notice.difference.previousChargeFen)}，更正后本期费用 {formatYuan(notice.chargeFen)}
            {notice.difference.paidBeforeFen > 0 ? `；此前已缴 ${formatYuan(notice.difference.paidBeforeFen)}` : ''}
            {notice.difference.creditFen > 0 ? `；多缴的 ${formatYuan(notice.difference.creditFen)} 将退还` : ''}。
          </Text>
          <FeeLines lines={notice.difference.lines} />
        </View>
      )}
      {notice.canPay && (
        <View className="btn-row">
          <Button type="primary" className="pay-notice" loading={paying} onClick={pay}>
            微信缴费 {formatYuan(notice.dueFen)}
          </Button>
        </View>
      )}
      {notice.receipt && (
        <View className="sub-card fee-receipt">
          <Text className="ok-text">
            已于 {chinaDate(notice.receipt.paidAt)} {notice.receipt.channel === 'wechat' ? '通过微信支付' : '在学校'}缴费 {formatYuan(notice.receipt.amountFen)}
          </Text>
          <Text className="muted">
            {notice.receipt.channel === 'wechat' ? '交易单号' : '收据号'}：{notice.receipt.reference}
          </Text>
        </View>
      )}
      <Text className="section-note">本期费用 {formatYuan(notice.chargeFen)}，明细：</Text>
      <FeeLines lines={notice.lines} />
      {notice.earlier.map((e) => (
        <View key={e.noticeId} className="sub-card fee-earlier">
          <Text className="muted">
            原通知（{NOTICE_STATE_LABELS[e.state]}）：本期费用 {formatYuan(e.chargeFen)}，发出于 {chinaDate(e.issuedAt)}
          </Text>
        </View>
      ))}
      {notice.refund && (
        <View className="sub-card refund-status">
          <Text>{REFUND_STATUS[notice.refund.status]}</Text>
          {notice.refund.refundFen !== undefined && notice.refund.status === 'approved' && (
            <Text className="fee-amount">退 {formatYuan(notice.refund.refundFen)}</Text>
          )}
          {notice.refund.payout && (
            <Text className="muted">
              {notice.refund.payout.status === 'paid' ? '已原路退回' : notice.refund.payout.offlineFen > 0 ? '学校将线下退回' : '退款处理中'}
            </Text>
          )}
          {notice.refund.lines && <FeeLines lines={notice.refund.lines} />}
        </View>
      )}
      {notice.refundMethod && <Text className="section-note">退费办法：{notice.refundMethod}</Text>}
      {notice.canRequestRefund && (
        <View className="sub-card">
          <Text className="field-label">因故申请退费（写明原因）</Text>
          <Textarea className="textarea refund-reason" value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} />
          <View className="btn-row">
            <Button size="small" className="request-refund" disabled={reason.trim().length < 2} onClick={request}>
              申请退费
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

/** 收费通知: each notice of the parent's children, every amount with the clause it rests on. */
export default function ParentFees() {
  const notices = useLoad(() => api.fees.listMyNotices());
  if (notices.loading && !notices.data) return <Loading />;
  if (notices.error || !notices.data) return <ErrorCard message={notices.error ?? '加载失败'} onRetry={notices.reload} />;
  return (
    <View className="page">
      {notices.data.notices.length === 0 && (
        <View className="card">
          <Text className="muted">还没有收费通知。学校按公示的收费标准发出通知后，会在这里看到每一项费用和政策依据。</Text>
        </View>
      )}
      {notices.data.notices.map((n) => (
        <NoticeCard key={n.noticeId} notice={n} onChanged={notices.reload} />
      ))}
    </View>
  );
}
