import { chinaDateTime, chinaToday } from '@kehou/shared';
import type { GateRow } from '@kehou/shared/serviceday';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { useParams } from '../../ui/params';
import { ErrorCard, Loading } from '../../ui/states';

/** 放学交接: per child, handed to which listed adult, home alone (permit only) or still waiting; the shift head count. */
export default function GatePage() {
  const { classId = '', date: initial } = useParams();
  const date = initial ?? chinaToday();
  const sheet = useLoad(() => api.serviceday.getGateSheet({ classId, date }), [classId, date]);
  const [busy, setBusy] = useState<string | null>(null);
  const [fromActivity, setFromActivity] = useState('作业辅导');
  const [toActivity, setToActivity] = useState('社团活动');
  const [headCount, setHeadCount] = useState('');

  if (sheet.loading && !sheet.data) return <Loading />;
  if (sheet.error || !sheet.data) return <ErrorCard message={sheet.error ?? '加载失败'} onRetry={sheet.reload} />;
  const data = sheet.data;

  const hand = async (row: GateRow, kind: 'picker' | 'alone' | 'waiting', pickerIndex?: number) => {
    setBusy(row.studentId);
    try {
      await api.serviceday.recordHandover({
        classId,
        date,
        studentId: row.studentId,
        kind,
        revision: row.revision,
        ...(pickerIndex !== undefined ? { pickerIndex } : {}),
      });
      toast(kind === 'waiting' ? `${row.studentName}：仍在等待` : `${row.studentName}：已离校`, 'success');
    } catch (e) {
      toast((e as Error).message);
    }
    setBusy(null);
    await sheet.reload();
  };
  const confirmShift = async () => {
    if (headCount.trim() === '' || Number.isNaN(Number(headCount))) return toast('请填写清点的人数');
    setBusy('shift');
    try {
      const shift = await api.serviceday.confirmShiftHandover({ classId, date, fromActivity, toActivity, headCount: Number(headCount) });
      toast(shift.mismatch ? `人数不符：应到 ${shift.expected} 人，已报告学校` : '人数一致，交接完成', shift.mismatch ? 'none' : 'success');
      setHeadCount('');
    } catch (e) {
      toast((e as Error).message);
    }
    setBusy(null);
    await sheet.reload();
  };

  const { counts } = data;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">
          {data.className} 放学交接 · {date}
        </Text>
        <Text className="muted">
          服务时间 {data.start}—{data.end}。{data.flagAfter}{' '}
          后仍未交接的孩子会提醒班主任和学校，并通知家长。只能交给报名时填写的接送人；独自回家须已签署独自回家证。
        </Text>
        <Text className="section-note gate-counts">
          应交接 {counts.expected} 人：已交接 {counts.handed}，独自回家 {counts.alone}，等待中 {counts.waiting}，未记录 {counts.notYet}；请假 {counts.onLeave}
        </Text>
      </View>
      {data.rows.length === 0 && (
        <View className="card">
          <Text className="muted">这一天本班没有参加课后服务的学生。</Text>
        </View>
      )}
      {data.rows.map((row) => {
        const kind = row.handover?.kind;
        return (
          <View key={row.studentId} className="card gate-row">
            <View className="row">
              <Text className="card-title">{row.studentName}</Text>
              {row.overdue ? (
                <Text className="tag warn-text gate-overdue">超时未接</Text>
              ) : row.handover ? (
                <Text className={`tag gate-status ${kind === 'waiting' ? 'warn-text' : 'ok-text'}`}>{row.handover.label}</Text>
              ) : row.leave ? (
                <Text className="tag gate-leave">请假</Text>
              ) : null}
            </View>
            {row.leave && (
              <Text className="muted">
                请假：{row.leave.reason}
                {row.leave.late ? '（逾期报告）' : ''}
              </Text>
            )}
            {row.handover?.picker && (
              <Text className="muted">
                交给 {row.handover.picker.relation}
                {row.handover.picker.name} · {chinaDateTime(row.handover.at).slice(11)} · {row.handover.byName}
              </Text>
            )}
            {row.handover?.flaggedAt && <Text className="warn-text">放学后超时未接（已提醒学校和家长）</Text>}
            <View className="chip-row">
              {row.pickers.map((p) => (
                <Text
                  key={p.index}
                  className={`chip hand-to ${kind === 'picker' && row.handover?.picker?.name === p.name ? 'chip-on' : ''}`}
                  onClick={() => busy === null && void hand(row, 'picker', p.index)}
                >
                  交给{p.relation}
                  {p.name}
                </Text>
              ))}
              {row.aloneAllowed && (
                <Text className={`chip home-alone ${kind === 'alone' ? 'chip-on' : ''}`} onClick={() => busy === null && void hand(row, 'alone')}>
                  独自回家
                </Text>
              )}
              <Text className={`chip still-waiting ${kind === 'waiting' ? 'chip-on' : ''}`} onClick={() => busy === null && void hand(row, 'waiting')}>
                仍在等待
              </Text>
            </View>
            {row.pickers.length > 0 && <Text className="muted">接送人电话：{row.pickers.map((p) => `${p.name} ${p.phone}`).join('；')}</Text>}
          </View>
        );
      })}
      <View className="card shift-card">
        <Text className="card-title">交接班</Text>
        <Text className="muted">从一位老师交给下一位老师时，由接手的老师清点人数并确认；人数不符会报告学校。</Text>
        <View className="field">
          <Text className="field-label">交出的活动</Text>
          <Input className="input shift-from" value={fromActivity} maxlength={20} onInput={(e) => setFromActivity(e.detail.value)} />
        </View>
        <View className="field">
          <Text className="field-label">接手的活动</Text>
          <Input className="input shift-to" value={toActivity} maxlength={20} onInput={(e) => setToActivity(e.detail.value)} />
        </View>
        <View className="field">
          <Text className="field-label">清点人数</Text>
          <Input className="input shift-count" type="number" value={headCount} maxlength={3} onInput={(e) => setHeadCount(e.detail.value)} />
        </View>
        <View className="btn-row">
          <Button type="primary" className="confirm-shift" loading={busy === 'shift'} onClick={() => void confirmShift()}>
            确认人数
          </Button>
        </View>
        {data.shifts.map((s) => (
          <Text key={s.id} className={`section-note shift-row ${s.mismatch ? 'warn-text' : ''}`}>
            {s.fromActivity}→{s.toActivity}：清点 {s.counted} 人，应到 {s.expected} 人{s.mismatch ? '（人数不符）' : ''} · {s.byName}
          </Text>
        ))}
      </View>
    </View>
  );
}
