import { chinaToday } from '@kehou/shared';
import { addDays } from '@kehou/shared/policy';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';

/** 004 §二(二): a parent signs up to be on duty at the child's school on a service day, and after the day writes a note for the committee. */
export default function ParentDuty() {
  const data = useLoad(async () => {
    const [home, mine] = await Promise.all([api.enrollment.getHome(), api.committee.listMyDuties()]);
    const schools = [...new Map(home.children.filter((c) => c.bindingStatus === 'confirmed').map((c) => [c.schoolId, c.schoolName])).entries()];
    return { schools, mine };
  });
  const [schoolIndex, setSchoolIndex] = useState(0);
  const [date, setDate] = useState(addDays(chinaToday(), 1));
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  if (data.loading && !data.data) return <Loading />;
  if (data.error || !data.data) return <ErrorCard message={data.error ?? '加载失败'} onRetry={data.reload} />;
  const { schools, mine } = data.data;
  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      toast(done, 'success');
      await data.reload();
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const schoolOf = (dutyId: string) => dutyId.split(':')[1];
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">到校值班</Text>
        <Text className="muted">家长代表可以在课后服务时间到校值班，协助和监督学校开展课后服务。学校确认后班主任会看到您的值班安排。</Text>
        {schools.length === 0 ? (
          <Text className="muted">绑定孩子并经班主任确认后可以报名。</Text>
        ) : (
          <View className="field">
            {schools.length > 1 && (
              <Picker mode="selector" range={schools.map((s) => s[1])} value={schoolIndex} onChange={(e) => setSchoolIndex(Number(e.detail.value))}>
                <View className="input">{schools[schoolIndex][1]}</View>
              </Picker>
            )}
            <Text className="field-label">值班日期（周一至周五）</Text>
            <Picker mode="date" value={date} start={chinaToday()} onChange={(e) => setDate(String(e.detail.value))}>
              <View className="input duty-date">{date}</View>
            </Picker>
            <View className="btn-row">
              <Button
                type="primary"
                size="small"
                className="duty-sign-up"
                disabled={busy}
                onClick={() => void run(() => api.committee.signUpDuty({ schoolId: schools[schoolIndex][0], date }), '已报名，等待学校确认')}
              >
                报名值班
              </Button>
            </View>
          </View>
        )}
      </View>
      {mine.length > 0 && (
        <View className="card">
          <Text className="card-title">我的值班</Text>
          {mine.map((d) => (
            <View key={d.dutyId} className="sub-card duty-item">
              <View className="row">
                <Text>{d.date}</Text>
                <Text className={d.status === 'confirmed' ? 'ok-text' : 'muted'}>{d.statusLabel}</Text>
              </View>
              {d.note && <Text className="section-note">值班记录：{d.note.text}</Text>}
              {d.status === 'confirmed' && d.date <= chinaToday() && (
                <View>
                  <Textarea
                    className="input duty-note"
                    value={notes[d.dutyId] ?? d.note?.text ?? ''}
                    placeholder="值班时看到的情况，会交给家委会"
                    maxlength={500}
                    onInput={(e) => setNotes({ ...notes, [d.dutyId]: e.detail.value })}
                  />
                  <Button
                    size="small"
                    className="duty-save-note"
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () => api.committee.writeDutyNote({ schoolId: schoolOf(d.dutyId), dutyId: d.dutyId, text: notes[d.dutyId] ?? '' }),
                        '已交给家委会',
                      )
                    }
                  >
                    保存值班记录
                  </Button>
                </View>
              )}
              {d.status !== 'cancelled' && d.date > chinaToday() && (
                <Text className="link" onClick={() => void run(() => api.committee.cancelDuty({ schoolId: schoolOf(d.dutyId), dutyId: d.dutyId }), '已取消')}>
                  取消
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
