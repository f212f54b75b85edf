import { CLASS_REVIEW_MAX } from '@kehou/shared/enrollment/schemas';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { ApplicationCard, ReviewableApplication } from '../../components/application-card';
import { BindingRequest } from '../../components/binding-request';
import { MessageReach } from '../../components/message-reach';
import { chunks, loadAll } from '../../ui/load-all';
import { MoreRow } from '../../ui/more-row';
import { go, toast } from '../../ui/navigate';
import { Button, Cell } from '../../ui/nutui';
import { newRequestId } from '../../ui/request-id';
import { EmptyState, ErrorCard, Loading } from '../../ui/states';
import '../../ui/staff.scss';
import { useParams } from '../../ui/params';
import { usePagedList } from '../../ui/use-paged-list';

/** The class teacher's desk: the class code, bindings to confirm, applications to review. */
export default function ClassPage() {
  const { classId = '' } = useParams();
  const queue = useLoad(() => api.enrollment.getClassQueue({ classId }), [classId]);
  const [held, setHeld] = useState<ReadonlySet<string>>(new Set());
  const [passing, setPassing] = useState(false);
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
  if (queue.error || !queue.data) return <ErrorCard message={queue.error ?? '加载失败'} onRetry={queue.retry} />;
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
  const waiting = data.counts.submitted ?? 0;
  const hold = (applicationId: string) =>
    setHeld((before) => {
      const next = new Set(before);
      if (next.has(applicationId)) next.delete(applicationId);
      else next.add(applicationId);
      return next;
    });

  /** The whole class's first review in one action: everything waiting passes, except the applications held (or sent back one by one). */
  const passClass = async () => {
    const heldCount = toReview.rows.filter((r) => held.has(r.applicationId)).length;
    const { confirm } = await Taro.showModal({
      title: '全部通过初审',
      content: `将本班 ${waiting - heldCount} 份待初审的报名通过初审${heldCount ? `（暂缓 ${heldCount} 份，留待之后处理）` : ''}。需要退回的，请先逐份退回。`,
    });
    if (!confirm) return;
    setPassing(true);
    try {
      const rows = await loadAll((skip, limit) => api.enrollment.listClassApplications({ classId, status: ['submitted'], skip, limit }));
      const pass = rows.filter((r) => !held.has(r.applicationId)).map((r) => ({ applicationId: r.applicationId, revision: r.revision }));
      let passed = 0;
      const changed: string[] = [];
      for (const part of chunks(pass, CLASS_REVIEW_MAX)) {
        const answer = await api.enrollment.passClassReview({ classId, requestId: newRequestId('review'), pass: part });
        passed += answer.passed;
        changed.push(...answer.changed);
      }
      if (changed.length)
        await Taro.showModal({ title: `已通过 ${passed} 份`, content: `有 ${changed.length} 份报名刚刚有了变化，没有处理，请查看后再审。`, showCancel: false });
      else toast(`已通过 ${passed} 份`, 'success');
    } catch (e) {
      toast(e instanceof Error ? e.message : '操作失败');
    } finally {
      setPassing(false);
    }
    setHeld(new Set());
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
        {data.bindings.length === 0 && <EmptyState title="没有待确认的绑定。" next="家长用班级码申请绑定后，会在这里等您核实确认。" />}
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
        <Text className="card-title">待初审的报名（{waiting}）</Text>
        <Text className="section-note">初审只能通过或退回修改：基础托管不得拒绝任何学生。可以就适合孩子的项目给家长建议。</Text>
        {waiting > 0 && (
          <View className="btn-row">
            <Button type="primary" size="small" loading={passing} className="pass-class" onClick={() => void passClass()}>
              全部通过（{waiting - toReview.rows.filter((r) => held.has(r.applicationId)).length}）
            </Button>
            <Text className="section-note">要暂缓的，点该份报名下的「暂缓」。</Text>
          </View>
        )}
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
          >
            <Text className="link application-card-hold" onClick={() => hold(row.applicationId)}>
              {held.has(row.applicationId) ? '已暂缓（全部通过时不含这份）· 取消暂缓' : '暂缓'}
            </Text>
          </ReviewableApplication>
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
