import { APPLICATION_STATUS_LABELS } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { api } from '../../api';
import { needsSignIn } from '../../api/session';
import { useLoad } from '../../api/use-call';
import { go } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';
import '../components/enrollment.scss';
import { useParams } from '../../ui/params';
import { enrolCardTitle, enrolPath, useShareMenu } from '../../ui/share';

/**
 * The school's enrolment page, shared into class groups. Opening it leads a parent straight on:
 * to binding when they have no child at this school yet, otherwise to applying or to the application.
 */
export default function EnrolPage() {
  const { schoolId = '', termId } = useParams();
  const entry = useLoad(() => api.enrollment.getEnrolmentEntry({ schoolId, ...(termId ? { termId } : {}) }), [schoolId, termId]);
  useShareMenu();
  useShareAppMessage(() => ({
    title: enrolCardTitle(entry.data?.schoolName ?? '学校', entry.data?.termName),
    path: enrolPath(schoolId, termId),
  }));
  if (entry.loading && !entry.data) return <Loading />;
  if (entry.error || !entry.data) return <ErrorCard message={entry.error ?? '加载失败'} onRetry={entry.retry} />;
  const data = entry.data;
  // Binding comes back here, where the parent goes on to apply (or waits for the teacher).
  const bindPath = `/parent/bind/index?schoolId=${encodeURIComponent(data.schoolId)}${data.termId ? `&termId=${encodeURIComponent(data.termId)}` : ''}`;

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{data.schoolName}课后服务报名</Text>
        <Text className="muted">{data.termName ?? ''}</Text>
        <Text className="notice">课后服务由家长自愿选择参加。先绑定孩子（班主任确认），再选择参加的时间和项目。</Text>
        {data.termId && (
          <Text
            className="link"
            onClick={() => go(`/public/term/index?schoolId=${encodeURIComponent(data.schoolId)}&termId=${encodeURIComponent(data.termId!)}`)}
          >
            查看学校公开的服务方案
          </Text>
        )}
      </View>

      {!data.signedIn && needsSignIn() && (
        <View className="card">
          <Text className="muted">请先登录，登录后回到这里继续报名。</Text>
          <Button
            type="primary"
            size="small"
            className="enrol-sign-in"
            onClick={() => void Taro.reLaunch({ url: `/pages/login/index?next=${encodeURIComponent(enrolPath(schoolId, termId))}` })}
          >
            登录
          </Button>
        </View>
      )}

      {data.signedIn && data.children.length === 0 && (
        <View className="card">
          <Text className="card-title">还没有绑定在本校读书的孩子</Text>
          <Button type="primary" size="small" className="enrol-bind" onClick={() => go(bindPath)}>
            绑定孩子
          </Button>
        </View>
      )}

      {data.children.map((child) => (
        <View key={child.studentId} className="card">
          <Text className="card-title">
            {child.name} · {child.className}
          </Text>
          {child.bindingStatus === 'pending' && <Text className="status-line warn-text">等待班主任确认绑定</Text>}
          {child.bindingStatus === 'confirmed' && child.status && <Text className="status-line">{APPLICATION_STATUS_LABELS[child.status]}</Text>}
          {child.bindingStatus === 'confirmed' && !child.status && data.open && (
            <Button
              type="primary"
              size="small"
              className="enrol-apply"
              onClick={() => go(`/parent/apply/index?studentId=${encodeURIComponent(child.studentId)}`)}
            >
              为孩子报名
            </Button>
          )}
          {child.bindingStatus === 'confirmed' && child.status && (
            <Button size="small" onClick={() => go(`/parent/apply/index?studentId=${encodeURIComponent(child.studentId)}`)}>
              查看报名
            </Button>
          )}
        </View>
      ))}
      {data.signedIn && data.children.length > 0 && (
        <View className="btn-row">
          <Text className="link" onClick={() => go(bindPath)}>
            还有孩子在本校？绑定孩子
          </Text>
        </View>
      )}
    </View>
  );
}
