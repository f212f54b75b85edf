import { APPLICATION_STATUS_SHORT, type SignatureSummary } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../../api';
import { useLoad } from '../../../api/use-call';
import { ApplicationCard } from '../../../components/application-card';
import { MoreRow } from '../../../ui/more-row';
import { go, toast } from '../../../ui/navigate';
import { ErrorCard, Loading } from '../../../ui/states';
import { usePagedList } from '../../../ui/use-paged-list';
import { ClassFilter } from '../components/class-filter';
import { useSchoolId } from '../components/use-school';

function Signatures({ applicationId }: { applicationId: string }) {
  const [list, setList] = useState<SignatureSummary[] | null>(null);
  if (!list) {
    return (
      <Text className="link" onClick={() => void api.agreement.listSignatures({ applicationId }).then(setList, (e: Error) => toast(e.message))}>
        查看签署记录
      </Text>
    );
  }
  if (!list.length) return <Text className="muted">尚未签署</Text>;
  return (
    <View>
      {list.map((s) => (
        <Text key={s.signatureId} className="link" onClick={() => go(`/parent/signature/index?signatureId=${encodeURIComponent(s.signatureId)}`)}>
          {s.kind === 'permit' ? '独自回家证' : `协议第 ${s.version} 版`} · {s.signerName} · 查看与核验{'  '}
        </Text>
      ))}
    </View>
  );
}

function List({ schoolId, termId }: { schoolId: string; termId?: string }) {
  const queue = useLoad(() => api.enrollment.getSchoolQueue({ schoolId, ...(termId ? { termId } : {}) }), [schoolId, termId]);
  const [classId, setClassId] = useState<string | undefined>(undefined);
  const list = usePagedList(
    (skip, limit) => api.enrollment.listSchoolApplications({ schoolId, ...(termId ? { termId } : {}), ...(classId ? { classId } : {}), skip, limit }),
    [schoolId, termId, classId],
    { loadOnScroll: true },
  );
  if (queue.loading && !queue.data) return <Loading />;
  if (queue.error || !queue.data) return <ErrorCard message={queue.error ?? '加载失败'} onRetry={queue.reload} />;
  const data = queue.data;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">
          {data.schoolName} · 全部报名（{classId ? list.total : data.total}）
        </Text>
        <Text className="section-note">家庭经济困难的申报只在这里和班主任处可见，请勿外传。</Text>
        <ClassFilter classes={data.classes} classId={classId} onChange={setClassId} />
        {list.rows.map((row) => (
          <ApplicationCard key={row.applicationId} row={row}>
            {['signed', 'active', 'withdrawal-requested', 'withdrawn'].includes(row.status) && <Signatures applicationId={row.applicationId} />}
            {row.signedVersion === null && ['listed'].includes(row.status) && (
              <Text className="section-note">{APPLICATION_STATUS_SHORT[row.status]}，待家长签署协议</Text>
            )}
          </ApplicationCard>
        ))}
        <MoreRow list={list} empty="还没有报名。" />
      </View>
    </View>
  );
}

export default function StudentsPage() {
  const { schoolId, termId, loading } = useSchoolId();
  if (loading) return <Loading />;
  if (!schoolId) return <ErrorCard message="您不是任何学校的管理员" />;
  return <List schoolId={schoolId} termId={termId} />;
}
