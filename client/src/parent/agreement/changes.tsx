import type { SectionChange } from '@kehou/shared';
import { Text, View } from '@tarojs/components';

const CHANGE_LABELS: Record<SectionChange['change'], string> = { changed: '有修改', added: '新增', removed: '删去' };

/** What changed from the version the parent signed: each section, the lines taken out and put in. */
export function ResignChanges({ changes, from, to }: { changes: SectionChange[]; from: number; to: number }) {
  return (
    <View className="card resign-changes">
      <Text className="card-title">
        第 {to} 版与您签署的第 {from} 版相比
      </Text>
      {changes.length === 0 && <Text className="section-note">条款内容没有变化，只是版本更新了；仍需重新签署。</Text>}
      {changes.map((c) => (
        <View key={c.heading} className="diff-section">
          <Text className="diff-heading">
            {c.heading}
            <Text className={`tag diff-${c.change}`}>{CHANGE_LABELS[c.change]}</Text>
          </Text>
          {c.edits.map((edit, i) => (
            <View key={`${i}-${edit.before}`} className="diff-edit">
              {edit.removed && (
                <Text className="diff-line">
                  原：{edit.before}
                  <Text className="diff-removed">{edit.removed}</Text>
                  {edit.after}
                </Text>
              )}
              <Text className="diff-line">
                {edit.removed ? '现：' : '加上：'}
                {edit.before}
                <Text className={edit.added ? 'diff-added' : ''}>{edit.added || '（删去）'}</Text>
                {edit.after}
              </Text>
            </View>
          ))}
          {c.removed.map((line) => (
            <Text key={`-${line}`} className="diff-line diff-removed">
              原：{line}
            </Text>
          ))}
          {c.added.map((line) => (
            <Text key={`+${line}`} className="diff-line diff-added">
              现：{line}
            </Text>
          ))}
          {c.more > 0 && <Text className="section-note">另有 {c.more} 处改动，请在下面的全文中查看。</Text>}
        </View>
      ))}
    </View>
  );
}
