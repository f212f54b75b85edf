import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
import Empty from '@nutui/nutui-react-taro/dist/es/packages/empty/index';
import Skeleton from '@nutui/nutui-react-taro/dist/es/packages/skeleton/index';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { Button } from './nutui';

/** While a page loads: the shape of its cards (NutUI Skeleton), not a blank page or a spinner. */
export function Loading({ cards = 2 }: { cards?: number }) {
  return (
    <View className="page page-loading" ariaLabel="加载中">
      {Array.from({ length: cards }, (_, i) => (
        <View key={i} className="card skeleton-card">
          <Skeleton rows={i === 0 ? 2 : 3} animated />
        </View>
      ))}
      <Text className="muted loading-text">加载中…</Text>
    </View>
  );
}

/**
 * An empty list (NutUI Empty): what is empty, and what to do next, with the action when there is
 * one. No picture from the network: a small drawn mark.
 */
export function EmptyState({
  title,
  next,
  action,
  className = '',
}: {
  title: string;
  next?: ReactNode;
  action?: { text: string; onClick: () => void };
  className?: string;
}) {
  return (
    <Empty className={`empty-state ${className}`} image={<View className="empty-state-mark" />} imageSize={48} title={title} description={next} size="small">
      {action && (
        <Button type="primary" size="small" className="empty-state-action" onClick={action.onClick}>
          {action.text}
        </Button>
      )}
    </Empty>
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
