import type { ChildEnrollment } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import { useShareAppMessage } from '@tarojs/taro';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { go } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { enrolCardTitle, enrolPath, useShareMenu } from '../../ui/share';
import { ErrorCard, Loading } from '../../ui/states';
import { placementText, STATUS_CLASS } from '../components/labels';
import '../components/enrollment.scss';

function ChildCard({ child }: { child: ChildEnrollment }) {
  const app = child.application;
  const waiting = app?.items.filter((i) => i.placement === 'waiting') ?? [];
  return (
    <View className="card child-card">
      <Text className="card-title">{child.name}</Text>
      <Text className="muted">
        {child.schoolName} · {child.className}
        {child.termName ? ` · ${child.termName}` : ''}
      </Text>
      {child.bindingStatus === 'pending' && <Text className="status-line warn-text">等待班主任确认绑定，确认后即可报名</Text>}
      {child.bindingStatus === 'confirmed' && !app && (
        <>
          <Text className="status-line">{child.open ? '本学期尚未报名' : '学校还没有公布本学期的课后服务方案'}</Text>
          {child.open && (
            <View className="btn-row">
              <Button
                type="primary"
                size="small"
                className="apply-button"
                onClick={() => go(`/parent/apply/index?studentId=${encodeURIComponent(child.studentId)}`)}
              >
                了解并报名
              </Button>
            </View>
          )}
        </>
      )}
      {app && (
        <>
          <Text className={`status-line application-status ${STATUS_CLASS[app.status] ?? ''}`}>{app.statusLabel}</Text>
          {waiting.map((i) => (
            <Text key={i.itemId} className="section-note">
              {i.name}：{placementText(i)}
            </Text>
          ))}
          {app.needsResign && <Text className="section-note warn-text">协议已更新为第 {app.agreementVersion} 版，请重新签署</Text>}
          <View className="btn-row">
            {(app.canSign || (app.permitRequired && !app.permitSigned && ['listed', 'signed', 'active'].includes(app.status) && app.listFixed)) && (
              <Button
                type="primary"
                size="small"
                className="sign-button"
                onClick={() => go(`/parent/agreement/index?applicationId=${encodeURIComponent(app.applicationId)}`)}
              >
                签署协议
              </Button>
            )}
            {['active', 'withdrawal-requested'].includes(app.status) && (
              <Button
                size="small"
                className="child-serviceday-button"
                onClick={() => go(`/parent/serviceday/index?studentId=${encodeURIComponent(child.studentId)}`)}
              >
                请假与出勤
              </Button>
            )}
            <Button
              size="small"
              className="application-button"
              onClick={() => go(`/parent/application/index?applicationId=${encodeURIComponent(app.applicationId)}`)}
            >
              查看报名
            </Button>
          </View>
        </>
      )}
    </View>
  );
}

/** A parent's home: each child, where their application stands and what to do next. */
export default function ParentHome() {
  const children = useLoad(() => api.enrollment.listMyApplications());
  // A parent forwards their child's school enrolment page to other parents (the class group).
  useShareMenu();
  useShareAppMessage(() => {
    const child = children.data?.find((c) => c.termId);
    return child
      ? { title: enrolCardTitle(child.schoolName, child.termName), path: enrolPath(child.schoolId, child.termId) }
      : { title: '课后服务', path: '/parent/home/index' };
  });
  if (children.loading && !children.data) return <Loading />;
  if (children.error || !children.data) return <ErrorCard message={children.error ?? '加载失败'} onRetry={children.retry} />;
  return (
    <View className="page">
      {children.data.length === 0 && (
        <View className="card">
          <Text className="card-title">还没有绑定孩子</Text>
          <Text className="muted">请向班主任索取班级码，用孩子的姓名和学号绑定。班主任确认后即可为孩子报名课后服务。</Text>
        </View>
      )}
      {children.data.map((child) => (
        <ChildCard key={child.studentId} child={child} />
      ))}
      <View className="card">
        <Text className="muted">课后服务由家长自愿选择是否参加，可以随时查看和申请退出。</Text>
        <View className="btn-row">
          <Button size="small" className="bind-button" onClick={() => go('/parent/bind/index')}>
            绑定孩子
          </Button>
          <Button size="small" className="fees-button" onClick={() => go('/parent/fees/index')}>
            收费通知
          </Button>
          <Button size="small" className="feedback-button" onClick={() => go('/parent/feedback/index')}>
            给家委会提意见
          </Button>
          <Button size="small" className="messages-button" onClick={() => go('/parent/messages/index')}>
            我收到的消息
          </Button>
          <Button size="small" className="serviceday-button" onClick={() => go('/parent/serviceday/index')}>
            请假与出勤
          </Button>
          <Button size="small" className="survey-button" onClick={() => go('/parent/survey/index')}>
            满意度调查
          </Button>
          <Button size="small" className="duty-button" onClick={() => go('/parent/duty/index')}>
            到校值班
          </Button>
        </View>
      </View>
    </View>
  );
}
