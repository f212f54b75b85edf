import { Text, View } from '@tarojs/components';
import type { PagedList } from './use-paged-list';

/** The last row of a paged list: how many are shown of how many, and a tap (or a scroll to the bottom) for more. */
export function MoreRow({ list, empty }: { list: PagedList<unknown>; empty?: string }) {
  if (list.error) {
    return (
      <View className="more-row">
        <Text className="error-text">{list.error}</Text>
        <Text className="link" onClick={() => void (list.rows.length ? list.more() : list.reload())}>
          {' '}
          重试
        </Text>
      </View>
    );
  }
  if (!list.rows.length) return list.loading ? <Text className="muted more-row">加载中…</Text> : empty ? <Text className="muted">{empty}</Text> : null;
  if (!list.hasMore) return list.total > list.rows.length || list.total <= 20 ? null : <Text className="muted more-row">已全部显示（{list.total}）</Text>;
  return (
    <View className="more-row more-row-button" onClick={() => void list.more()}>
      <Text className="link">{list.loading ? '加载中…' : `加载更多（已显示 ${list.rows.length} / ${list.total}）`}</Text>
    </View>
  );
}
