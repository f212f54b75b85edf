import { PLAN_STATUS_LABELS } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { MessageReach } from '../../components/message-reach';
import { go } from '../../ui/navigate';
import { Cell } from '../../ui/nutui';
import { ErrorCard, Loading, NotYourRole } from '../../ui/states';
import { useHome } from '../../ui/use-home';

const DEADLINE_CLASS: Record<string, string> = { near: 'warn-text', past: 'error-text', 'filed-late': 'warn-text' };

function SchoolCard({ schoolId }: { schoolId: string }) {
  const overview = useLoad(() => api.disclosure.getSchoolOverview({ schoolId }), [schoolId]);
  if (overview.loading && !overview.data) return <Loading />;
  if (overview.error || !overview.data) return <ErrorCard message={overview.error ?? '加载失败'} onRetry={overview.retry} />;
  const { school, terms, reports } = overview.data;
  return (
    <View className="card school-card">
      <Text className="card-title">{school.name}</Text>
      <Text className="muted">学校管理：服务方案、备案、公开和报名审核。执行政策：{school.profileName}</Text>
      {terms.map((term) => {
        const query = `schoolId=${encodeURIComponent(schoolId)}&termId=${encodeURIComponent(term.termId)}`;
        return (
          <View key={term.termId} className="sub-card term-card">
            <View className="row">
              <Text>{term.name}</Text>
              <Text className="tag">{term.status === 'none' ? '尚未编写' : PLAN_STATUS_LABELS[term.status]}</Text>
            </View>
            {term.deadline.state !== 'none' && <Text className={`section-note ${DEADLINE_CLASS[term.deadline.state] ?? ''}`}>{term.deadline.message}</Text>}
            <Cell
              title="服务方案"
              extra={term.status === 'none' ? '开始编写' : '查看与修改'}
              clickable
              onClick={() => go(`/school/plan/index?${query}`)}
              className="plan-link"
            />
            {term.publishedVersion > 0 && (
              <Cell title="公开页" extra={`第 ${term.publishedVersion} 版`} clickable onClick={() => go(`/public/term/index?${query}`)} />
            )}
            {term.publishedVersion > 0 && (
              <Cell title="报名与协议" extra="进入" clickable onClick={() => go(`/school/enrollment/index?${query}`)} className="enrollment-link" />
            )}
            {term.publishedVersion > 0 && (
              <Cell title="收费通知" extra="发出与缴费" clickable onClick={() => go(`/school/fees/index?${query}`)} className="fees-link" />
            )}
          </View>
        );
      })}
      <Cell
        title="放学安全提醒"
        extra="超时未接与交接班"
        clickable
        className="flags-link"
        onClick={() => go(`/school/flags/index?schoolId=${encodeURIComponent(schoolId)}`)}
      />
      {reports.length > 0 && (
        <Cell title="报告" extra={`下次 ${reports[0].due}`} clickable onClick={() => go(`/school/reports/index?schoolId=${encodeURIComponent(schoolId)}`)} />
      )}
      <Cell
        title="家长满意度调查"
        extra="发起与结果"
        clickable
        onClick={() => go(`/charts/survey/index?schoolId=${encodeURIComponent(schoolId)}`)}
        className="survey-link"
      />
      <Cell
        title="家长值班"
        extra="确认安排"
        clickable
        onClick={() => go(`/committee/duty/index?schoolId=${encodeURIComponent(schoolId)}`)}
        className="duty-link"
      />
      <Cell
        title="督导记录"
        extra="答复"
        clickable
        onClick={() => go(`/school/supervision/index?schoolId=${encodeURIComponent(schoolId)}`)}
        className="supervision-link"
      />
    </View>
  );
}

export default function SchoolHome() {
  const home = useHome();
  if (home.loading && !home.data) return <Loading />;
  if (home.error || !home.data) return <ErrorCard message={home.error ?? '加载失败'} onRetry={home.retry} />;
  const schools = home.data.schools.filter((s) => s.as === 'admin');
  if (!schools.length) return <NotYourRole role="学校管理员" />;
  return (
    <View className="page">
      {schools.map((s) => (
        <View key={s.schoolId}>
          <SchoolCard schoolId={s.schoolId} />
          <MessageReach schoolId={s.schoolId} />
        </View>
      ))}
    </View>
  );
}
