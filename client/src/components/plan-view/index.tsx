import type { PlanContent, Publication } from '@kehou/shared';
import {
  categoryLabel,
  describeBlocks,
  describeItemKind,
  describeSchedule,
  formatWeekdays,
  listStatusLabel,
  providerTypeLabel,
  staffKindLabel,
} from '@kehou/shared/disclosure';
import { Text, View } from '@tarojs/components';

/**
 * A plan as parents and reviewers read it: time, method and content, safety, pick-up, fees and
 * refunds, staff and providers, funding. No filing attachments, no personal data of children.
 */
export function PlanSections({ content, fees }: { content: PlanContent; fees?: Publication['fees'] }) {
  const providers = new Map(content.providers.map((p) => [p.id, p]));
  return (
    <View className="plan-view">
      <View className="card" id="plan-time">
        <Text className="card-title">服务时间</Text>
        {content.schedules.map((s) => (
          <View key={s.stage} className="field">
            <Text>{describeSchedule(s)}</Text>
            {s.blocks.length > 0 && <Text className="section-note">{describeBlocks(s)}</Text>}
          </View>
        ))}
      </View>

      <View className="card" id="plan-items">
        <Text className="card-title">服务方式与内容</Text>
        <Text className="section-note">家长自愿报名，可自主选择参加的项目。</Text>
        {content.items.map((item) => (
          <View key={item.id} className="sub-card">
            <Text className="field-label">{item.name}</Text>
            <Text className="section-note">{describeItemKind(item)}</Text>
            <Text className="section-note">
              {formatWeekdays(item.weekdays)} · {categoryLabel(item.category)}
              {providers.get(item.providerId) ? ` · ${providers.get(item.providerId)!.name}` : ''}
            </Text>
            {item.description && <Text className="section-note">{item.description}</Text>}
          </View>
        ))}
      </View>

      <View className="card" id="plan-safety">
        <Text className="card-title">安全措施</Text>
        <Text>{content.safety.measures}</Text>
        <Text className="section-note">应急预案：{content.safety.emergencyPlan}</Text>
      </View>

      <View className="card">
        <Text className="card-title">接送安排</Text>
        <Text>
          {content.pickup.arrangement}
          {content.pickup.pickupTime ? `（接送时间 ${content.pickup.pickupTime}）` : ''}
        </Text>
      </View>

      {fees && (
        <View className="card" id="plan-fees">
          <Text className="card-title">收费标准与退费办法</Text>
          {fees.lines.map((line) => (
            <View key={line.label} className="field">
              <Text>
                {line.label}：{line.text}
              </Text>
              <Text className="citation">依据：{line.citation}</Text>
            </View>
          ))}
          <Text>退费办法：{fees.refundMethod}</Text>
        </View>
      )}

      <View className="card">
        <Text className="card-title">服务人员</Text>
        {content.staff.map((m) => (
          <View key={m.id} className="row">
            <Text>{m.name}</Text>
            <Text className="muted">
              {staffKindLabel(m)} · {m.duty}
            </Text>
          </View>
        ))}
      </View>

      <View className="card">
        <Text className="card-title">服务机构</Text>
        {content.providers.map((p) => (
          <View key={p.id} className="row">
            <Text>{p.name}</Text>
            <Text className="muted">
              {providerTypeLabel(p)}
              {p.type === 'staff' ? '' : ` · ${p.vetted ? '已审核' : '未审核'} · ${listStatusLabel(p)}`}
            </Text>
          </View>
        ))}
      </View>

      {content.funding && (
        <View className="card">
          <Text className="card-title">经费</Text>
          <Text>{content.funding}</Text>
        </View>
      )}
    </View>
  );
}
