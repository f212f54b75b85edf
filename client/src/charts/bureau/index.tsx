import { PLAN_STATUS_LABELS } from '@kehou/shared';
import { type DashboardRow, DEADLINE_LABELS } from '@kehou/shared/bureau';
import { formatYuan } from '@kehou/shared/policy';
import { Input, Picker, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { go, toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { openExport } from '../../ui/open-export';
import { ErrorCard, Loading } from '../../ui/states';
import { participationChart } from '../components/bureau-charts';
import { F2Chart } from '../components/f2-chart';
import './bureau.scss';

const SORTS: { key: string; label: string; by: (a: DashboardRow, b: DashboardRow) => number }[] = [
  { key: 'urgency', label: '备案期限（逾期和临近在前）', by: (a, b) => a.urgency - b.urgency || (a.plan.daysLeft ?? 9999) - (b.plan.daysLeft ?? 9999) },
  { key: 'participation', label: '参加率（低在前）', by: (a, b) => rate(a) - rate(b) },
  { key: 'feedback', label: '待处理意见（多在前）', by: (a, b) => b.feedback.open - a.feedback.open },
  { key: 'satisfaction', label: '满意度（低在前）', by: (a, b) => (a.satisfaction.average ?? 9) - (b.satisfaction.average ?? 9) },
  { key: 'fees', label: '应收金额（多在前）', by: (a, b) => b.fees.grossFen - a.fees.grossFen },
];
const FILTERS = [
  { key: 'all', label: '全部学校', keep: (_r: DashboardRow) => true },
  { key: 'late', label: '逾期或临近备案期限', keep: (r: DashboardRow) => ['past', 'near', 'filed-late'].includes(r.plan.deadlineState) },
  { key: 'feedback', label: '有待处理意见', keep: (r: DashboardRow) => r.feedback.open > 0 },
  { key: 'reports', label: '有报告未报', keep: (r: DashboardRow) => r.reports.some((p) => !p.submitted) },
];
const rate = (r: DashboardRow) => (r.participation.onRoll ? r.participation.enrolled / r.participation.onRoll : 0);
const pct = (r: DashboardRow) => `${Math.round(rate(r) * 100)}%`;

/**
 * The bureau's dashboard: each school's filing and deadline, participation, clubs, fees, refunds,
 * feedback, satisfaction and reports, from precomputed summaries. Sort, filter, open a school,
 * export as .xlsx. Counts and sums only.
 */
export default function BureauDashboardPage() {
  const dash = useLoad(() => api.bureau.getDashboard());
  const [sort, setSort] = useState(0);
  const [filter, setFilter] = useState(0);
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState(false);
  // Schools never summarised yet: one bounded refresh step at a time until none is left.
  useEffect(() => {
    if (!dash.data?.missing) return;
    void api.bureau.refreshSummaries({}).then(() => dash.reload());
  }, [dash.data?.missing]);
  if (dash.loading && !dash.data) return <Loading />;
  if (dash.error || !dash.data) return <ErrorCard message={dash.error ?? '加载失败'} onRetry={dash.reload} />;
  const d = dash.data;
  const rows = d.rows
    .filter(FILTERS[filter].keep)
    .filter((r) => !search || r.schoolName.includes(search))
    .sort(SORTS[sort].by);
  const exportFile = async () => {
    setBusy(true);
    try {
      await openExport(await api.bureau.exportDashboard());
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page bureau-dashboard">
      <View className="card">
        <Text className="card-title">辖区课后服务看板</Text>
        <Text className="muted">
          {d.totals.schools} 所学校 · 在籍 {d.totals.onRoll} 人 · 参加 {d.totals.enrolled} 人 · 逾期备案 {d.totals.lateFilings} 所 · 待处理意见{' '}
          {d.totals.openFeedback} 条
        </Text>
        <Text className="section-note">
          应收 {formatYuan(d.totals.grossFen)} · 减免 {formatYuan(d.totals.waivedFen)} · 政府承担 {formatYuan(d.totals.governmentShareFen)} · 已收{' '}
          {formatYuan(d.totals.paidFen)} · 退费 {formatYuan(d.totals.refundFen)}
        </Text>
        {d.oldestUpdate && (
          <Text className="section-note">
            数据更新于 {d.oldestUpdate.slice(0, 16).replace('T', ' ')}（UTC）之后{d.missing ? `，还有 ${d.missing} 所学校在汇总` : ''}
          </Text>
        )}
        <View className="btn-row">
          <Button size="small" className="export-dashboard" disabled={busy} onClick={() => void exportFile()}>
            导出 Excel
          </Button>
        </View>
      </View>
      {d.rows.length > 1 && (
        <View className="card">
          <Text className="card-title">各校参加情况</Text>
          <F2Chart id="bureau-participation-chart" chart={() => participationChart(d.rows)} deps={[d.rows.length, d.totals.enrolled]} />
        </View>
      )}
      <View className="card">
        <View className="field">
          <Picker mode="selector" range={SORTS.map((s) => s.label)} value={sort} onChange={(e) => setSort(Number(e.detail.value))}>
            <View className="input dashboard-sort">排序：{SORTS[sort].label}</View>
          </Picker>
          <Picker mode="selector" range={FILTERS.map((f) => f.label)} value={filter} onChange={(e) => setFilter(Number(e.detail.value))}>
            <View className="input dashboard-filter">筛选：{FILTERS[filter].label}</View>
          </Picker>
          <Input className="input dashboard-search" placeholder="按校名查找" value={search} onInput={(e) => setSearch(e.detail.value)} />
        </View>
        {rows.length === 0 && <Text className="muted">没有符合条件的学校。</Text>}
        {rows.map((r) => (
          <View
            key={r.schoolId}
            className={`sub-card dashboard-row dashboard-${r.plan.deadlineState}`}
            onClick={() => go(`/bureau/school/index?schoolId=${encodeURIComponent(r.schoolId)}`)}
          >
            <View className="row">
              <Text className="link">{r.schoolName}</Text>
              <Text className={`tag deadline-${r.plan.deadlineState}`}>{DEADLINE_LABELS[r.plan.deadlineState]}</Text>
            </View>
            <Text className="section-note">
              {r.termName} · 方案{r.plan.status === 'none' ? '未编写' : PLAN_STATUS_LABELS[r.plan.status]}
              {r.plan.deadline ? ` · 备案期限 ${r.plan.deadline}` : ''}
            </Text>
            <Text className="section-note">
              参加 {r.participation.enrolled}/{r.participation.onRoll}（{pct(r)}）· 社团 {r.clubs.taken}/{r.clubs.capacity}，候补 {r.clubs.waiting} · 意见待处理{' '}
              {r.feedback.open} · 满意度 {r.satisfaction.average ?? '—'}
            </Text>
            <Text className="section-note">
              应收 {formatYuan(r.fees.grossFen)} · 减免 {formatYuan(r.fees.waivedFen)} · 已收 {formatYuan(r.fees.paidFen)} · 退费{' '}
              {formatYuan(r.refunds.refundFen)}
              {r.reports.length ? ` · ${r.reports.map((p) => `${p.label}${p.submitted ? '已报' : `待报（${p.due}）`}`).join('、')}` : ''}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}
