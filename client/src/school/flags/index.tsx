import { chinaDateTime, chinaToday } from '@kehou/shared';
import { addDays } from '@kehou/shared/policy';
import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { useParams } from '../../ui/params';
import { ErrorCard, Loading } from '../../ui/states';

/** 放学安全提醒: the school's children not handed over in time and head counts that did not match, and the service-day settings. */
export default function SchoolFlags() {
  const { schoolId = '', date: initial } = useParams();
  const [date, setDate] = useState(initial ?? chinaToday());
  const flags = useLoad(() => api.serviceday.listSchoolFlags({ schoolId, date }), [schoolId, date]);
  const [cutoff, setCutoff] = useState('');
  const [margin, setMargin] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (flags.data) {
      setCutoff(flags.data.settings.leaveCutoff);
      setMargin(String(flags.data.settings.pickupMarginMinutes));
    }
  }, [flags.data]);

  const nav = (
    <View className="card row">
      <Text className="link prev-day" onClick={() => setDate(addDays(date, -1))}>
        ‹ 前一天
      </Text>
      <Text>{date}</Text>
      <Text className="link next-day" onClick={() => setDate(addDays(date, 1))}>
        后一天 ›
      </Text>
    </View>
  );
  if (flags.loading && !flags.data) return <Loading />;
  if (flags.error || !flags.data) {
    return (
      <View className="page">
        {nav}
        <ErrorCard message={flags.error ?? '加载失败'} onRetry={flags.reload} />
      </View>
    );
  }
  const data = flags.data;
  const save = async () => {
    setSaving(true);
    try {
      await api.serviceday.setServiceDaySettings({ schoolId, leaveCutoff: cutoff, pickupMarginMinutes: Number(margin) });
      toast('已保存', 'success');
      await flags.reload();
    } catch (e) {
      toast((e as Error).message);
    }
    setSaving(false);
  };

  return (
    <View className="page">
      {nav}
      <View className="card">
        <Text className="card-title">放学安全提醒</Text>
        <Text className="section-note school-flag-counts">
          超时未接 {data.counts.uncollected} 人（仍在等待 {data.counts.stillWaiting} 人）；交接班人数不符 {data.counts.headCount} 次
        </Text>
        {data.flags.length === 0 && <Text className="muted">这一天没有需要处理的提醒。</Text>}
        {data.flags.map((flag) =>
          flag.kind === 'uncollected' ? (
            <View key={`u-${flag.studentId}`} className="sub-card school-flag">
              <View className="row">
                <Text>
                  {flag.className} {flag.studentName}
                </Text>
                <Text className={`tag ${flag.handover.kind === 'waiting' ? 'warn-text' : 'ok-text'}`}>
                  {flag.handover.kind === 'waiting' ? '仍在等待' : `已离校：${flag.handover.label}`}
                </Text>
              </View>
              <Text className="muted">{chinaDateTime(flag.flaggedAt).slice(11)} 放学后超时未接，已通知家长和班主任</Text>
            </View>
          ) : (
            <View key={`s-${flag.shift.id}`} className="sub-card school-flag">
              <Text>
                {flag.className} 交接班 {flag.shift.fromActivity}→{flag.shift.toActivity}
              </Text>
              <Text className="warn-text">
                清点 {flag.shift.counted} 人，应到 {flag.shift.expected} 人 · {flag.shift.byName}
              </Text>
              {flag.shift.note && <Text className="muted">{flag.shift.note}</Text>}
            </View>
          ),
        )}
      </View>
      <View className="card">
        <Text className="card-title">服务日设置</Text>
        <View className="field">
          <Text className="field-label">当天请假截止时间（之后请假记为逾期）</Text>
          <Input className="input leave-cutoff" value={cutoff} maxlength={5} placeholder="12:00" onInput={(e) => setCutoff(e.detail.value)} />
        </View>
        <View className="field">
          <Text className="field-label">放学后多少分钟仍未接走就提醒</Text>
          <Input className="input pickup-margin" type="number" value={margin} maxlength={3} onInput={(e) => setMargin(e.detail.value)} />
        </View>
        <View className="btn-row">
          <Button type="primary" className="save-serviceday-settings" loading={saving} onClick={() => void save()}>
            保存设置
          </Button>
        </View>
      </View>
    </View>
  );
}
