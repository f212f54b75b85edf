import { Text, View } from '@tarojs/components';
import { go } from '../../ui/navigate';
import { Cell } from '../../ui/nutui';
import { ErrorCard, Loading, NotYourRole } from '../../ui/states';
import { useHome } from '../../ui/use-home';

export default function CommitteeHome() {
  const home = useHome();
  if (home.loading && !home.data) return <Loading />;
  if (home.error || !home.data) return <ErrorCard message={home.error ?? '加载失败'} onRetry={home.retry} />;
  const schools = home.data.schools.filter((s) => s.as === 'committee');
  if (!schools.length) return <NotYourRole role="家委会成员" />;
  return (
    <View className="page">
      {schools.map((s) => (
        <View key={s.schoolId} className="card">
          <Text className="card-title">{s.name} 家长委员会</Text>
          <Text className="muted">家委会全过程参与课后服务：定期收集家长和学生的意见，审阅并答复。</Text>
          <Cell title="家长意见" extra="查看" clickable onClick={() => go(`/committee/feedback/index?schoolId=${s.schoolId}`)} className="open-feedback" />
          <Cell title="满意度调查" extra="发起与结果" clickable onClick={() => go(`/charts/survey/index?schoolId=${s.schoolId}`)} className="open-survey" />
          <Cell title="管理制度审议" extra="查看与通过" clickable onClick={() => go(`/committee/rules/index?schoolId=${s.schoolId}`)} className="open-rules" />
          <Cell title="家长值班" extra="安排与值班记录" clickable onClick={() => go(`/committee/duty/index?schoolId=${s.schoolId}`)} className="open-duty" />
          <Cell title="服务方案公开页" extra="查看" clickable onClick={() => go(`/public/term/index?schoolId=${s.schoolId}`)} />
        </View>
      ))}
    </View>
  );
}
