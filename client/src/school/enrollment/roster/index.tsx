import { ROSTER_COLUMNS, type RosterImportReport } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../../api';
import { JobProgress, useJob } from '../../../components/job-progress';
import { Button } from '../../../ui/nutui';
import { ErrorCard, Loading } from '../../../ui/states';
import { useSchoolId } from '../components/use-school';
import { pickRoster } from './upload';
import '../../../ui/staff.scss';

/** One more step of an import (the progress bar drives it). */
const advanceImport = (jobId: string) => api.enrollment.advanceJob({ jobId });

function Importer({ schoolId }: { schoolId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<(RosterImportReport & { fileName: string }) | null>(null);
  const importing = useJob(`job:import-roster:${schoolId}`, advanceImport);

  const run = async () => {
    setError(null);
    try {
      const picked = await pickRoster(schoolId);
      if (!picked) return;
      setBusy(true);
      const result = await api.enrollment.importRoster({ schoolId, file: picked.file });
      setReport({ ...result, fileName: picked.name });
      if (result.job) {
        // a big file goes on step by step: the counts are the job's when it is done
        const job = await importing.run(async () => result.job!);
        const figure = (key: 'studentsCreated' | 'studentsUpdated' | 'contactsAdded') => job.result[key] ?? result[key];
        setReport({
          ...result,
          studentsCreated: figure('studentsCreated'),
          studentsUpdated: figure('studentsUpdated'),
          contactsAdded: figure('contactsAdded'),
          fileName: picked.name,
        });
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : '导入失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">导入花名册</Text>
        <Text className="section-note">
          Excel（.xlsx）第一行为表头，包含：
          {Object.values(ROSTER_COLUMNS)
            .map((names) => names[0])
            .join('、')}
          。一个学生有两位家长时写两行（学号相同）。
        </Text>
        <Text className="section-note">学生按学号新增或更新；花名册上的家长手机用于核对家长的绑定申请。重复导入同一文件不会重复新增。</Text>
        <View className="btn-row">
          <Button type="primary" size="small" loading={busy} className="choose-roster" onClick={() => void run()}>
            选择 Excel 文件
          </Button>
        </View>
        {importing.job && <JobProgress job={importing.job} />}
        {error && <Text className="error-text">{error}</Text>}
      </View>
      {report && (
        <View className="card roster-report">
          <Text className="card-title">导入结果：{report.fileName}</Text>
          {report.fileError ? (
            <Text className="error-text">{report.fileError}</Text>
          ) : (
            <>
              <Text className="section-note">
                读取 {report.rowsRead} 行，导入 {report.rowsTaken} 行：新增学生 {report.studentsCreated}，更新 {report.studentsUpdated}，新增家长联系方式{' '}
                {report.contactsAdded}。
              </Text>
              {report.problems.length > 0 ? (
                <>
                  <Text className="field-label">未导入的 {report.problems.length} 行（请修改后重新导入这些行）：</Text>
                  {report.problems.map((p) => (
                    <Text key={p.row} className="problem-row">
                      第 {p.row} 行：{p.reason}
                    </Text>
                  ))}
                </>
              ) : (
                <Text className="ok-text">全部导入成功。</Text>
              )}
            </>
          )}
        </View>
      )}
    </View>
  );
}

export default function RosterPage() {
  const { schoolId, loading } = useSchoolId();
  if (loading) return <Loading />;
  if (!schoolId) return <ErrorCard message="您不是任何学校的管理员" />;
  return <Importer schoolId={schoolId} />;
}
