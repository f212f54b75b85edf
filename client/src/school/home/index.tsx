import { Text, View } from '@tarojs/components';
import { ErrorCard, Loading } from '../../ui/states';
import { useHome } from '../../ui/use-home';

export default function SchoolHome() {
  const home = useHome();
  if (home.loading && !home.data) return <Loading />;
  if (home.error || !home.data) return <ErrorCard message={home.error ?? '加载失败'} onRetry={home.reload} />;
  return (
    <View className="page">
      {home.data.schools
        .filter((s) => s.as === 'admin')
        .map((s) => (
          <View key={s.schoolId} className="card">
            <Text className="card-title">{s.name}</Text>
            <Text className="muted">学校管理：服务方案、备案、公开和报名审核。</Text>
          </View>
        ))}
    </View>
  );
}
