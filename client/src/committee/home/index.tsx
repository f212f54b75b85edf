import { Text, View } from '@tarojs/components';
import { ErrorCard, Loading } from '../../ui/states';
import { useHome } from '../../ui/use-home';

export default function CommitteeHome() {
  const home = useHome();
  if (home.loading && !home.data) return <Loading />;
  if (home.error || !home.data) return <ErrorCard message={home.error ?? '加载失败'} onRetry={home.reload} />;
  return (
    <View className="page">
      {home.data.schools
        .filter((s) => s.as === 'committee')
        .map((s) => (
          <View key={s.schoolId} className="card">
            <Text className="card-title">{s.name} 家长委员会</Text>
            <Text className="muted">收集家长意见，审阅并答复。</Text>
          </View>
        ))}
    </View>
  );
}
