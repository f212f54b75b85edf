import type { NoticePreview, PreviewRow } from '@kehou/shared/fees';
import { NOTICE_STATE_LABELS } from '@kehou/shared/fees/views';
import { Text, View } from '@tarojs/components';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { JobProgress, useJob } from '../../components/job-progress';
import { FeeLines, formatYuan } from '../../ui/fee-lines';
import { MoreRow } from '../../ui/more-row';
import { usePagedList } from '../../ui/use-paged-list';
import { ClassFilter } from '../enrollment/components/class-filter';

const ROW_STATE: Record<PreviewRow['state'], string> = { new: '待发出', issued: '已发出', changed: '需更正' };

/** One more step of computing a preview or issuing notices (the progress bar drives it). */
export const advanceFeesJob = (jobId: string) => api.fees.advanceJob({ jobId });

/**
 * A period's preview: computed again when opened (a job for a big school, with its progress bar),
 * then its totals and one page of children at a time (more on scroll), by class. `children`
 * renders the actions on the figures of the preview shown (issue, correct).
 */
export function PeriodPreview(props: {
  schoolId: string;
  termId: string;
  periodKey: string;
  /** Changes when the screen wants it computed again (after issuing or correcting). */
  refreshKey: number;
  onProblem: (message: string | null) => void;
  children: (preview: NoticePreview) => ReactNode;
}) {
  const { schoolId, termId, periodKey, onProblem } = props;
  const [summary, setSummary] = useState<NoticePreview | null>(null);
  const [shown, setShown] = useState(0);
  const [classId, setClassId] = useState<string | undefined>(undefined);
  const computing = useJob(`job:preview-notices:${schoolId}`, advanceFeesJob, () => setShown((n) => n + 1));

  const compute = useCallback(async () => {
    try {
      const first = await api.fees.previewNotices({ schoolId, termId, periodKey, refresh: true, limit: 1 });
      onProblem(null);
      if (first.job.state === 'running') await computing.run(async () => first.job);
      setShown((n) => n + 1);
    } catch (e) {
      setSummary(null);
      onProblem(e instanceof Error ? e.message : '预览失败');
    }
  }, [schoolId, termId, periodKey, onProblem, computing.run]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: computed again when the period changes or the screen asks.
  useEffect(() => {
    setSummary(null);
    void compute();
  }, [periodKey, props.refreshKey]);

  const rows = usePagedList(
    async (skip, limit) => {
      const page = await api.fees.previewNotices({ schoolId, termId, periodKey, refresh: false, ...(classId ? { classId } : {}), skip, limit });
      setSummary(page);
      return page;
    },
    [schoolId, termId, periodKey, classId, shown],
    { loadOnScroll: true },
  );

  if (computing.running && computing.job) return <JobProgress job={computing.job} />;
  if (!summary || summary.periodKey !== periodKey || summary.job.state !== 'done') return <Text className="muted">正在计算预览…</Text>;
  const p = summary;
  return (
    <View className="card fee-preview">
      <Text className="card-title">
        {p.periodLabel}：{p.children} 人，应收 {formatYuan(p.totals.chargeFen)}
      </Text>
      <Text className="muted">
        减免 {formatYuan(p.totals.exemptFen)}，其中政府承担 {formatYuan(p.totals.governmentShareFen)}。待发出 {p.counts.new} 份，已发出 {p.counts.issued}{' '}
        份，需更正 {p.counts.changed} 份。
      </Text>
      {p.blocked && <Text className="warn-text fee-blocked">{p.blocked}</Text>}
      {p.unrecorded.map((u) => (
        <Text key={u.classId} className="warn-text">
          {u.className}有 {u.dates.length} 个服务日没有考勤记录（{u.dates.map((d) => d.slice(5)).join('、')}），按未参加计算
        </Text>
      ))}
      {props.children(p)}
      {p.classes.length > 1 && <ClassFilter classes={p.classes} classId={classId} onChange={setClassId} />}
      {rows.rows.map((r) => (
        <View key={r.applicationId} className="sub-card fee-preview-row">
          <View className="row">
            <Text>
              {r.className} {r.studentName}
            </Text>
            <Text>
              {ROW_STATE[r.state]} · {formatYuan(r.chargeFen)}
            </Text>
          </View>
          {r.state === 'changed' && r.notice && (
            <Text className="warn-text">
              原通知 {formatYuan(r.notice.chargeFen)}（{NOTICE_STATE_LABELS[r.notice.state]}）
            </Text>
          )}
          {r.unrecordedDays > 0 && <Text className="warn-text">有 {r.unrecordedDays} 个服务日没有考勤记录，按未参加计算</Text>}
          <FeeLines lines={r.lines} />
        </View>
      ))}
      <MoreRow list={rows} empty="本期没有需要计费的孩子。" />
    </View>
  );
}
