import { Text, View } from '@tarojs/components';
import { go } from '../../ui/navigate';
import { Cell } from '../../ui/nutui';
import { ErrorCard, Loading, NotYourRole } from '../../ui/states';
import { useHome } from '../../ui/use-home';
import '../../ui/staff.scss';

/** The class teacher's home: what waits (bindings to confirm, applications to review), per class. */
export default function TeacherHome() {
  const home = useHome();
  if (home.loading && !home.data) return <Loading />;
  if (home.error || !home.data) return <ErrorCard message={home.error ?? '加载失败'} onRetry={home.retry} />;
  const tasks = home.data.tasks;
  if (!home.data.classes.length) return <NotYourRole role="班主任" />;
  return (
    <View className="page">
      {tasks && (
        <View className="card">
          <Text className="card-title">待办</Text>
          <View className="count-row">
            <Text className="count teacher-pending-bindings">待确认绑定 {tasks.pendingBindings}</Text>
            <Text className="count teacher-to-review">待初审报名 {tasks.toReview}</Text>
          </View>
        </View>
      )}
      {home.data.classes.map((c) => (
        <View key={c.classId} className="card">
          <Text className="card-title">{c.name}</Text>
          <Text className="muted">班主任工作台：待确认的家长绑定、待初审的报名。</Text>
          <Cell
            title="进入班级"
            extra="绑定与报名"
            clickable
            className="open-class"
            onClick={() => go(`/teacher/class/index?classId=${encodeURIComponent(c.classId)}`)}
          />
          <Cell
            title="考勤"
            extra="记录今天"
            clickable
            className="open-attendance"
            onClick={() => go(`/teacher/attendance/index?classId=${encodeURIComponent(c.classId)}`)}
          />
          <Cell
            title="家长值班"
            extra="谁在值班"
            clickable
            className="open-duty"
            onClick={() => go(`/committee/duty/index?schoolId=${encodeURIComponent(c.schoolId)}`)}
          />
          <Cell
            title="放学交接"
            extra="交给接送人"
            clickable
            className="open-gate"
            onClick={() => go(`/teacher/gate/index?classId=${encodeURIComponent(c.classId)}`)}
          />
        </View>
      ))}
    </View>
  );
}
