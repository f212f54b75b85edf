import { PLAN_STATUS_LABELS } from '@kehou/shared';
import { chinaDateTime, type PlanChange } from '@kehou/shared/disclosure';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { ChangeList } from '../../components/plan-changes';
import { go } from '../../ui/navigate';
import { ErrorCard, Loading } from '../../ui/states';

const DECISION = { pending: '待审核', approved: '已通过', returned: '已退回' } as const;

/** Every submitted version with the bureau's decision and comments, and what changed from one to the next. */
export default function HistoryPage() {
  const { schoolId = '', termId = '' } = useRouter().params;
  const history = useLoad(() => api.disclosure.getPlanHistory({ schoolId, termId }), [schoolId, termId]);
  const [compared, setCompared] = useState<{ title: string; changes: PlanChange[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function compare(from: number, to: number | 'draft') {
    setError(null);
    try {
      const { changes } = await api.disclosure.compareVersions({ schoolId, termId, from, to });
      setCompared({ title: to === 'draft' ? `当前草稿与第 ${from} 版相比` : `第 ${to} 版与第 ${from} 版相比`, changes });
    } catch (e) {
      setError(e instanceof Error ? e.message : '比较失败');
    }
  }

  if (history.loading && !history.data) return <Loading />;
  if (history.error || !history.data) return <ErrorCard message={history.error ?? '加载失败'} onRetry={history.retry} />;
  const { versions, publications, status } = history.data;
  const last = versions[versions.length - 1];
  const query = `schoolId=${encodeURIComponent(schoolId)}&termId=${encodeURIComponent(termId)}`;

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">
          {history.data.schoolName} · {history.data.termName}
        </Text>
        <Text className="muted">当前状态：{status ? PLAN_STATUS_LABELS[status] : '尚未编写'}。每次提交的版本都会保留。</Text>
        {last && (status === 'draft' || status === 'returned') && (
          <View className="btn-row">
            <Text className="link" onClick={() => void compare(last.number, 'draft')}>
              当前草稿与第 {last.number} 版比较
            </Text>
          </View>
        )}
      </View>

      {compared && (
        <View className="card compare-card">
          <Text className="card-title">{compared.title}</Text>
          <ChangeList changes={compared.changes} />
        </View>
      )}
      {error && <Text className="error-text">{error}</Text>}

      <View className="card">
        <Text className="card-title">提交备案</Text>
        {versions.length === 0 && <Text className="muted">还没有提交过。</Text>}
        {[...versions].reverse().map((v) => (
          <View key={v.number} className="sub-card version-card">
            <View className="row">
              <Text>第 {v.number} 版</Text>
              <Text className="tag">{DECISION[v.decision]}</Text>
            </View>
            <Text className="section-note">
              提交于 {chinaDateTime(v.submittedAt)}
              {v.decidedAt ? `，审核于 ${chinaDateTime(v.decidedAt)}` : ''}
            </Text>
            {v.comments && <Text className="section-note">审核意见：{v.comments}</Text>}
            {v.number > 1 && (
              <Text className="link" onClick={() => void compare(v.number - 1, v.number)}>
                与第 {v.number - 1} 版比较
              </Text>
            )}
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="card-title">公开记录</Text>
        {publications.length === 0 && <Text className="muted">还没有公开过。</Text>}
        {[...publications].reverse().map((p) => (
          <View key={p.version} className="row" onClick={() => go(`/public/term/index?${query}`)}>
            <Text>
              第 {p.version} 版{p.current ? '（当前）' : ''}
            </Text>
            <Text className="muted">{chinaDateTime(p.publishedAt)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
