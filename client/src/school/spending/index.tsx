import { chinaToday } from '@kehou/shared';
import { PAYEE_TYPE_LABELS, type PayeeType, SPENDING_CATEGORY_LABELS, type SpendingCategory } from '@kehou/shared/fees/types';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { formatYuan } from '../../ui/fee-lines';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { openExport } from '../../ui/open-export';
import { useParams } from '../../ui/params';
import { EmptyState, ErrorCard, Loading } from '../../ui/states';

const schoolYearOf = (date: string) => (Number(date.slice(5, 7)) >= 8 ? Number(date.slice(0, 4)) : Number(date.slice(0, 4)) - 1);
const newRequestId = () => `sp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * 经费开支 (school admin): what the fee income is spent on, recorded as it is paid, so the public
 * disclosure of spending comes from recorded data; a wrong entry is voided with a reason.
 */
export default function SpendingPage() {
  const { schoolId = '' } = useParams();
  const year = schoolYearOf(chinaToday());
  const list = useLoad(() => api.fees.listSpending({ schoolId, year }), [schoolId, year]);
  const [category, setCategory] = useState<SpendingCategory>('staff-pay');
  const [payeeType, setPayeeType] = useState<PayeeType>('school-staff');
  const [payee, setPayee] = useState('');
  const [description, setDescription] = useState('');
  const [yuan, setYuan] = useState('');
  const [date, setDate] = useState(chinaToday());
  const requestId = useMemo(newRequestId, [list.data]);
  const amountFen = Math.round(Number(yuan) * 100);

  const save = async () => {
    try {
      await api.fees.recordSpending({ schoolId, requestId, date, category, payeeType, payee, description, amountFen });
      toast('已登记', 'success');
      setPayee('');
      setDescription('');
      setYuan('');
    } catch (e) {
      toast(e instanceof Error ? e.message : '登记失败');
    }
    await list.reload();
  };

  if (list.loading && !list.data) return <Loading />;
  if (list.error || !list.data) return <ErrorCard message={list.error ?? '加载失败'} onRetry={list.retry} />;
  return (
    <View className="page">
      <View className="card spending-form">
        <Text className="card-title">登记一笔开支</Text>
        <Text className="field-label">类别</Text>
        <View className="chip-row">
          {(Object.keys(SPENDING_CATEGORY_LABELS) as SpendingCategory[]).map((c) => (
            <Text key={c} className={`chip ${category === c ? 'chip-on' : ''}`} onClick={() => setCategory(c)}>
              {SPENDING_CATEGORY_LABELS[c]}
            </Text>
          ))}
        </View>
        <Text className="field-label">收款方类型</Text>
        <View className="chip-row">
          {(Object.keys(PAYEE_TYPE_LABELS) as PayeeType[]).map((p) => (
            <Text key={p} className={`chip ${payeeType === p ? 'chip-on' : ''}`} onClick={() => setPayeeType(p)}>
              {PAYEE_TYPE_LABELS[p]}
            </Text>
          ))}
        </View>
        <Input className="input spending-payee" value={payee} placeholder="收款方" maxlength={40} onInput={(e) => setPayee(e.detail.value)} />
        <Input
          className="input spending-description"
          value={description}
          placeholder="用途，如：11月看护课时补助"
          maxlength={200}
          onInput={(e) => setDescription(e.detail.value)}
        />
        <Input className="input spending-amount" type="digit" value={yuan} placeholder="金额（元）" onInput={(e) => setYuan(e.detail.value)} />
        <Input className="input spending-date" value={date} placeholder="日期 YYYY-MM-DD" maxlength={10} onInput={(e) => setDate(e.detail.value)} />
        <View className="btn-row">
          <Button
            type="primary"
            size="small"
            className="save-spending"
            disabled={!payee.trim() || description.trim().length < 2 || !(amountFen > 0)}
            onClick={save}
          >
            登记
          </Button>
        </View>
      </View>

      <View className="card spending-list">
        <View className="row">
          <Text className="card-title">
            {year}—{year + 1} 学年开支 {formatYuan(list.data.totalFen)}
          </Text>
          <Text
            className="link export-spending"
            onClick={async () => {
              try {
                await openExport(await api.fees.exportSpending({ schoolId, year }));
              } catch (e) {
                toast(e instanceof Error ? e.message : '导出失败');
              }
            }}
          >
            导出 ›
          </Text>
        </View>
        {list.data.rows.length === 0 && <EmptyState title="还没有登记开支" next="在上方填写每一笔课后服务开支，专账和半年报告会据此生成。" />}
        {list.data.rows.map((r) => (
          <View key={r.spendingId} className={`sub-card spending-row ${r.voided ? 'spending-voided' : ''}`}>
            <View className="row">
              <Text>
                {r.date} {r.categoryLabel} · {r.payee}
              </Text>
              <Text>{formatYuan(r.amountFen)}</Text>
            </View>
            <Text className="muted">{r.description}</Text>
            {r.voided ? (
              <Text className="warn-text">已作废：{r.voided.reason}</Text>
            ) : (
              <Text
                className="link void-spending"
                onClick={async () => {
                  const { confirm, content } = (await Taro.showModal({
                    title: '作废这条开支',
                    content: '',
                    editable: true,
                    placeholderText: '作废原因',
                  } as never)) as { confirm: boolean; content?: string };
                  if (!confirm || !content) return;
                  try {
                    await api.fees.voidSpending({ schoolId, spendingId: r.spendingId, reason: content });
                  } catch (e) {
                    toast(e instanceof Error ? e.message : '作废失败');
                  }
                  await list.reload();
                }}
              >
                作废
              </Text>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
