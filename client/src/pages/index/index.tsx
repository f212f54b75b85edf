import { ROLE_LABELS, type RoleKind } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { api } from '../../api';
import { needsSignIn, signOut } from '../../api/session';
import { useLoad } from '../../api/use-call';
import { go } from '../../ui/navigate';
import { Button, Cell } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';

const ROLE_HOME: Record<RoleKind, string> = {
  parent: '/parent/home/index',
  teacher: '/teacher/home/index',
  admin: '/school/home/index',
  committee: '/committee/home/index',
  bureau: '/bureau/home/index',
};

export default function HomePage() {
  const home = useLoad(() => api.enrollment.getHome());

  useEffect(() => {
    if (home.data && !home.data.signedIn && needsSignIn()) void Taro.redirectTo({ url: '/pages/login/index' });
  }, [home.data]);

  if (home.loading && !home.data) return <Loading />;
  if (home.error) return <ErrorCard message={home.error} onRetry={home.retry} />;
  const summary = home.data;
  if (!summary) return null;

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">您好，{summary.name || '家长'}</Text>
        <Text className="muted">课后服务：家长自愿报名，学校公开透明。</Text>
      </View>

      {summary.children.length > 0 && (
        <View className="card">
          <Text className="card-title">我的孩子</Text>
          {summary.children.map((child) => (
            <View key={child.studentId} className="row child-row" onClick={() => go(ROLE_HOME.parent)}>
              <Text>
                {child.name} · {child.schoolName} {child.className}
              </Text>
              {child.bindingStatus === 'pending' && <Text className="warn-text">待班主任确认</Text>}
            </View>
          ))}
        </View>
      )}

      <View className="card">
        <Text className="card-title">我的身份</Text>
        {summary.roles.length === 0 && <Text className="muted">还没有绑定孩子。请在家长端用孩子的姓名、学号和班级码绑定。</Text>}
        {summary.roles.map((role) => (
          <Cell key={role} title={ROLE_LABELS[role]} extra="进入" clickable onClick={() => go(ROLE_HOME[role])} className={`role-${role}`} />
        ))}
        {summary.roles.includes('parent') && (
          <Cell title="给家委会提意见" extra="进入" clickable onClick={() => go('/parent/feedback/index')} className="open-parent-feedback" />
        )}
        {!summary.roles.includes('parent') && <Cell title="家长：绑定孩子" extra="进入" clickable onClick={() => go(ROLE_HOME.parent)} />}
      </View>

      {needsSignIn() && (
        <View className="btn-row">
          <Button
            size="small"
            onClick={async () => {
              await signOut();
              await Taro.reLaunch({ url: '/pages/login/index' });
            }}
          >
            切换演示身份
          </Button>
        </View>
      )}
    </View>
  );
}
