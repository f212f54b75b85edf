import { PLAN_STATUS_LABELS, type PlanStatus } from '@kehou/shared';
import { chinaDateTime, type PlanEditorView } from '@kehou/shared/disclosure';
import { Text, View } from '@tarojs/components';
import { go } from '../../ui/navigate';

const DEADLINE_CLASS: Record<string, string> = { near: 'warn-text', past: 'error-text', 'filed-late': 'warn-text' };

/** Where the plan stands: status, filing deadline, the bureau's last decision, whether fees may be charged. */
export function StatusCard({ view, status }: { view: PlanEditorView; status: PlanStatus }) {
  const { school, term, latestVersion, deadline, publications } = view;
  const query = `schoolId=${encodeURIComponent(school.schoolId)}&termId=${encodeURIComponent(term.termId)}`;
  const current = publications.find((p) => p.current);
  return (
    <View className="card status-card">
      <Text className="card-title">
        {school.name} · {term.name}
      </Text>
      <View className="row">
        <Text>
          状态：<Text className="tag plan-status">{PLAN_STATUS_LABELS[status]}</Text>
        </Text>
        {current && <Text className="muted">公开中：第 {current.version} 版</Text>}
      </View>
      <Text className={`section-note deadline ${DEADLINE_CLASS[deadline.state] ?? ''}`}>{deadline.message}</Text>
      {latestVersion && latestVersion.decision === 'returned' && status === 'returned' && (
        <View className="violation return-comments">
          <Text>
            {school.bureauName}退回了第 {latestVersion.number} 版（{latestVersion.decidedAt ? chinaDateTime(latestVersion.decidedAt) : ''}）：
            {latestVersion.comments}
          </Text>
        </View>
      )}
      {status === 'submitted' && (
        <Text className="warn-text section-note">
          已提交第 {latestVersion?.number} 版备案，等待{school.bureauName}审核；审核期间不能修改。
        </Text>
      )}
      {status === 'approved' && <Text className="ok-text section-note">备案已通过，可以向家长公开了。</Text>}
      {(status === 'draft' || status === 'returned') && current && (
        <Text className="section-note">修改后需重新提交备案，通过后公开新版本；在此之前家长看到的仍是第 {current.version} 版。</Text>
      )}
      <Text className="section-note">{view.chargeable.reason}</Text>
      <View className="btn-row">
        <Text className="link" onClick={() => go(`/school/history/index?${query}`)}>
          备案记录
        </Text>
        {current && (
          <Text className="link" onClick={() => go(`/public/term/index?${query}`)}>
            公开页
          </Text>
        )}
        {current && (
          <Text className="link" onClick={() => go(`/public/article/index?${query}`)}>
            公众号文章
          </Text>
        )}
      </View>
    </View>
  );
}
