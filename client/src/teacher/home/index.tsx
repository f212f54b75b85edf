import { Text, View } from '@tarojs/components';
import { ErrorCard, Loading } from '../../ui/states';
import { useHome } from '../../ui/use-home';

export default function TeacherHome() {
  const home = useHome();
  if (home.loading && !home.data) return <Loading />;
  if (home.error || !home.data) return <ErrorCard message={home.error ?? '加载失败'} onRetry={home.reload} />;
  return (
    <View className="page">
      {home.data.classes.map((c) => (
        <View key={c.classId} className="card">
          <Text className="card-title">{c.name}</Text>
          <Text className="muted">班主任工作台：待确认的家长绑定、待初审的报名。</Text>
        </View>
      ))}
    </View>
  );
}
