import { APPLICATION_STATUS_SHORT, APPLICATION_STEPS, type ApplicationView, applicationProgress, CANCELLABLE, chinaToday, WITHDRAWABLE } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { DateField, LimitedText } from '../../ui/form';
import { go, toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import '../../ui/form/form.scss';
import { ErrorCard, Loading } from '../../ui/states';
import { Step, Steps } from '../../ui/steps';
import { daysText, pickupText, placementText, STATUS_CLASS, shortTime } from '../components/labels';
import '../components/enrollment.scss';
import { useParams } from '../../ui/params';

const today = () => chinaToday();
/** A year on from a calendar date (the picker's last choice; the school checks it against the term's end). */
const yearAfter = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;

function Withdrawal({ app, onDone }: { app: ApplicationView; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const cancellable = CANCELLABLE.includes(app.status);
  const withdrawable = WITHDRAWABLE.includes(app.status);
  if (!cancellable && !withdrawable) return null;

  const submit = async () => {
    if (withdrawable && !date) return setError('请选择退出的生效日期');
    if (cancellable) {
      const { confirm } = await Taro.showModal({ title: '撤回报名', content: '撤回后可以随时重新报名。确定撤回吗？' });
      if (!confirm) return;
    }
    try {
      await api.enrollment.withdrawApplication({
        applicationId: app.applicationId,
        ...(date ? { effectiveDate: date } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      toast(cancellable ? '已撤回' : '已提交退出申请', 'success');
      setOpen(false);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : '提交失败');
    }
  };

  if (cancellable) {
    return (
      <Button size="small" className="cancel-application" onClick={() => void submit()}>
        撤回报名
      </Button>
    );
  }
  if (!open) {
    return (
      <Button size="small" className="withdraw-open" onClick={() => setOpen(true)}>
        申请退出
      </Button>
    );
  }
  return (
    <View className="sub-card withdraw-form">
      <Text className="field-label">从哪天起退出</Text>
      <DateField className="withdraw-date" title="从哪天起退出" value={date} min={today()} max={yearAfter(today())} onChange={setDate} />
      <Text className="field-label">原因（选填）</Text>
      <LimitedText className="withdraw-reason" value={reason} limit={200} onChange={setReason} />
      {error && <Text className="error-text">{error}</Text>}
      <View className="btn-row">
        <Button type="primary" size="small" className="withdraw-submit" onClick={() => void submit()}>
          提交退出申请
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          取消
        </Button>
      </View>
      <Text className="section-note">退出由学校审批；批准后社团名额会让给候补的同学。</Text>
    </View>
  );
}

/** Where the application is on its road (提交 → … → 生效), and what happens next and when. */
function Progress({ app }: { app: ApplicationView }) {
  const progress = applicationProgress(app);
  return (
    <View className="application-progress">
      {progress.current > 0 && (
        <Steps value={progress.current} className="application-steps">
          {APPLICATION_STEPS.map((title, i) => (
            <Step key={title} value={i + 1} title={title} />
          ))}
        </Steps>
      )}
      <Text className={`section-note application-next ${progress.yourTurn ? 'warn-text' : ''}`}>下一步：{progress.next}</Text>
    </View>
  );
}

/** One application as its guardians see it: where it stands, the choices, what to do next. */
export default function ApplicationPage() {
  const { applicationId = '' } = useParams();
  const view = useLoad(() => api.enrollment.getApplication({ applicationId }), [applicationId]);
  if (view.loading && !view.data) return <Loading />;
  if (view.error || !view.data) return <ErrorCard message={view.error ?? '加载失败'} onRetry={view.reload} />;
  const app = view.data;
  const agreementOpen = app.canSign || app.signedVersion || (app.permitRequired && !app.permitSigned && app.listFixed);

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">
          {app.studentName} · {app.className}
        </Text>
        <Text className={`status-line application-status ${STATUS_CLASS[app.status] ?? ''}`}>{app.statusLabel}</Text>
        <Progress app={app} />
        {app.returnReason && app.status === 'returned' && <Text className="violation">退回原因：{app.returnReason}</Text>}
        {app.withdrawal && app.status === 'withdrawal-requested' && (
          <Text className="section-note">已申请自 {app.withdrawal.effectiveDate} 起退出，等待学校审批。</Text>
        )}
        {app.withdrawal?.decision === 'rejected' && app.status !== 'withdrawal-requested' && (
          <Text className="section-note">学校未批准上次的退出申请{app.withdrawal.note ? `：${app.withdrawal.note}` : ''}。</Text>
        )}
        {app.needsResign && <Text className="section-note warn-text">协议已更新为第 {app.agreementVersion} 版，请重新签署。</Text>}
        <View className="btn-row">
          {agreementOpen ? (
            <Button
              type={app.canSign || (app.permitRequired && !app.permitSigned) ? 'primary' : 'default'}
              size="small"
              className="agreement-button"
              onClick={() => go(`/parent/agreement/index?applicationId=${encodeURIComponent(app.applicationId)}`)}
            >
              {app.canSign ? '阅读并签署协议' : app.permitRequired && !app.permitSigned ? '签署独自回家证' : '查看协议'}
            </Button>
          ) : null}
          {(app.status === 'returned' || app.status === 'withdrawn') && (
            <Button
              type="primary"
              size="small"
              className="edit-application"
              onClick={() => go(`/parent/apply/index?studentId=${encodeURIComponent(app.studentId)}`)}
            >
              {app.status === 'returned' ? '修改并重新提交' : '重新报名'}
            </Button>
          )}
          <Withdrawal app={app} onDone={() => void view.reload()} />
        </View>
      </View>

      <View className="card">
        <Text className="card-title">报名内容</Text>
        <Text className="section-note">参加日：{daysText(app.days)}</Text>
        {app.items.map((item) => (
          <View key={item.itemId} className="item-line">
            <Text className="item-name">{item.name}</Text>
            <Text className={`item-placement ${item.placement === 'waiting' ? 'warn-text' : 'muted'}`}>{placementText(item)}</Text>
          </View>
        ))}
        <Text className="section-note">接送：{pickupText(app.pickup)}</Text>
        {app.hardshipDeclared && <Text className="section-note">已申报家庭经济困难（仅学校管理员和班主任可见）</Text>}
      </View>

      <View className="card">
        <Text className="card-title">办理记录</Text>
        {app.history.map((h, i) => (
          <Text key={i} className="timeline-entry">
            {shortTime(h.at)} {APPLICATION_STATUS_SHORT[h.status]}
            {h.byName ? ` · ${h.byName}` : ''}
            {h.note ? ` · ${h.note}` : ''}
          </Text>
        ))}
        {['listed', 'signed', 'active'].includes(app.status) && (
          <Text className="link" onClick={() => go(`/public/term/index?schoolId=${encodeURIComponent(app.schoolId)}&termId=${encodeURIComponent(app.termId)}`)}>
            查看公示名单
          </Text>
        )}
      </View>
    </View>
  );
}
