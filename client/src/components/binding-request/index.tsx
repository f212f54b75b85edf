import type { PendingBinding } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import { useConfirm } from '../../ui/confirm';
import { Button } from '../../ui/nutui';
import './index.scss';

/** One binding request as staff decide it: the child, who asks, and whether the roster knows their phone. */
export function BindingRequest({ binding: b, onDecide }: { binding: PendingBinding; onDecide: (decision: 'confirm' | 'reject') => void }) {
  const confirm = useConfirm();
  // Deciding is final: a confirmed guardian sees the child and may apply; a refused one must ask again.
  const decide = async (decision: 'confirm' | 'reject') => {
    const ok = await confirm.ask(
      decision === 'confirm'
        ? {
            title: '确认绑定',
            content: `确认后，${b.guardianName}可以为${b.studentName}报名、签署协议、查看孩子的信息。请核实是孩子的家长后再确认。`,
            confirmText: '确认绑定',
          }
        : { title: '不通过绑定', content: `${b.guardianName}与${b.studentName}的绑定将不通过，对方需要重新申请。`, confirmText: '不通过' },
    );
    if (ok) onDecide(decision);
  };
  return (
    <View className="sub-card binding-request">
      {confirm.dialog}
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
        <Button type="primary" size="small" className="binding-request-confirm" onClick={() => void decide('confirm')}>
          确认
        </Button>
        <Button size="small" className="binding-request-reject" onClick={() => void decide('reject')}>
          不通过
        </Button>
      </View>
    </View>
  );
}
