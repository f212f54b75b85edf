import type { PendingBinding } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import { Button } from '../../ui/nutui';
import './index.scss';

/** One binding request as staff decide it: the child, who asks, and whether the roster knows their phone. */
export function BindingRequest({ binding: b, onDecide }: { binding: PendingBinding; onDecide: (decision: 'confirm' | 'reject') => void }) {
  return (
    <View className="sub-card binding-request">
      <Text className="binding-request-name">
        {b.studentName}（学号 {b.studentNo}）
      </Text>
      <Text className="section-note">
        申请人：{b.guardianName}（{b.relation}）{b.phone ? ` · ${b.phone}` : ''}
      </Text>
      <Text className={`section-note ${b.rosterMatch ? 'ok-text' : ''}`}>
        {b.rosterMatch ? '✓ 与学校花名册登记的家长手机一致' : '花名册上没有这个手机号，请核实后确认'}
      </Text>
      <View className="btn-row">
        <Button type="primary" size="small" className="binding-request-confirm" onClick={() => onDecide('confirm')}>
          确认
        </Button>
        <Button size="small" className="binding-request-reject" onClick={() => onDecide('reject')}>
          不通过
        </Button>
      </View>
    </View>
  );
}
