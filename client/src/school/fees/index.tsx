import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { IssueResult, NoticePreview, SchoolNotices } from '@kehou/shared/fees';
import { callFunction } from '../../api/call';
import { useLoad } from '../../api/use-call';
import { Button } from '../../ui/nutui';
import { toast } from '../../ui/navigate';
import { ErrorCard, Loading } from '../../ui/states';
import { useParams } from '../../ui/params';
import { FeeLines, formatYuan } from '../../ui/fee-lines';

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const monthStart = `${today.slice(0, 7)}-01`;
const monthEnd = (from: string) => new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** 收费通知 (school admin): preview and issue for a period, the list with totals, mark paid, refund decisions. */
export default function SchoolFees() {
  const { schoolId = '', termId = '' } = useParams();
  const [from, setFrom] = useState(monthStart);
  const [to, setTo] = useState(monthEnd(monthStart));
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useLoad(() => callFunction<SchoolNotices>('fees', 'schoolNotices', { schoolId, termId }), [schoolId, termId]);

  const run = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      setProblem(null);
      if (done) toast(done, 'success');
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '操作失败');
    }
    await list.reload();
  };
  const period = { schoolId, termId, from, to };
  const doPreview = () => run(async () => setPreview(await callFunction<NoticePreview>('fees', 'previewNotices', period)));
  const doIssue = () =>
    run(async () => {
      const result = await callFunction<IssueResult>('fees', 'issueNotices', period);
      toast(`新发出 ${result.created} 份，已发过 ${result.existing} 份`, 'success');
      setPreview(null);
    });

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">发出收费通知</Text>
        <Text className="muted">按公示的收费标准、孩子的考勤和减免政策计算；同一期间每个孩子只发一次，发出后不再修改。</Text>
        <View className="field">
          <Text className="field-label">开始日期</Text>
          <Input className="input fee-from" value={from} placeholder="YYYY-MM-DD" onInput={(e) => setFrom(e.detail.value)} />
        </View>
        <View className="field">
          <Text className="field-label">结束日期</Text>
          <Input className="input fee-to" value={to} placeholder="YYYY-MM-DD" onInput={(e) => setTo(e.detail.value)} />
        </View>
        <View className="btn-row">
          <Button size="small" className="preview-notices" onClick={doPreview}>
            预览
          </Button>
          {preview && preview.rows.length > 0 && (
            <Button type="primary" size="small" className="issue-notices" onClick={doIssue}>
              确认发出
            </Button>
          )}
        </View>
        {problem && <Text className="violation fee-problem">{problem}</Text>}
      </View>

      {preview && (
        <View className="card fee-preview">
          <Text className="card-title">预览：{preview.rows.length} 人，应收 {formatYuan(preview.totals.chargeFen)}</Text>
          <Text className="muted">
            减免 {formatYuan(preview.totals.exemptFen)}，其中政府承担 {formatYuan(preview.totals.governmentShareFen)}
          </Text>
          {preview.rows.map((r) => (
            <View key={r.applicationId} className="sub-card">
              <View className="row">
                <Text>
                  {r.className} {r.studentName}
                </Text>
                <Text>{r.issued ? '已发出' : formatYuan(r.chargeFen)}</Text>
              </View>
              {r.unrecordedDays > 0 && <Text className="warn-text">有 {r.unrecordedDays} 个服务日没有考勤记录，按未参加计算</Text>}
              <FeeLines lines={r.lines} />
            </View>
          ))}
        </View>
      )}

      {list.loading && !list.data && <Loading />}
      {list.error && <ErrorCard message={list.error} onRetry={list.reload} />}
      {list.data && list.data.as === 'admin' && (
        <View className="card fee-list">
          <Text className="card-title">已发出的通知（{list.data.rows.length}）</Text>
          <Text className="muted">
            应收 {formatYuan(list.data.totals.chargeFen)}，已收 {formatYuan(list.data.totals.paidFen)}；减免 {formatYuan(list.data.totals.exemptFen)}，其中政府承担{' '}
            {formatYuan(list.data.totals.governmentShareFen)}
          </Text>
          {list.data.rows.map((r) => (
            <View key={r.noticeId} className="sub-card fee-row">
              <View className="row">
                <Text>
                  {r.className} {r.studentName} · {r.period.from.slice(5)}—{r.period.to.slice(5)}
                </Text>
                <Text>{formatYuan(r.chargeFen)}</Text>
              </View>
              {r.exemptFen > 0 && (
                <Text className="section-note">
                  减免 {formatYuan(r.exemptFen)}（政府承担 {formatYuan(r.governmentShareFen)}）
                </Text>
              )}
              <View className="btn-row">
                <Text className="tag">{r.status === 'paid' ? '已缴费' : '待缴费'}</Text>
                {r.status === 'issued' && (
                  <Button size="small" className="mark-paid" onClick={() => run(() => callFunction('fees', 'markPaid', { noticeId: r.noticeId }), '已记为缴费')}>
                    记为已缴费
                  </Button>
                )}
              </View>
              {r.refund && (
                <View className="sub-card">
                  <Text>退费申请：{r.refund.reason}</Text>
                  {r.refund.status === 'requested' ? (
                    <View className="btn-row">
                      <Button size="small" type="primary" className="approve-refund" onClick={() => run(() => callFunction('fees', 'decideRefund', { refundId: r.refund!.refundId, approve: true }), '已同意')}>
                        同意（按政策计算金额）
                      </Button>
                      <Button size="small" className="reject-refund" onClick={() => run(() => callFunction('fees', 'decideRefund', { refundId: r.refund!.refundId, approve: false }), '已处理')}>
                        不同意
                      </Button>
                    </View>
                  ) : (
                    <Text className="section-note">
                      {r.refund.status === 'approved' ? `已同意，退 ${formatYuan(r.refund.refundFen ?? 0)}` : '未同意'}
                    </Text>
                  )}
                  {r.refund.lines && <FeeLines lines={r.refund.lines} />}
                </View>
              )}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
