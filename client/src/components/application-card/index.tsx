import { type ItemView, type StaffApplicationRow, WEEKDAY_LABELS } from '@kehou/shared';
import { Text, Textarea, View } from '@tarojs/components';
import { type ReactNode, useState } from 'react';
import { Button } from '../../ui/nutui';
import './index.scss';

function placement(item: ItemView): string {
  if (item.placement === 'basic') return '';
  if (item.placement === 'placed') return '（已录取）';
  if (item.placement === 'waiting') return `（候补第 ${item.waitingPosition} 位）`;
  if (item.placement === 'left') return '（已退出）';
  return '';
}

/** An application as staff see it. Hardship shows only here, marked as visible to staff only. */
export function ApplicationCard({ row, children }: { row: StaffApplicationRow; children?: ReactNode }) {
  return (
    <View className="sub-card application-card" data-application={row.applicationId}>
      <View className="row">
        <Text className="application-card-name">
          {row.studentName} · {row.className}
        </Text>
        <Text className="tag">{row.statusLabel}</Text>
      </View>
      <Text className="section-note">参加日：{row.days.map((d) => WEEKDAY_LABELS[d]).join('、')}</Text>
      <Text className="section-note">项目：{row.items.map((i) => `${i.name}${placement(i)}`).join('；')}</Text>
      <Text className="section-note">{row.pickupSummary}</Text>
      <Text className="section-note">申请人：{row.appliedByName}</Text>
      {row.hardship && (
        <Text className="application-card-private">
          家庭经济困难：{row.hardship.label}
          {row.hardship.note ? `（${row.hardship.note}）` : ''} · 仅班主任和学校管理员可见，请勿外传
        </Text>
      )}
      {row.returnReason && row.status === 'returned' && <Text className="section-note warn-text">退回原因：{row.returnReason}</Text>}
      {row.withdrawal && (
        <Text className="section-note warn-text">
          申请自 {row.withdrawal.effectiveDate} 起退出{row.withdrawal.reason ? `：${row.withdrawal.reason}` : ''}
        </Text>
      )}
      {children}
    </View>
  );
}

/** Pass (or approve), or send back with a reason. There is no refusal: basic care is never refused. */
export function ReviewButtons(props: { passLabel: string; onPass: () => Promise<void>; onReturn: (reason: string) => Promise<void> }) {
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      {returning && (
        <Textarea
          className="textarea application-card-return-reason"
          value={reason}
          maxlength={200}
          placeholder="请写明需要家长修改的地方"
          onInput={(e) => setReason(e.detail.value)}
        />
      )}
      <View className="btn-row">
        {!returning && (
          <Button type="primary" size="small" loading={busy} className="application-card-pass" onClick={() => void run(props.onPass)}>
            {props.passLabel}
          </Button>
        )}
        {returning ? (
          <>
            <Button size="small" loading={busy} className="application-card-return-submit" onClick={() => void run(() => props.onReturn(reason.trim()))}>
              退回修改
            </Button>
            <Button size="small" onClick={() => setReturning(false)}>
              取消
            </Button>
          </>
        ) : (
          <Button size="small" className="application-card-return" onClick={() => setReturning(true)}>
            退回修改
          </Button>
        )}
      </View>
    </View>
  );
}

/** An application waiting for a review step: pass it, or send it back for correction with a reason. */
export function ReviewableApplication(props: {
  row: StaffApplicationRow;
  passLabel: string;
  onDecide: (decision: 'pass' | 'return', reason?: string) => Promise<void>;
  children?: ReactNode;
}) {
  return (
    <ApplicationCard row={props.row}>
      <ReviewButtons passLabel={props.passLabel} onPass={() => props.onDecide('pass')} onReturn={(reason) => props.onDecide('return', reason)} />
      {props.children}
    </ApplicationCard>
  );
}
