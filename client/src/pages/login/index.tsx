import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { type DemoUser, listDemoUsers, needsSignIn, signInAs } from '../../api/session';
import { Cell } from '../../ui/nutui';
import { useParams } from '../../ui/params';
import { ErrorCard, Loading } from '../../ui/states';

/** Where to go once signed in: the page that sent the person here (a page of the app only), else home. */
function afterSignIn(next: string | undefined): string {
  return next && /^\/[a-z]+\/[a-z]+\/index(\?|$)/.test(next) ? next : '/pages/index/index';
}

/** Local only: choose a demo user. In WeChat the caller is known without signing in. */
export default function LoginPage() {
  const { next } = useParams();
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (needsSignIn()) listDemoUsers().then(setUsers, () => setError('无法读取演示用户，请确认本地服务已启动'));
  }, []);

  // In WeChat there is no one to choose: the caller is the WeChat user (and there is no fetch).
  if (!needsSignIn()) {
    return (
      <View className="page">
        <View className="card">
          <Text className="card-title">无需登录</Text>
          <Text className="muted">在微信中打开时，由微信自动识别您的身份。</Text>
          <Cell title="进入首页" clickable onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })} className="go-home" />
        </View>
      </View>
    );
  }

  const choose = async (user: DemoUser) => {
    await signInAs(user.openid);
    await Taro.reLaunch({ url: afterSignIn(next) });
  };

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">选择演示身份</Text>
        <Text className="muted">本地演示环境：选择一个身份登录。正式小程序中由微信自动识别身份。</Text>
      </View>
      {error && <ErrorCard message={error} />}
      {!users && !error && <Loading />}
      {users?.map((user) => (
        <Cell
          key={user.openid}
          title={user.name}
          description={user.label}
          clickable
          onClick={() => void choose(user)}
          data-openid={user.openid}
          className="demo-user"
        />
      ))}
    </View>
  );
}
