import { chinaDate } from '@kehou/shared';
import type { RulesOverview } from '@kehou/shared/committee';
import { Text, View } from '@tarojs/components';
import './rules-history.scss';

/** Every version of a school's management rules and who adopted it when (public page, committee, school). */
export function RulesHistory({ overview, showText = false }: { overview: RulesOverview; showText?: boolean }) {
  if (!overview.versions.length) return <Text className="muted rules-history-empty">学校还没有提交管理制度。</Text>;
  return (
    <View className="rules-history">
      {overview.citation && (
        <Text className="section-note rules-history-basis">
          依据：{overview.citation.doc} {overview.citation.section}「{overview.citation.quote}」
        </Text>
      )}
      {overview.versions.map((v) => (
        <View key={v.version} className="rules-history-version">
          <View className="row">
            <Text className="rules-history-title">第 {v.version} 版</Text>
            <Text className={v.adopted ? 'ok-text' : 'warn-text'}>{v.adopted ? '已通过' : '待通过'}</Text>
          </View>
          <Text className="section-note">提交于 {chinaDate(v.proposedAt)}</Text>
          {overview.required.map((r) => {
            const a = v.adoptions.find((x) => x.by === r.by);
            return (
              <Text key={r.by} className="section-note rules-history-adoption">
                {r.label}：{a ? `${a.date} 通过${a.note ? `（${a.note}）` : ''}` : '尚未通过'}
              </Text>
            );
          })}
          {showText &&
            v.sections.map((s) => (
              <View key={s.key} className="rules-history-section">
                <Text className="field-label">{s.heading}</Text>
                <Text className="rules-history-body">{s.body}</Text>
              </View>
            ))}
        </View>
      ))}
    </View>
  );
}
