import { Text, View } from '@tarojs/components';

export function Loading() {
  return (
    <View className="card">
      <Text className="muted">加载中…</Text>
    </View>
  );
}

export function ErrorCard({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="card">
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
