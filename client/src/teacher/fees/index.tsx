import type { SchoolNotices, TeacherNoticeRow } from '@kehou/shared/fees';
import { NOTICE_STATE_LABELS } from '@kehou/shared/fees/views';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../api';
import { formatYuan } from '../../ui/fee-lines';
import { MoreRow } from '../../ui/more-row';
import { useParams } from '../../ui/params';
import { EmptyState, ErrorCard, Loading } from '../../ui/states';
import { usePagedList } from '../../ui/use-paged-list';

/** 收费情况 for the class teacher: what each family of the class owes and whether it is paid, a page at a time. */
export default function TeacherFees() {
  const { schoolId = '', termId = '' } = useParams();
  const [totals, setTotals] = useState<Extract<SchoolNotices, { as: 'teacher' }>['totals'] | null>(null);
  const notices = usePagedList(
    async (skip, limit) => {
      const page = await api.fees.listSchoolNotices({ schoolId, termId, skip, limit });
      if (page.as === 'teacher') setTotals(page.totals);
      return { ...page, rows: page.as === 'teacher' ? page.rows : ([] as TeacherNoticeRow[]) };
    },
    [schoolId, termId],
    { loadOnScroll: true },
  );
  if (notices.loading && !totals) return <Loading />;
  if (notices.error && !totals) return <ErrorCard message={notices.error} onRetry={notices.reload} />;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">本班收费情况</Text>
        <Text className="muted">
          共 {notices.total} 份通知，待缴 {totals?.unpaid ?? 0} 份，共 {formatYuan(totals?.dueFen ?? 0)}
          。金额由学校按公示的收费标准和考勤计算；减免情况只有学校管理员可见。
        </Text>
      </View>
      {notices.total === 0 && !notices.loading && (
        <View className="card">
          <EmptyState title="学校还没有发出收费通知" next="学校发出本期通知后，这里会列出本班每个孩子的费用和缴费情况。" />
        </View>
      )}
      {notices.rows.map((r) => (
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
            <Text>{formatYuan(r.dueFen)}</Text>
            <View>
              <Text className={r.state === 'due' ? 'warn-text' : 'ok-text'}>{NOTICE_STATE_LABELS[r.state]}</Text>
            </View>
          </View>
        </View>
      ))}
      {notices.total > 0 && <MoreRow list={notices} />}
    </View>
  );
}
