import { APPLICATION_STATUS_SHORT, type ApplicationStatus } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { BindingRequest } from '../../components/binding-request';
import { go, toast } from '../../ui/navigate';
import { Button, Cell } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';
import { query, useSchoolId } from './components/use-school';
import '../../ui/staff.scss';
import { enrolPath } from '../../ui/share';

const ORDER: ApplicationStatus[] = ['submitted', 'teacher-reviewed', 'returned', 'approved', 'listed', 'signed', 'active', 'withdrawal-requested', 'withdrawn'];

/** Binding requests a class teacher made for a child of their own class: the school decides them. */
function StaffBindings({ schoolId }: { schoolId: string }) {
  const list = useLoad(() => api.enrollment.listStaffBindings({ schoolId }), [schoolId]);
  if (!list.data?.length) return null;
  const decide = async (guardianshipId: string, decision: 'confirm' | 'reject') => {
    try {
      await api.enrollment.decideBinding({ guardianshipId, decision });
      toast(decision === 'confirm' ? '已确认' : '已标记为不通过', 'success');
    } catch (e) {
      toast(e instanceof Error ? e.message : '操作失败');
    }
    await list.reload();
  };
  return (
    <View className="card staff-bindings">
      <Text className="card-title">班主任本人的绑定申请（{list.data.length}）</Text>
      <Text className="section-note">班主任不能确认自己的申请，由学校核实后处理。</Text>
      {list.data.map((b) => (
        <BindingRequest key={b.guardianshipId} binding={b} onDecide={(decision) => void decide(b.guardianshipId, decision)} />
      ))}
    </View>
  );
}

function Overview({ schoolId, termId }: { schoolId: string; termId?: string }) {
  const queue = useLoad(() => api.enrollment.getSchoolQueue({ schoolId, ...(termId ? { termId } : {}) }), [schoolId, termId]);
  useShareAppMessage(() => ({
    title: `${queue.data?.schoolName ?? ''}课后服务报名（家长自愿参加）`,
    path: enrolPath(schoolId, queue.data?.termId ?? termId ?? ''),
  }));
  if (queue.loading && !queue.data) return <Loading />;
  if (queue.error || !queue.data) return <ErrorCard message={queue.error ?? '加载失败'} onRetry={queue.reload} />;
  const data = queue.data;
  const q = query(data.schoolId, data.termId);
  const link = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? `${window.location.origin}/#${enrolPath(data.schoolId, data.termId)}` : '';
  const waiting =
    (data.counts['teacher-reviewed'] ?? 0) +
    (data.counts.approved ?? 0) +
    (data.counts['withdrawal-requested'] ?? 0) +
    data.listings.filter((l) => l.canFix).length;

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{data.schoolName} · 报名</Text>
        <Text className="muted">{data.termName}</Text>
        {!data.open && <Text className="warn-text">本学期的服务方案还没有公开，家长暂时不能报名。</Text>}
        <View className="count-row">
          {ORDER.filter((s) => data.counts[s]).map((s) => (
            <Text key={s} className="count">
              {APPLICATION_STATUS_SHORT[s]} {data.counts[s]}
            </Text>
          ))}
          {Object.keys(data.counts).length === 0 && <Text className="muted">还没有报名。</Text>}
        </View>
      </View>

      <StaffBindings schoolId={data.schoolId} />

      <View className="card">
        <Cell
          title="审核与公示"
          extra={waiting ? `${waiting} 项待处理` : '查看'}
          clickable
          className="open-review"
          onClick={() => go(`/school/enrollment/review/index?${q}`)}
        />
        <Cell
          title="全部报名与协议"
          extra={`${data.total} 份`}
          clickable
          className="open-students"
          onClick={() => go(`/school/enrollment/students/index?${q}`)}
        />
        <Cell title="协议模板" extra="编辑与发布" clickable className="open-agreement" onClick={() => go(`/school/enrollment/agreement/index?${q}`)} />
        <Cell title="导入花名册" extra="Excel" clickable className="open-roster" onClick={() => go(`/school/enrollment/roster/index?${q}`)} />
        <Cell title="公示名单（公开页）" extra="查看" clickable onClick={() => go(`/public/term/index?${q}`)} />
      </View>

      {data.clubs.length > 0 && (
        <View className="card">
          <Text className="card-title">社团名额</Text>
          {data.clubs.map((c) => (
            <View key={c.itemId} className="row">
              <Text>{c.name}</Text>
              <Text className="muted">
                已录取 {c.taken}/{c.capacity}
                {c.waiting ? ` · 候补 ${c.waiting}` : ''}
              </Text>
            </View>
          ))}
        </View>
      )}

      <View className="card">
        <Text className="card-title">分享报名页到班级群</Text>
        <Text className="section-note">家长打开后，没有绑定孩子的先绑定，已绑定的直接报名。请说明课后服务自愿参加。</Text>
        {process.env.TARO_ENV === 'h5' ? (
          <>
            <Text className="hash enrol-link">{link}</Text>
            <Button size="small" onClick={() => void Taro.setClipboardData({ data: link }).then(() => toast('链接已复制', 'success'))}>
              复制链接
            </Button>
          </>
        ) : (
          <Button size="small" openType="share">
            分享到班级群
          </Button>
        )}
      </View>
    </View>
  );
}

/** The school admin's enrolment desk for the current term. */
export default function SchoolEnrollment() {
  const { schoolId, termId, loading } = useSchoolId();
  if (loading) return <Loading />;
  if (!schoolId) return <ErrorCard message="您不是任何学校的管理员" />;
  return <Overview schoolId={schoolId} termId={termId} />;
}
