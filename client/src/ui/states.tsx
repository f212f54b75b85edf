import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

export function Loading() {
  return (
    <View className="card">
      <Text className="muted">加载中…</Text>
    </View>
  );
}

/** A role's page opened by someone without that role (a forwarded link): say so, never a blank page. */
export function NotYourRole({ role }: { role: string }) {
  return (
    <View className="card not-your-role">
      <Text className="card-title">这里是{role}的页面</Text>
      <Text className="muted">
        您的微信还没有{role}身份。如果您是{role}，请联系学校管理员添加。
      </Text>
      <View className="btn-row">
        <Text className="link" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
          回到首页
        </Text>
      </View>
    </View>
  );
}

export function ErrorCard({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="card error-card">
      <Text className="error-text">{message}</Text>
      {onRetry && (
        <View className="btn-row">
          <Text className="link" onClick={onRetry}>
            重试
          </Text>
        </View>
      )}
    </View>
  );
}
