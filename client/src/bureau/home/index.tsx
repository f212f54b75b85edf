import { PLAN_STATUS_LABELS } from '@kehou/shared';
import { chinaDateTime, type QueueItem } from '@kehou/shared/disclosure';
import { Text, View } from '@tarojs/components';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { go } from '../../ui/navigate';
import { ErrorCard, Loading } from '../../ui/states';

/** The reviewer's queue: filings of the bureau's schools, those waiting for review first. */
export default function BureauHome() {
  const queue = useLoad(() => api.disclosure.getReviewQueue());
  if (queue.loading && !queue.data) return <Loading />;
  if (queue.error || !queue.data) return <ErrorCard message={queue.error ?? '加载失败'} onRetry={queue.retry} />;
  const waiting = queue.data.items.filter((i) => i.status === 'submitted');
  const others = queue.data.items.filter((i) => i.status !== 'submitted');
  const open = (item: QueueItem) => go(`/bureau/review/index?schoolId=${encodeURIComponent(item.schoolId)}&termId=${encodeURIComponent(item.termId)}`);
  const row = (item: QueueItem) => (
    <View key={`${item.schoolId}:${item.termId}`} className="sub-card queue-item" onClick={() => open(item)}>
      <View className="row">
        <Text className="link">{item.schoolName}</Text>
        <Text className="tag">{PLAN_STATUS_LABELS[item.status]}</Text>
      </View>
      <Text className="section-note">
        {item.termName} · 第 {item.submissions} 次提交{item.submittedAt ? ` · ${chinaDateTime(item.submittedAt)}` : ''}
      </Text>
      {item.deadline.state !== 'none' && <Text className="section-note">{item.deadline.message}</Text>}
    </View>
  );
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">备案审核</Text>
        <Text className="muted">辖区学校提交的课后服务方案在这里审核。</Text>
        <View className="btn-row">
          <Text className="link open-dashboard" onClick={() => go('/charts/bureau/index')}>
            辖区看板：备案、参加、收费、意见与督导
          </Text>
        </View>
      </View>
      <View className="card">
        <Text className="card-title">待审核（{waiting.length}）</Text>
        {waiting.length === 0 && <Text className="muted">没有待审核的备案。</Text>}
        {waiting.map(row)}
      </View>
      {others.length > 0 && (
        <View className="card">
          <Text className="card-title">已处理</Text>
          {others.map(row)}
        </View>
      )}
    </View>
  );
}
