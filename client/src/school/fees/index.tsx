import type { AdminNoticeRow, NoticePreview, SchoolNotices } from '@kehou/shared/fees';
import { NOTICE_STATE_LABELS } from '@kehou/shared/fees/views';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { JobProgress, useJob } from '../../components/job-progress';
import { useConfirm } from '../../ui/confirm';
import { FeeLines, formatYuan } from '../../ui/fee-lines';
import { MoreRow } from '../../ui/more-row';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { useParams } from '../../ui/params';
import { ErrorCard, Loading } from '../../ui/states';
import { usePagedList } from '../../ui/use-paged-list';
import { advanceFeesJob, PeriodPreview } from './period-preview';

/** Records a payment made at the office: cash or transfer, with the receipt or transfer number. */
function OfflinePayment({ onRecord }: { onRecord: (method: 'cash' | 'transfer', reference: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<'cash' | 'transfer'>('cash');
  const [reference, setReference] = useState('');
  if (!open) {
    return (
      <Button size="small" className="record-offline-payment" onClick={() => setOpen(true)}>
        记录线下缴费
      </Button>
    );
  }
  return (
    <View className="sub-card offline-payment">
      <View className="chip-row">
        {(['cash', 'transfer'] as const).map((m) => (
          <Text key={m} className={`chip ${method === m ? 'chip-on' : ''}`} onClick={() => setMethod(m)}>
            {m === 'cash' ? '现金' : '银行转账'}
          </Text>
        ))}
      </View>
      <Input
        className="input offline-reference"
        value={reference}
        placeholder={method === 'cash' ? '收据号' : '转账流水号'}
        maxlength={60}
        onInput={(e) => setReference(e.detail.value)}
      />
      <Button
        size="small"
        type="primary"
        className="confirm-offline-payment"
        disabled={reference.trim().length < 2}
        onClick={() => onRecord(method, reference.trim())}
      >
        确认已收款
      </Button>
    </View>
  );
}

/**
 * 收费通知 (school admin): the term's billing periods as the policy sets them (never free dates),
 * a preview of the chosen period with every line and clause, issuing exactly what was previewed,
 * corrections when facts changed after billing, the issued notices with totals (a page at a
 * time), mark paid, refunds.
 */
export default function SchoolFees() {
  const { schoolId = '', termId = '' } = useParams();
  const periods = useLoad(() => api.fees.listNoticePeriods({ schoolId, termId }), [schoolId, termId]);
  const [totals, setTotals] = useState<Extract<SchoolNotices, { as: 'admin' }>['totals'] | null>(null);
  const list = usePagedList(
    async (skip, limit) => {
      const page = await api.fees.listSchoolNotices({ schoolId, termId, skip, limit });
      if (page.as === 'admin') setTotals(page.totals);
      return { ...page, rows: page.as === 'admin' ? page.rows : ([] as AdminNoticeRow[]) };
    },
    [schoolId, termId],
    { loadOnScroll: true },
  );
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  const [previewKey, setPreviewKey] = useState(0);
  const confirm = useConfirm();
  const [problem, setProblem] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const issuing = useJob(`job:issue-notices:${schoolId}`, advanceFeesJob, () => void list.reload());

  const act = async (fn: () => Promise<string>) => {
    setBusy(true);
    try {
      toast(await fn(), 'success');
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '操作失败');
    }
    setBusy(false);
    setPreviewKey((n) => n + 1);
    await Promise.all([list.reload(), periods.reload()]);
  };
  const issue = async (p: NoticePreview) => {
    const ok = await confirm.ask({
      title: `发出${p.periodLabel}收费通知`,
      content: `将向 ${p.counts.new} 名学生的家长各发出一份收费通知，应收合计 ${formatYuan(p.totals.chargeFen)}。发出后不能撤回或修改；情况有变时只能发更正通知。`,
      confirmText: `发出 ${p.counts.new} 份`,
    });
    if (ok) await issueNow(p);
  };
  const issueNow = (p: NoticePreview) =>
    act(async () => {
      const result = await api.fees.issueNotices({ schoolId, termId, periodKey: p.periodKey, digest: p.digest });
      const job = await issuing.run(async () => result.job);
      const created = job.result.created ?? result.created;
      return created ? `已发出 ${created} 份` : '没有新的通知需要发出';
    });
  const correct = async (p: NoticePreview) => {
    const ok = await confirm.ask({
      title: `发出${p.periodLabel}更正通知`,
      content: `将为 ${p.counts.changed} 名学生发出更正通知，替代原通知；家长只补缴或退还差额。发出后不能撤回。`,
      confirmText: `发出 ${p.counts.changed} 份更正`,
    });
    if (ok) await correctNow(p);
  };
  const correctNow = (p: NoticePreview) =>
    act(async () => {
      const result = await api.fees.issueCorrections({ schoolId, termId, periodKey: p.periodKey, digest: p.digest, reason });
      setReason('');
      return `已发出更正通知 ${result.corrected} 份`;
    });

  if (periods.loading && !periods.data) return <Loading />;
  if (periods.error || !periods.data) return <ErrorCard message={periods.error ?? '加载失败'} onRetry={periods.retry} />;
  const offered = periods.data;

  return (
    <View className="page">
      {confirm.dialog}
      <View className="card">
        <Text className="card-title">发出收费通知</Text>
        {issuing.job && <JobProgress job={issuing.job} />}
        {offered.notChargeable ? (
          <Text className="violation fee-not-chargeable">
            {offered.notChargeable.reason}
            {offered.notChargeable.citation ? `（${offered.notChargeable.citation}）` : ''}
          </Text>
        ) : (
          <Text className="muted">按本地政策的收费期间发出：每个孩子每期只有一份通知，发出后不再修改；情况有变时发更正通知，只补缴或退还差额。</Text>
        )}
        {offered.periods.map((p) => (
          <View key={p.key} className={`sub-card row fee-period ${periodKey === p.key ? 'fee-period-on' : ''}`} onClick={() => setPeriodKey(p.key)}>
            <View>
              <Text>{p.label}</Text>
              <View>
                <Text className="muted">
                  {p.from} 至 {p.to}
                </Text>
              </View>
            </View>
            <Text className={p.issued ? 'ok-text' : p.notYet ? 'muted' : 'warn-text'}>{p.issued ? `已发出 ${p.issued} 份` : (p.notYet ?? '未发出')}</Text>
          </View>
        ))}
        {offered.periods[0] && <Text className="citation">依据：{offered.periods[0].citation}</Text>}
        {problem && <Text className="violation fee-problem">{problem}</Text>}
      </View>

      {periodKey && (
        <PeriodPreview schoolId={schoolId} termId={termId} periodKey={periodKey} refreshKey={previewKey} onProblem={setProblem}>
          {(preview) => (
            <>
              {!preview.blocked && preview.counts.new > 0 && (
                <View className="btn-row">
                  <Button type="primary" size="small" className="issue-notices" loading={busy} onClick={() => issue(preview)}>
                    确认发出 {preview.counts.new} 份
                  </Button>
                </View>
              )}
              {preview.counts.new === 0 && preview.counts.issued > 0 && preview.counts.changed === 0 && (
                <Text className="ok-text fee-already-issued">本期通知已全部发出，不能重复发出。</Text>
              )}
              {preview.counts.changed > 0 && (
                <View className="sub-card">
                  <Text className="field-label">发出后情况有变（考勤更正、补报困难、退出等），更正原因</Text>
                  <Textarea className="textarea correction-reason" value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} />
                  <View className="btn-row">
                    <Button size="small" className="issue-corrections" loading={busy} disabled={reason.trim().length < 2} onClick={() => correct(preview)}>
                      发出更正通知 {preview.counts.changed} 份
                    </Button>
                  </View>
                </View>
              )}
            </>
          )}
        </PeriodPreview>
      )}

      {totals && (
        <View className="card fee-list">
          <View className="row">
            <Text className="card-title">已发出的通知（{list.total}）</Text>
            <Text className="link open-ledger" onClick={() => void Taro.navigateTo({ url: `/school/ledger/index?schoolId=${schoolId}&termId=${termId}` })}>
              收费专账 ›
            </Text>
          </View>
          <Text className="muted">
            应收 {formatYuan(totals.chargeFen)}，已收 {formatYuan(totals.paidFen)}，待缴 {formatYuan(totals.dueFen)}；减免 {formatYuan(totals.exemptFen)}
            ，其中政府承担 {formatYuan(totals.governmentShareFen)}
          </Text>
          {list.rows.map((r) => (
            <View key={r.noticeId} className="sub-card fee-row">
              <View className="row">
                <Text>
                  {r.className} {r.studentName} · {r.period.from.slice(5)}—{r.period.to.slice(5)}
                  {r.sequence > 1 ? ' · 更正' : ''}
                </Text>
                <Text>{formatYuan(r.chargeFen)}</Text>
              </View>
              {r.exemptFen > 0 && (
                <Text className="section-note">
                  减免 {formatYuan(r.exemptFen)}（政府承担 {formatYuan(r.governmentShareFen)}）
                </Text>
              )}
              {r.creditFen > 0 && <Text className="section-note">多缴 {formatYuan(r.creditFen)}，应退还家长</Text>}
              <View className="btn-row">
                <Text className="tag">
                  {NOTICE_STATE_LABELS[r.state]}
                  {r.state === 'due' ? ` ${formatYuan(r.dueFen)}` : ''}
                </Text>
                {r.state === 'due' && (
                  <OfflinePayment
                    onRecord={(method, reference) =>
                      act(async () => {
                        await api.fees.recordOfflinePayment({ noticeId: r.noticeId, method, reference });
                        return '已记录线下缴费';
                      })
                    }
                  />
                )}
              </View>
              {r.refund?.payout && r.refund.payout.status !== 'paid' && r.refund.payout.offlineFen > 0 && (
                <View className="btn-row">
                  <Text className="warn-text">需线下退回 {formatYuan(r.refund.payout.offlineFen)}</Text>
                  <Button
                    size="small"
                    className="record-offline-refund"
                    onClick={async () => {
                      const { confirm, content } = (await Taro.showModal({
                        title: '记录线下退款',
                        content: '',
                        editable: true,
                        placeholderText: '退款凭证号',
                      } as never)) as { confirm: boolean; content?: string };
                      if (confirm && content)
                        await act(async () => {
                          await api.fees.recordOfflineRefund({ refundId: r.refund!.refundId, reference: content });
                          return '已记录线下退款';
                        });
                    }}
                  >
                    记录已退回
                  </Button>
                </View>
              )}
              {r.refund && r.refund.payout?.status === 'paid' && <Text className="section-note">已退回 {formatYuan(r.refund.payout.paidFen)}</Text>}
              {r.refund && r.refund.kind === 'request' && (
                <View className="sub-card">
                  <Text>退费申请：{r.refund.reason}</Text>
                  {r.refund.status === 'requested' ? (
                    <View className="btn-row">
                      <Button
                        size="small"
                        type="primary"
                        className="approve-refund"
                        onClick={() =>
                          act(async () => {
                            await api.fees.decideRefund({ refundId: r.refund!.refundId, approve: true });
                            return '已同意';
                          })
                        }
                      >
                        同意（按政策计算金额）
                      </Button>
                      <Button
                        size="small"
                        className="reject-refund"
                        onClick={() =>
                          act(async () => {
                            await api.fees.decideRefund({ refundId: r.refund!.refundId, approve: false });
                            return '已处理';
                          })
                        }
                      >
                        不同意
                      </Button>
                    </View>
                  ) : (
                    <Text className="section-note">{r.refund.status === 'approved' ? `已同意，退 ${formatYuan(r.refund.refundFen ?? 0)}` : '未同意'}</Text>
                  )}
                  {r.refund.lines && <FeeLines lines={r.refund.lines} />}
                </View>
              )}
            </View>
          ))}
          <MoreRow list={list} />
        </View>
      )}
      {!totals && <MoreRow list={list} />}
    </View>
  );
}
