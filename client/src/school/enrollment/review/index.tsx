import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api';
import { useLoad } from '../../../api/use-call';
import { ApplicationCard, ReviewableApplication } from '../../../components/application-card';
import { MoreRow } from '../../../ui/more-row';
import { toast } from '../../../ui/navigate';
import { Button } from '../../../ui/nutui';
import { ErrorCard, Loading } from '../../../ui/states';
import { usePagedList } from '../../../ui/use-paged-list';
import { ClassFilter } from '../components/class-filter';
import { useSchoolId } from '../components/use-school';

const shortTime = (iso: string) => {
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
};

function Desk({ schoolId, termId }: { schoolId: string; termId?: string }) {
  const queue = useLoad(() => api.enrollment.getSchoolQueue({ schoolId, ...(termId ? { termId } : {}) }), [schoolId, termId]);
  const [days, setDays] = useState('3');
  const [classId, setClassId] = useState<string | undefined>(undefined);
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
    await Promise.all([queue.reload(), toApprove.reload(), toList.reload(), withdrawals.reload()]);
  };
  const toListCount = data.counts.approved ?? 0;

  /** Approving a withdrawal settles the fees by the policy: say what happened, with the clause. */
  const approveWithdrawal = (applicationId: string) =>
    act(async () => {
      const { settlement } = await api.enrollment.decideWithdrawal({ applicationId, decision: 'approve' });
      if (settlement)
        await Taro.showModal({ title: '已批准退出：费用结算', content: `${settlement.summary}（依据：${settlement.citation}）`, showCancel: false });
    }, '已批准退出');

  const postList = async () => {
    const listingDays = Number(days);
    if (!Number.isInteger(listingDays) || listingDays < 1 || listingDays > 15) return toast('公示天数应为 1—15 天');
    const { confirm } = await Taro.showModal({
      title: '公示名单',
      content: `将 ${toListCount} 名学生的名单公示 ${listingDays} 天（公开页只显示班级和隐去一字的姓名）。公示结束后再确定名单、签署协议。`,
    });
    if (confirm) await act(() => api.enrollment.postListing({ schoolId: data.schoolId, termId: data.termId, listingDays }), '名单已公示');
  };

  return (
    <View className="page">
      <View className="card to-approve">
        <Text className="card-title">待学校审核（{data.counts['teacher-reviewed'] ?? 0}）</Text>
        <Text className="section-note">班主任初审后由学校审核。只能通过或退回修改；社团额满的按审核顺序进入候补。</Text>
        <ClassFilter classes={data.classes} classId={classId} onChange={setClassId} />
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
            <Text className="section-note">按学校规定填写（通常 3 天）。0 天表示公示后即可确定名单。</Text>
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
                onClick={() => void act(() => api.enrollment.fixListing({ listingId: l.listingId }), '名单已确定，已通知家长签署协议')}
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
