import { chinaDate, chinaToday } from '@kehou/shared';
import { addDays } from '@kehou/shared/policy';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { DateField } from '../../ui/form';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { useParams } from '../../ui/params';
import '../../ui/form/form.scss';
import { ErrorCard, Loading } from '../../ui/states';

/** 考勤: the class sheet for a date. Everyone starts at full attendance; tap to mark absent or type minutes, then save. */
export default function AttendancePage() {
  const { classId = '', date: initial } = useParams();
  const [date, setDate] = useState(initial ?? chinaToday());
  const sheet = useLoad(() => api.enrollment.getAttendanceSheet({ classId, date }), [classId, date]);
  const [minutes, setMinutes] = useState<Record<string, number>>({});
  const [saving, setSaving] = useState(false);
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (sheet.data) setMinutes(Object.fromEntries(sheet.data.rows.map((r) => [r.studentId, r.attendedMinutes])));
  }, [sheet.data]);

  const nav = (
    <View className="card row">
      <Text className="link prev-day" onClick={() => setDate(addDays(date, -1))}>
        ‹ 前一天
      </Text>
      <DateField className="attendance-date" title="考勤日期" value={date} min={addDays(chinaToday(), -366)} max={chinaToday()} onChange={setDate} />
      <Text className="link next-day" onClick={() => setDate(addDays(date, 1))}>
        后一天 ›
      </Text>
    </View>
  );
  if (sheet.loading && !sheet.data) return <Loading />;
  if (sheet.error || !sheet.data) {
    return (
      <View className="page">
        {nav}
        <ErrorCard message={sheet.error ?? '加载失败'} onRetry={sheet.retry} />
      </View>
    );
  }
  const data = sheet.data;
  const save = async () => {
    setSaving(true);
    try {
      const result = await api.enrollment.recordAttendance({
        classId,
        date,
        revision: data.revision,
        entries: data.rows.map((r) => ({ studentId: r.studentId, attendedMinutes: minutes[r.studentId] ?? r.attendedMinutes })),
        ...(data.billed && reason.trim() ? { reason: reason.trim() } : {}),
      });
      setReason('');
      toast(result.saved ? `已保存 ${result.saved} 人` : '没有变化', 'success');
    } catch (e) {
      toast(e instanceof Error ? e.message : '保存失败');
    }
    setSaving(false);
    await sheet.reload();
  };

  return (
    <View className="page">
      {nav}
      <View className="card">
        <Text className="card-title">{data.className} 考勤</Text>
        <Text className="muted">
          服务时间 {data.start}—{data.end}（{data.scheduledMinutes}{' '}
          分钟）。默认全勤（家长已请假的孩子默认缺席）；点“缺席”标记没来的孩子，提前离开的填实际参加的分钟数。
        </Text>
        {data.billed && (
          <View className="sub-card attendance-billed">
            <Text className="warn-text">
              这一天所在的{data.billed.periodLabel}已发出收费通知。修改考勤请写明原因，作为更正记录；已发出的通知不会改变，学校可据此发更正通知。
            </Text>
            <Textarea
              className="textarea attendance-reason"
              value={reason}
              maxlength={200}
              placeholder="更正原因，如：家长补交了请假条"
              onInput={(e) => setReason(e.detail.value)}
            />
          </View>
        )}
        {data.corrections.map((c, i) => (
          <Text key={i} className="section-note">
            {chinaDate(c.at)} {c.byName}更正了 {c.changed} 人：{c.reason}
          </Text>
        ))}
        {data.rows.length === 0 && <Text className="muted">这一天本班没有参加课后服务的学生。</Text>}
        {data.rows.map((r) => {
          const value = minutes[r.studentId] ?? r.attendedMinutes;
          return (
            <View key={r.studentId} className={`row attendance-row ${value === 0 ? 'attendance-row-absent' : ''}`}>
              <Text>
                {r.studentName}
                {!r.recorded && <Text className="muted">（未保存）</Text>}
                {r.leave && (
                  <Text className="muted attendance-leave">
                    {' '}
                    请假：{r.leave.reason}
                    {r.leave.late ? '（逾期报告）' : ''}
                  </Text>
                )}
              </Text>
              <View className="chip-row">
                <Text
                  className={`chip ${value === data.scheduledMinutes ? 'chip-on' : ''}`}
                  onClick={() => setMinutes({ ...minutes, [r.studentId]: data.scheduledMinutes })}
                >
                  全勤
                </Text>
                <Text className={`chip absent-chip ${value === 0 ? 'chip-on' : ''}`} onClick={() => setMinutes({ ...minutes, [r.studentId]: 0 })}>
                  缺席
                </Text>
                <Input
                  className="input minutes-input"
                  type="number"
                  value={String(value)}
                  maxlength={3}
                  onInput={(e) => setMinutes({ ...minutes, [r.studentId]: Math.max(0, Math.min(data.scheduledMinutes, Number(e.detail.value) || 0)) })}
                />
              </View>
            </View>
          );
        })}
        {data.rows.length > 0 && (
          <View className="btn-row">
            <Button type="primary" className="save-attendance" loading={saving} onClick={save}>
              保存考勤
            </Button>
          </View>
        )}
      </View>
    </View>
  );
}
