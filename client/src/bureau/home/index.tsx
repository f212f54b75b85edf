import { Text, View } from '@tarojs/components';
import { ErrorCard, Loading } from '../../ui/states';
import { useHome } from '../../ui/use-home';

export default function BureauHome() {
  const home = useHome();
  if (home.loading && !home.data) return <Loading />;
  if (home.error || !home.data) return <ErrorCard message={home.error ?? '加载失败'} onRetry={home.reload} />;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">备案审核</Text>
        <Text className="muted">辖区学校提交的课后服务方案在这里审核。</Text>
      </View>
    </View>
  );
}
