import { periodLabel, type ReportDutyView, type ReportExport, type ReportPeriod } from '@kehou/shared/disclosure';
import { formatCitation } from '@kehou/shared/policy';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { Button } from '../../ui/nutui';
import { copyText } from '../../ui/share';
import { ErrorCard, Loading } from '../../ui/states';

/** The period before the one a report is next due for. */
function previous(period: ReportPeriod): ReportPeriod {
  if (period.half === 2) return { year: period.year, half: 1 };
  if (period.half === 1) return { year: period.year - 1, half: 2 };
  return { year: period.year - 1 };
}

/** The reports the local policy requires, built from recorded data and exported as CSV. */
export default function ReportsPage() {
  const { schoolId = '' } = useRouter().params;
  const overview = useLoad(() => api.disclosure.getSchoolOverview({ schoolId }), [schoolId]);
  const [exported, setExported] = useState<ReportExport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function exportReport(duty: ReportDutyView, period: ReportPeriod) {
    setBusy(true);
    setError(null);
    try {
      setExported(await api.disclosure.exportReport({ schoolId, reportKey: duty.key, ...period }));
    } catch (e) {
      setError(e instanceof Error ? e.message : '导出失败');
    } finally {
      setBusy(false);
    }
  }

  if (overview.loading && !overview.data) return <Loading />;
  if (overview.error || !overview.data) return <ErrorCard message={overview.error ?? '加载失败'} onRetry={overview.retry} />;
  const { reports, school } = overview.data;

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{school.name} · 报告</Text>
        {reports.length === 0 && <Text className="muted">{school.profileName}的政策没有规定需要定期报送的报告。</Text>}
      </View>
      {reports.map((duty) => (
        <View key={duty.key} className="card report-card">
          <Text className="card-title">{duty.label}</Text>
          <Text className="section-note">
            下次{duty.dueInclusive ? '报送' : '公示'}：{duty.due}
            {duty.dueInclusive ? '（含当天）' : ' 之前'}，内容为 {duty.periodLabel}
          </Text>
          <Text className="citation">依据：{formatCitation(duty.citation)}</Text>
          <View className="btn-row">
            <Button size="small" type="primary" loading={busy} onClick={() => void exportReport(duty, duty.period)}>
              导出 {duty.periodLabel}
            </Button>
            <Button size="small" loading={busy} onClick={() => void exportReport(duty, previous(duty.period))}>
              导出 {periodLabel(previous(duty.period))}
            </Button>
          </View>
        </View>
      ))}
      {error && <Text className="error-text">{error}</Text>}
      {exported && (
        <View className="card export-card">
          <Text className="card-title">已导出</Text>
          <Text>{exported.title}</Text>
          <Text className="section-note">
            {exported.fileName}（CSV，可用 Excel 打开），共 {exported.rows} 行
          </Text>
          <View className="btn-row">
            {process.env.TARO_ENV === 'h5' ? (
              <Text className="link" onClick={() => window.open(exported.url, '_blank')}>
                下载
              </Text>
            ) : (
              <Text className="link" onClick={() => void copyText(exported.url, '下载链接已复制，请在电脑浏览器中打开')}>
                复制下载链接
              </Text>
            )}
          </View>
        </View>
      )}
    </View>
  );
}
