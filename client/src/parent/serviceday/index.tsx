import { chinaToday } from '@kehou/shared';
import { addDays } from '@kehou/shared/policy';
import type { ServiceDayRow } from '@kehou/shared/serviceday';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { useParams } from '../../ui/params';
import { ErrorCard, Loading } from '../../ui/states';

const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const dayLabel = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
const hours = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} 小时` : `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`);

function DayRow({ day }: { day: ServiceDayRow }) {
  const attended = day.attendedMinutes;
  return (
    <View className="row service-day-row">
      <Text>{dayLabel(day.date)}</Text>
      <View>
        {day.leave && <Text className={`tag ${day.leave.late ? 'warn-text' : ''}`}>{day.leave.late ? '请假（逾期报告）' : '请假'}</Text>}
        <Text className={attended === null ? 'muted' : ''}>{attended === null ? ' 未记录' : attended === 0 ? ' 缺席' : ` 参加 ${attended} 分钟`}</Text>
        {day.handover && (
          <Text className="muted service-day-handover">
            {' '}
            · {day.handover.label}
            {day.handover.picker ? `（${day.handover.picker.relation}${day.handover.picker.name}）` : ''}
          </Text>
        )}
      </View>
    </View>
  );
}

/** 请假与出勤: a parent reports a day or days off, and reads each month's service days and minutes (what the fee rests on). */
export default function ParentServiceDay() {
  const params = useParams();
  const home = useLoad(() => api.enrollment.getHome());
  const children = useMemo(() => (home.data?.children ?? []).filter((c) => c.bindingStatus === 'confirmed'), [home.data]);
  const [childIndex, setChildIndex] = useState(0);
  useEffect(() => {
    const i = children.findIndex((c) => c.studentId === params.studentId);
    if (i >= 0) setChildIndex(i);
  }, [children, params.studentId]);
  const child = children[childIndex];
  const [month, setMonth] = useState(chinaToday().slice(0, 7));
  const [picked, setPicked] = useState<{ from: string; to: string } | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const view = useLoad(async () => (child ? api.serviceday.getServiceMonth({ studentId: child.studentId, month }) : null), [child?.studentId, month]);
  // Today by the server's clock once known (a phone's own clock may be off).
  const today = view.data?.today ?? chinaToday();
  const from = picked?.from ?? today;
  const to = picked?.to ?? from;

  if (home.loading && !home.data) return <Loading />;
  if (home.error || !home.data) return <ErrorCard message={home.error ?? '加载失败'} onRetry={home.reload} />;
  if (!child) {
    return (
      <View className="page">
        <View className="card">
          <Text className="muted">绑定孩子并经班主任确认后，可以在这里请假、查看每月出勤。</Text>
        </View>
      </View>
    );
  }

  const pickFrom = (date: string) => setPicked({ from: date, to: to < date ? date : to });
  const pickTo = (date: string) => setPicked({ from, to: date });
  const submit = async () => {
    setBusy(true);
    try {
      const result = await api.serviceday.reportLeave({ studentId: child.studentId, from, ...(to !== from ? { to } : {}), reason });
      const fresh = result.days.length - result.alreadyReported;
      toast(fresh > 0 ? `已请假 ${result.days.length} 天` : '这些日子已经请过假', 'success');
      if (result.late > 0) toast(`已记录，其中 ${result.late} 天在学校规定的截止时间之后报告`);
      setReason('');
      await view.reload();
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const data = view.data;
  return (
    <View className="page">
      {children.length > 1 && (
        <View className="card">
          <Picker mode="selector" range={children.map((c) => c.name)} value={childIndex} onChange={(e) => setChildIndex(Number(e.detail.value))}>
            <View className="input">{child.name}</View>
          </Picker>
        </View>
      )}
      <View className="card leave-form">
        <Text className="card-title">为{child.name}请假</Text>
        <Text className="muted">孩子不能参加课后服务时，请在当天学校规定的时间前请假；过了时间也可以请，会记为逾期报告。班主任会在考勤表上看到。</Text>
        <View className="field">
          <Text className="field-label">从哪天</Text>
          <View className="chip-row">
            <Text className={`chip leave-today ${from === today ? 'chip-on' : ''}`} onClick={() => pickFrom(today)}>
              今天
            </Text>
            <Text className={`chip leave-tomorrow ${from === addDays(today, 1) ? 'chip-on' : ''}`} onClick={() => pickFrom(addDays(today, 1))}>
              明天
            </Text>
            <Picker mode="date" value={from} start={today} onChange={(e) => pickFrom(String(e.detail.value))}>
              <View className="input leave-from">{from}</View>
            </Picker>
          </View>
        </View>
        <View className="field">
          <Text className="field-label">到哪天</Text>
          <Picker mode="date" value={to} start={from} onChange={(e) => pickTo(String(e.detail.value))}>
            <View className="input leave-to">{to}</View>
          </Picker>
        </View>
        <View className="field">
          <Text className="field-label">原因</Text>
          <Textarea
            className="input leave-reason"
            value={reason}
            maxlength={200}
            placeholder="如：孩子发烧，在家休息（班主任可见）"
            onInput={(e) => setReason(e.detail.value)}
          />
        </View>
        <View className="btn-row">
          <Button type="primary" className="report-leave" disabled={busy} onClick={() => void submit()}>
            提交请假
          </Button>
        </View>
      </View>
      <View className="card service-month">
        <View className="row">
          <Text className="link prev-month" onClick={() => setMonth(shiftMonth(month, -1))}>
            ‹ 上月
          </Text>
          <Text className="card-title">
            {Number(month.slice(0, 4))}年{Number(month.slice(5, 7))}月出勤
          </Text>
          <Text className="link next-month" onClick={() => setMonth(shiftMonth(month, 1))}>
            下月 ›
          </Text>
        </View>
        {view.loading && !data && <Loading />}
        {view.error && <ErrorCard message={view.error} onRetry={view.reload} />}
        {data && (
          <>
            <Text className="section-note service-month-totals">
              服务日 {data.totals.serviceDays} 天，已记录 {data.totals.recordedDays} 天：参加 {data.totals.attendedDays} 天，共{' '}
              {hours(data.totals.attendedMinutes)}
              {data.totals.leaveDays ? `；请假 ${data.totals.leaveDays} 天` : ''}
            </Text>
            <Text className="muted">按班主任记录的考勤计算收费（以学校发出的收费通知为准）。</Text>
            {data.days.length === 0 && <Text className="muted">这个月孩子没有课后服务。</Text>}
            {data.days.map((d) => (
              <DayRow key={d.date} day={d} />
            ))}
          </>
        )}
      </View>
    </View>
  );
}
