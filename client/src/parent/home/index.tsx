import { Text, View } from '@tarojs/components';
import { ErrorCard, Loading } from '../../ui/states';
import { useHome } from '../../ui/use-home';

export default function ParentHome() {
  const home = useHome();
  if (home.loading && !home.data) return <Loading />;
  if (home.error || !home.data) return <ErrorCard message={home.error ?? '加载失败'} onRetry={home.reload} />;
  const { children } = home.data;
  return (
    <View className="page">
      {children.length === 0 && (
        <View className="card">
          <Text className="card-title">还没有绑定孩子</Text>
          <Text className="muted">请向班主任索取班级码，用孩子的姓名和学号绑定。</Text>
        </View>
      )}
      {children.map((child) => (
        <View key={child.studentId} className="card child-card">
          <Text className="card-title">{child.name}</Text>
          <Text className="school-name">{child.schoolName}</Text>
          <Text className="muted"> · {child.className}</Text>
        </View>
      ))}
    </View>
  );
}
