import type { LedgerEntries, LedgerFigure, LedgerView } from '@kehou/shared/fees';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { formatYuan } from '../../ui/fee-lines';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { openExport } from '../../ui/open-export';
import { useParams } from '../../ui/params';
import { ErrorCard, Loading } from '../../ui/states';

type Figure = LedgerFigure;

/** The ledger's figures in the order a school office reads them, each opening the documents behind it. */
const FIGURES: { figure: Figure; label: string; of: (t: LedgerView['totals']) => number }[] = [
  { figure: 'issued', label: '应收（减免前）', of: (t) => t.grossFen },
  { figure: 'waived', label: '减免', of: (t) => t.waivedFen },
  { figure: 'charged', label: '应缴', of: (t) => t.chargedFen },
  { figure: 'paid-wechat', label: '微信支付', of: (t) => t.paidWechatFen },
  { figure: 'paid-offline', label: '线下缴费', of: (t) => t.paidOfflineFen },
  { figure: 'outstanding', label: '待缴', of: (t) => t.outstandingFen },
  { figure: 'refunded', label: '已退回', of: (t) => t.refundedFen },
  { figure: 'refund-pending', label: '待退回', of: (t) => t.refundPendingFen },
  { figure: 'corrections', label: '更正（净额）', of: (t) => t.correctionsNetFen },
];

/**
 * 收费专账 (school admin): the term's fee account — charged, paid by WeChat and offline,
 * outstanding, waived with the government's share, refunds and corrections — the checks that it
 * balances to the fen, what does not match, the school year's spending, and the Excel files.
 */
export default function LedgerPage() {
  const { schoolId = '', termId = '' } = useParams();
  const ledger = useLoad(() => api.fees.getLedger({ schoolId, termId }), [schoolId, termId]);
  const [entries, setEntries] = useState<LedgerEntries | null>(null);
  const drill = async (figure: Figure) => {
    try {
      setEntries(await api.fees.listLedgerEntries({ schoolId, termId, figure }));
    } catch (e) {
      toast(e instanceof Error ? e.message : '加载失败');
    }
  };
  const download = async (make: () => Promise<{ url: string; fileName: string }>) => {
    try {
      await openExport(await make());
    } catch (e) {
      toast(e instanceof Error ? e.message : '导出失败');
    }
  };

  if (ledger.loading && !ledger.data) return <Loading />;
  if (ledger.error || !ledger.data) return <ErrorCard message={ledger.error ?? '加载失败'} onRetry={ledger.retry} />;
  const { totals, checks, balanced, unmatched, spending } = ledger.data;
  return (
    <View className="page">
      <View className="card ledger-totals">
        <Text className="card-title">收费专账（{totals.notices} 份现行通知）</Text>
        <Text className={balanced ? 'ok-text ledger-balanced' : 'violation ledger-unbalanced'}>
          {balanced ? '收支相符，精确到分' : '有不相符的项目，请查看下面的核对'}
        </Text>
        {FIGURES.map((f) => (
          <View key={f.figure} className={`row ledger-figure ledger-${f.figure}`} onClick={() => drill(f.figure)}>
            <Text>{f.label}</Text>
            <Text className="link">{formatYuan(f.of(totals))} ›</Text>
          </View>
        ))}
        <Text className="section-note">
          减免中政府承担 {formatYuan(totals.governmentShareFen)}；按退费办法退费 {formatYuan(totals.requestRefundsFen)}；重复缴费已原路退回{' '}
          {formatYuan(totals.duplicateFen)}
        </Text>
      </View>

      <View className="card ledger-checks">
        <Text className="card-title">核对</Text>
        {checks.map((c) => (
          <View key={c.label} className="row">
            <Text>{c.label}</Text>
            <Text className={c.ok ? 'ok-text' : 'violation'}>
              {c.ok ? `相符 ${formatYuan(c.leftFen)}` : `${formatYuan(c.leftFen)} ≠ ${formatYuan(c.rightFen)}`}
            </Text>
          </View>
        ))}
        {(unmatched.payments > 0 || unmatched.notices > 0) && (
          <View className="btn-row">
            {unmatched.payments > 0 && (
              <Text className="link warn-text" onClick={() => drill('unmatched-payments')}>
                {unmatched.payments} 笔缴费没有对应的已缴通知 ›
              </Text>
            )}
            {unmatched.notices > 0 && (
              <Text className="link warn-text" onClick={() => drill('unmatched-notices')}>
                {unmatched.notices} 份已缴通知没有缴费记录 ›
              </Text>
            )}
          </View>
        )}
      </View>

      {entries && (
        <View className="card ledger-entries">
          <Text className="card-title">
            {FIGURES.find((f) => f.figure === entries.figure)?.label ?? '明细'}（{entries.total} 条）
          </Text>
          {entries.rows.map((r) => (
            <View key={`${r.kind}:${r.id}`} className="row ledger-entry">
              <Text>
                {r.className} {r.studentName} · {r.detail}
              </Text>
              <Text>{formatYuan(r.amountFen)}</Text>
            </View>
          ))}
        </View>
      )}

      <View className="card">
        <Text className="card-title">本学年经费开支 {formatYuan(spending.totalFen)}</Text>
        {spending.byCategory.map((c) => (
          <View key={c.category} className="row">
            <Text>{c.label}</Text>
            <Text>{formatYuan(c.amountFen)}</Text>
          </View>
        ))}
        <Text className="link open-spending" onClick={() => void Taro.navigateTo({ url: `/school/spending/index?schoolId=${schoolId}&termId=${termId}` })}>
          登记和查看开支 ›
        </Text>
      </View>

      <View className="card">
        <Text className="card-title">导出 Excel</Text>
        <View className="btn-row">
          <Button size="small" className="export-ledger" onClick={() => download(() => api.fees.exportLedger({ schoolId, termId }))}>
            收费专账
          </Button>
          <Button size="small" className="export-refunds" onClick={() => download(() => api.fees.exportRefunds({ schoolId, termId }))}>
            退费清单
          </Button>
        </View>
      </View>
    </View>
  );
}
