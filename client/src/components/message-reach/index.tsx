import type { ReachView } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import './index.scss';

/**
 * “3 位家长未允许消息”: the people of a school (admin) or class (class teacher) whom a subscription
 * message could not reach lately because they have not allowed it, so staff can remind them in the
 * class group to tap 允许 next time. Guardians' names and classes only, never a child's name.
 */
export function MessageReach(props: { schoolId: string } | { classId: string }) {
  const key = 'classId' in props ? props.classId : props.schoolId;
  const reach = useLoad<ReachView>(
    () => ('classId' in props ? api.messages.getClassReach({ classId: props.classId }) : api.messages.getSchoolReach({ schoolId: props.schoolId })),
    [key],
  );
  const [open, setOpen] = useState(false);
  if (!reach.data) return null;
  const { people, messages, days, rows } = reach.data;
  if (people === 0) {
    return (
      <View className="card message-reach">
        <Text className="muted message-reach-summary">近 {days} 天的消息都已送达允许接收的家长。</Text>
      </View>
    );
  }
  return (
    <View className="card message-reach">
      <Text className="card-title message-reach-summary warn-text">{people} 位家长未允许消息</Text>
      <Text className="muted">
        近 {days} 天有 {messages} 条订阅消息没能发到微信：这些家长还没有点“允许”。可以在班级群里提醒他们，下次在小程序里报名、签协议或查看缴费时点“允许”。
      </Text>
      <Text className="link message-reach-toggle" onClick={() => setOpen(!open)}>
        {open ? '收起名单' : '查看名单'}
      </Text>
      {open &&
        rows.map((r) => (
          <View key={`${r.name}-${r.className}-${r.lastAt}`} className="message-reach-row">
            <Text className="message-reach-name">
              {r.name} · {r.className}
            </Text>
            <Text className="section-note">{r.titles.join('、')}</Text>
          </View>
        ))}
    </View>
  );
}
