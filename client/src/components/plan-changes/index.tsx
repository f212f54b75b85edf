import type { PlanChange } from '@kehou/shared/disclosure';
import { Text, View } from '@tarojs/components';

const KIND: Record<PlanChange['kind'], string> = { added: '新增', removed: '删除', changed: '修改' };

/** What changed between two versions, one line each. */
export function ChangeList({ changes }: { changes: readonly PlanChange[] }) {
  if (!changes.length) return <Text className="muted">没有变化。</Text>;
  return (
    <View className="plan-changes">
      {changes.map((c, index) => (
        <View key={`${c.path}-${index}`} className="field">
          <Text>
            <Text className="tag">{KIND[c.kind]}</Text>
            {c.label}
          </Text>
          {c.kind === 'changed' && (
            <Text className="section-note">
              {c.before || '（空）'} → {c.after || '（空）'}
            </Text>
          )}
          {c.kind === 'added' && c.after && <Text className="section-note">{c.after}</Text>}
          {c.kind === 'removed' && c.before && <Text className="section-note">{c.before}</Text>}
        </View>
      ))}
    </View>
  );
}
