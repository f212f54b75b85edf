import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { go, toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';
import { useHome } from '../../ui/use-home';

/**
 * The duty roster of a school (004 §二(二)): the school confirms sign-ups, the class teachers see
 * who is on duty, the committee reads the duty notes.
 */
export default function DutyRosterPage() {
  const { schoolId = '' } = useRouter().params;
  const home = useHome();
  const roster = useLoad(() => api.committee.getDutyRoster({ schoolId }), [schoolId]);
  const [busy, setBusy] = useState(false);
  if (roster.loading && !roster.data) return <Loading />;
  if (roster.error || !roster.data) return <ErrorCard message={roster.error ?? '加载失败'} onRetry={roster.reload} />;
  const admin = (home.data?.schools ?? []).some((s) => s.schoolId === schoolId && s.as === 'admin');
  const committee = (home.data?.schools ?? []).some((s) => s.schoolId === schoolId && s.as === 'committee');
  const decide = async (dutyId: string, decision: 'confirm' | 'decline') => {
    setBusy(true);
    try {
      await api.committee.decideDuty({ schoolId, dutyId, decision });
      toast(decision === 'confirm' ? '已确认' : '已告知不安排', 'success');
      await roster.reload();
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const r = roster.data;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{r.schoolName} · 家长值班</Text>
        <Text className="muted">
          {r.from} 至 {r.to}，每天最多 {r.perDay} 位家长。
        </Text>
        {committee && (
          <View className="btn-row">
            <Text className="link" onClick={() => go('/parent/duty/index')}>
              我也要报名值班
            </Text>
          </View>
        )}
      </View>
      <View className="card">
        {r.items.length === 0 && <Text className="muted">这段时间没有家长值班。</Text>}
        {r.items.map((d) => (
          <View key={d.dutyId} className="sub-card duty-roster-item">
            <View className="row">
              <Text>
                {d.date} · {d.name}（{d.as === 'committee' ? '家委会' : '家长'}）
              </Text>
              <Text className={d.status === 'confirmed' ? 'ok-text' : 'warn-text'}>{d.statusLabel}</Text>
            </View>
            {r.seesNotes && d.note && <Text className="section-note duty-note-text">值班记录：{d.note.text}</Text>}
            {admin && d.status === 'pending' && (
              <View className="btn-row">
                <Button size="small" type="primary" className="duty-confirm" disabled={busy} onClick={() => void decide(d.dutyId, 'confirm')}>
                  确认
                </Button>
                <Button size="small" disabled={busy} onClick={() => void decide(d.dutyId, 'decline')}>
                  不安排
                </Button>
              </View>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
