import { Text, View } from '@tarojs/components';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { ApplicationCard, ReviewableApplication } from '../../components/application-card';
import { BindingRequest } from '../../components/binding-request';
import { MessageReach } from '../../components/message-reach';
import { MoreRow } from '../../ui/more-row';
import { go, toast } from '../../ui/navigate';
import { Cell } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';
import '../../ui/staff.scss';
import { useParams } from '../../ui/params';
import { usePagedList } from '../../ui/use-paged-list';

/** The class teacher's desk: the class code, bindings to confirm, applications to review. */
export default function ClassPage() {
  const { classId = '' } = useParams();
  const queue = useLoad(() => api.enrollment.getClassQueue({ classId }), [classId]);
  const toReview = usePagedList((skip, limit) => api.enrollment.listClassApplications({ classId, status: ['submitted'], skip, limit }), [classId]);
  const others = usePagedList(
    (skip, limit) =>
      api.enrollment.listClassApplications({
        classId,
        status: ['teacher-reviewed', 'returned', 'approved', 'listed', 'signed', 'active', 'withdrawal-requested', 'withdrawn'],
        skip,
        limit,
      }),
    [classId],
    { loadOnScroll: true },
  );
  if (queue.loading && !queue.data) return <Loading />;
  if (queue.error || !queue.data) return <ErrorCard message={queue.error ?? '加载失败'} onRetry={queue.reload} />;
  const data = queue.data;

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      toast(done, 'success');
    } catch (e) {
      toast(e instanceof Error ? e.message : '操作失败');
    }
    await Promise.all([queue.reload(), toReview.reload(), others.reload()]);
  };

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{data.className}</Text>
        <Text className="muted">班级码（发到班级群，家长用孩子姓名、学号和班级码绑定）：</Text>
        <Text className="bind-code">{data.bindCode}</Text>
        {data.termId && (
          <Cell
            title="本班收费情况"
            extra="查看"
            clickable
            className="open-class-fees"
            onClick={() => go(`/teacher/fees/index?schoolId=${encodeURIComponent(data.schoolId)}&termId=${encodeURIComponent(data.termId ?? '')}`)}
          />
        )}
      </View>
      <MessageReach classId={classId} />

      <View className="card pending-bindings">
        <Text className="card-title">待确认的绑定（{data.bindings.length}）</Text>
        {data.bindings.length === 0 && <Text className="muted">没有待确认的绑定。</Text>}
        {data.bindings.map((b) => (
          <BindingRequest
            key={b.guardianshipId}
            binding={b}
            onDecide={(decision) =>
              void act(() => api.enrollment.decideBinding({ guardianshipId: b.guardianshipId, decision }), decision === 'confirm' ? '已确认' : '已标记为不通过')
            }
          />
        ))}
      </View>

      <View className="card to-review">
        <Text className="card-title">待初审的报名（{data.counts.submitted ?? 0}）</Text>
        <Text className="section-note">初审只能通过或退回修改：基础托管不得拒绝任何学生。可以就适合孩子的项目给家长建议。</Text>
        {toReview.rows.map((row) => (
          <ReviewableApplication
            key={row.applicationId}
            row={row}
            passLabel="初审通过"
            onDecide={(decision, reason) =>
              decision === 'pass'
                ? act(() => api.enrollment.passFirstReview({ applicationId: row.applicationId, revision: row.revision }), '已通过初审')
                : act(() => api.enrollment.returnApplication({ applicationId: row.applicationId, revision: row.revision, reason: reason ?? '' }), '已退回')
            }
          />
        ))}
        <MoreRow list={toReview} empty="没有待初审的报名。" />
      </View>

      <View className="card">
        <Text className="card-title">本班报名情况（{data.total}）</Text>
        {others.rows.map((row) => (
          <ApplicationCard key={row.applicationId} row={row} />
        ))}
        <MoreRow list={others} empty="暂无其他报名。" />
      </View>
    </View>
  );
}
