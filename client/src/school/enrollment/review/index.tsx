import { chinaShortDateTime } from '@kehou/shared';
import { postListInput } from '@kehou/shared/enrollment/schemas';
import { LISTING_DAYS, listingDaysHint } from '@kehou/shared/policy';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api';
import { useLoad } from '../../../api/use-call';
import { ApplicationCard, ReviewableApplication } from '../../../components/application-card';
import { JobProgress, useJob } from '../../../components/job-progress';
import { useConfirm } from '../../../ui/confirm';
import { MoreRow } from '../../../ui/more-row';
import { toast } from '../../../ui/navigate';
import { Button } from '../../../ui/nutui';
import { newRequestId } from '../../../ui/request-id';
import { ErrorCard, Loading } from '../../../ui/states';
import { usePagedList } from '../../../ui/use-paged-list';
import { ClassFilter } from '../components/class-filter';
import '../../../ui/staff.scss';
import { useSchoolId } from '../components/use-school';

const shortTime = chinaShortDateTime;

/** One more step of a posting or fixing job (the progress bars drive it). */
const advanceEnrollmentJob = (jobId: string) => api.enrollment.advanceJob({ jobId });

function Desk({ schoolId, termId }: { schoolId: string; termId?: string }) {
  const queue = useLoad(() => api.enrollment.getSchoolQueue({ schoolId, ...(termId ? { termId } : {}) }), [schoolId, termId]);
  const [days, setDays] = useState(String(LISTING_DAYS.usual));
  const posting = useJob(`job:post-listing:${schoolId}`, advanceEnrollmentJob, () => void queue.reload());
  const fixing = useJob(`job:fix-listing:${schoolId}`, advanceEnrollmentJob, () => void queue.reload());
  const [classId, setClassId] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const scope = { schoolId, ...(termId ? { termId } : {}) };
  const toApprove = usePagedList(
    (skip, limit) => api.enrollment.listSchoolApplications({ ...scope, ...(classId ? { classId } : {}), status: ['teacher-reviewed'], skip, limit }),
    [schoolId, termId, classId],
    { loadOnScroll: true },
  );
  const toList = usePagedList((skip, limit) => api.enrollment.listSchoolApplications({ ...scope, status: ['approved'], skip, limit }), [schoolId, termId], {
    pageSize: 50,
  });
  const withdrawals = usePagedList(
    (skip, limit) => api.enrollment.listSchoolApplications({ ...scope, status: ['withdrawal-requested'], skip, limit }),
    [schoolId, termId],
  );
  const confirm = useConfirm();
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
    await Promise.all([queue.reload(), toApprove.reload(), toList.reload(), withdrawals.reload()]);
  };
  const toListCount = data.counts.approved ?? 0;
  const toApproveCount = classId ? toApprove.total : (data.counts['teacher-reviewed'] ?? 0);
  const className = data.classes.find((c) => c.classId === classId)?.className;

  /** Approves everything waiting (of the class picked, or of the school), step after step until done; the desk shows how far it is. */
  const approveAll = async () => {
    const { confirm } = await Taro.showModal({
      title: className ? `${className}全部审核通过` : '全部审核通过',
      content: `将${className ?? '全校'} ${toApproveCount} 份待学校审核的报名审核通过。社团额满的，按审核顺序进入候补。`,
    });
    if (!confirm) return;
    const requestId = newRequestId('approve');
    let approved = 0;
    setProgress({ done: 0, total: toApproveCount });
    try {
      for (let step = 0; step < 1000; step++) {
        const answer = await api.enrollment.approveWaiting({
          schoolId: data.schoolId,
          termId: data.termId,
          ...(classId ? { classId } : {}),
          asOf: data.asOf,
          requestId,
        });
        approved = answer.job.done;
        setProgress({ done: answer.job.done, total: answer.job.total });
        if (answer.done) break;
        // Another admin's call is stepping the same approval: wait a moment and join it.
        if (answer.job.busy) await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      toast(`已审核通过 ${approved} 份`, 'success');
    } catch (e) {
      toast(e instanceof Error ? `${e.message}（已通过 ${approved} 份，可再次点击继续）` : '操作失败');
    } finally {
      setProgress(null);
    }
    await Promise.all([queue.reload(), toApprove.reload(), toList.reload(), withdrawals.reload()]);
  };

  /** Approving a withdrawal settles the fees by the policy: say what happened, with the clause. */
  const approveWithdrawal = (applicationId: string) =>
    act(async () => {
      const { settlement } = await api.enrollment.decideWithdrawal({ applicationId, decision: 'approve' });
      if (settlement)
        await Taro.showModal({ title: '已批准退出：费用结算', content: `${settlement.summary}（依据：${settlement.citation}）`, showCancel: false });
    }, '已批准退出');

  const postList = async () => {
    // The very schema postListing parses with: its bounds and its words.
    const checked = postListInput.safeParse({ schoolId: data.schoolId, termId: data.termId, listingDays: Number(days) });
    if (!checked.success) return toast(checked.error.issues[0]?.message ?? listingDaysHint());
    const { listingDays } = checked.data;
    const ok = await confirm.ask({
      title: '公示名单',
      content: `将 ${toListCount} 名学生的名单公示 ${listingDays} 天（公开页只显示班级和隐去一字的姓名）。公示结束后再确定名单、签署协议。`,
      confirmText: `公示 ${toListCount} 人`,
    });
    if (ok)
      await act(
        () => posting.run(async () => (await api.enrollment.postListing({ schoolId: data.schoolId, termId: data.termId, listingDays })).job),
        '名单已公示',
      );
  };

  return (
    <View className="page">
      {confirm.dialog}
      <View className="card to-approve">
        <Text className="card-title">待学校审核（{data.counts['teacher-reviewed'] ?? 0}）</Text>
        <Text className="section-note">班主任初审后由学校审核。只能通过或退回修改；社团额满的按审核顺序进入候补。</Text>
        <ClassFilter classes={data.classes} classId={classId} onChange={setClassId} />
        {toApproveCount > 0 && (
          <View className="btn-row">
            <Button type="primary" size="small" loading={!!progress} className="approve-all" onClick={() => void approveAll()}>
              {className ? `本班全部审核通过（${toApproveCount}）` : `全部审核通过（${toApproveCount}）`}
            </Button>
          </View>
        )}
        {progress && (
          <View className="bulk-progress">
            <View className="bulk-progress-bar" style={{ width: `${progress.total ? Math.round((progress.done / progress.total) * 100) : 100}%` }} />
            <Text className="section-note">
              正在审核：已通过 {progress.done} / {progress.total}
            </Text>
          </View>
        )}
        {toApprove.rows.map((row) => (
          <ReviewableApplication
            key={row.applicationId}
            row={row}
            passLabel="审核通过"
            onDecide={(decision, reason) =>
              decision === 'pass'
                ? act(() => api.enrollment.approveApplication({ applicationId: row.applicationId, revision: row.revision }), '已审核通过')
                : act(() => api.enrollment.returnApplication({ applicationId: row.applicationId, revision: row.revision, reason: reason ?? '' }), '已退回')
            }
          />
        ))}
        <MoreRow list={toApprove} empty="没有待审核的报名。" />
      </View>

      <View className="card to-list">
        <Text className="card-title">待公示（{toListCount}）</Text>
        {posting.job && <JobProgress job={posting.job} />}
        {toList.rows.map((row) => (
          <Text key={row.applicationId} className="section-note">
            {row.className} {row.studentName}
          </Text>
        ))}
        {toList.hasMore && <MoreRow list={toList} />}
        {toListCount > 0 && (
          <View className="field">
            <Text className="field-label">公示天数</Text>
            <Input className="input listing-days" type="number" value={days} maxlength={2} onInput={(e) => setDays(e.detail.value)} />
            <Text className="section-note listing-days-hint">{listingDaysHint()}</Text>
            <View className="btn-row">
              <Button type="primary" size="small" className="post-list" onClick={() => void postList()}>
                公示名单
              </Button>
            </View>
          </View>
        )}
        {toListCount === 0 && <Text className="muted">没有待公示的报名。</Text>}
      </View>

      <View className="card listings">
        <Text className="card-title">公示批次</Text>
        {fixing.job && <JobProgress job={fixing.job} />}
        {data.listings.length === 0 && <Text className="muted">还没有公示过名单。</Text>}
        {data.listings.map((l) => (
          <View key={l.listingId} className="sub-card listing">
            <Text className="section-note">
              {shortTime(l.postedAt)} 公示 {l.count} 人，{l.listingDays} 天，至 {shortTime(l.listedUntil)}
            </Text>
            {l.fixed ? (
              <Text className="ok-text listing-fixed">名单已确定</Text>
            ) : l.canFix ? (
              <Button
                type="primary"
                size="small"
                className="fix-list"
                onClick={async () => {
                  const ok = await confirm.ask({
                    title: '确定公示名单',
                    content: `这一批 ${l.count} 名学生公示期已满。确定名单后不能撤销，将通知这 ${l.count} 名学生的家长签署协议。`,
                    confirmText: `确定 ${l.count} 人`,
                  });
                  if (ok)
                    await act(
                      () => fixing.run(async () => (await api.enrollment.fixListing({ listingId: l.listingId })).job),
                      '名单已确定，已通知家长签署协议',
                    );
                }}
              >
                名单确定
              </Button>
            ) : (
              <Text className="muted">公示中，结束后可确定名单</Text>
            )}
          </View>
        ))}
      </View>

      <View className="card withdrawals">
        <Text className="card-title">退出申请（{data.counts['withdrawal-requested'] ?? 0}）</Text>
        {withdrawals.rows.map((row) => (
          <ApplicationCard key={row.applicationId} row={row}>
            <View className="btn-row">
              <Button type="primary" size="small" className="withdrawal-approve" onClick={() => void approveWithdrawal(row.applicationId)}>
                批准退出
              </Button>
              <Button
                size="small"
                onClick={() => void act(() => api.enrollment.decideWithdrawal({ applicationId: row.applicationId, decision: 'reject' }), '已不批准')}
              >
                不批准
              </Button>
            </View>
          </ApplicationCard>
        ))}
        <MoreRow list={withdrawals} empty="没有待审批的退出申请。" />
      </View>
    </View>
  );
}

export default function ReviewPage() {
  const { schoolId, termId, loading } = useSchoolId();
  if (loading) return <Loading />;
  if (!schoolId) return <ErrorCard message="您不是任何学校的管理员" />;
  return <Desk schoolId={schoolId} termId={termId} />;
}
