import { NOTICE_STATE_LABELS } from '@kehou/shared/fees/views';
import { Text, View } from '@tarojs/components';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { formatYuan } from '../../ui/fee-lines';
import { useParams } from '../../ui/params';
import { EmptyState, ErrorCard, Loading } from '../../ui/states';

/** 收费情况 for the class teacher: what each family of the class owes and whether it is paid. */
export default function TeacherFees() {
  const { schoolId = '', termId = '' } = useParams();
  const notices = useLoad(() => api.fees.listSchoolNotices({ schoolId, termId }), [schoolId, termId]);
  if (notices.loading && !notices.data) return <Loading />;
  if (notices.error || !notices.data) return <ErrorCard message={notices.error ?? '加载失败'} onRetry={notices.retry} />;
  const { rows } = notices.data;
  const unpaid = rows.filter((r) => r.state === 'due');
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">本班收费情况</Text>
        <Text className="muted">
          共 {rows.length} 份通知，待缴 {unpaid.length} 份。金额由学校按公示的收费标准和考勤计算；减免情况只有学校管理员可见。
        </Text>
      </View>
      {rows.length === 0 && (
        <View className="card">
          <EmptyState title="学校还没有发出收费通知" next="学校发出本期通知后，这里会列出本班每个孩子的费用和缴费情况。" />
        </View>
      )}
      {rows.map((r) => (
        <View key={r.noticeId} className="card row class-fee-row">
          <View>
            <Text>{r.studentName}</Text>
            <View>
              <Text className="muted">
                {r.period.from} 至 {r.period.to}
              </Text>
            </View>
          </View>
          <View>
            <Text>{formatYuan('dueFen' in r ? r.dueFen : 0)}</Text>
            <View>
              <Text className={r.state === 'due' ? 'warn-text' : 'ok-text'}>{NOTICE_STATE_LABELS[r.state]}</Text>
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}
