import { chinaDate, chinaToday, PLAN_STATUS_LABELS, STAGE_LABELS } from '@kehou/shared';
import { DEADLINE_LABELS } from '@kehou/shared/bureau';
import { formatYuan } from '@kehou/shared/policy';
import { Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { go, toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';

const newRequestId = () => `insp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** One school behind its dashboard row: filing, participation by stage, clubs, feedback by topic, fees, and the inspection notes (000 §四(六)). */
export default function BureauSchoolPage() {
  const { schoolId = '' } = useRouter().params;
  const detail = useLoad(() => api.bureau.getSchoolDetail({ schoolId }), [schoolId]);
  const [findings, setFindings] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  if (detail.loading && !detail.data) return <Loading />;
  if (detail.error || !detail.data) return <ErrorCard message={detail.error ?? '加载失败'} onRetry={detail.reload} />;
  const { summary: s, clubs, feedbackByTopic, notes } = detail.data;
  const record = async () => {
    setBusy(true);
    try {
      await api.bureau.recordInspection({ schoolId, requestId, date: chinaToday(), findings, followUp });
      toast('已记录', 'success');
      setFindings('');
      setFollowUp('');
      setRequestId(newRequestId());
      await detail.reload();
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page bureau-school">
      <View className="card">
        <Text className="card-title">{s.schoolName}</Text>
        <Text className="muted">
          {s.termName} · 方案{s.plan.status === 'none' ? '未编写' : PLAN_STATUS_LABELS[s.plan.status]} · {DEADLINE_LABELS[s.plan.deadlineState]}
          {s.plan.deadline ? `（期限 ${s.plan.deadline}${s.plan.filedOn ? `，${s.plan.filedOn} 提交` : ''}）` : ''}
        </Text>
        {s.termId && s.plan.status !== 'none' && (
          <View className="btn-row">
            <Text
              className="link open-filing"
              onClick={() => go(`/bureau/review/index?schoolId=${encodeURIComponent(schoolId)}&termId=${encodeURIComponent(s.termId!)}`)}
            >
              查看备案材料
            </Text>
          </View>
        )}
      </View>
      <View className="card">
        <Text className="card-title">参加情况</Text>
        {s.participation.byStage.map((b) => (
          <Text key={b.stage} className="section-note">
            {STAGE_LABELS[b.stage]}：在籍 {b.onRoll} 人，参加 {b.enrolled} 人
          </Text>
        ))}
        <Text className="section-note">报名中及参加 {s.participation.applied} 人</Text>
      </View>
      <View className="card">
        <Text className="card-title">社团名额</Text>
        {clubs.length === 0 && <Text className="muted">没有限额的社团。</Text>}
        {clubs.map((c) => (
          <Text key={c.name} className="section-note">
            {c.name}：{c.taken}/{c.capacity}，候补 {c.waiting} 人
          </Text>
        ))}
      </View>
      <View className="card">
        <Text className="card-title">收费与退费</Text>
        <Text className="section-note">
          通知 {s.fees.notices} 份 · 应收 {formatYuan(s.fees.grossFen)} · 减免 {formatYuan(s.fees.waivedFen)} · 政府承担 {formatYuan(s.fees.governmentShareFen)}
        </Text>
        <Text className="section-note">
          已收 {formatYuan(s.fees.paidFen)} · 未缴 {formatYuan(s.fees.outstandingFen)} · 退费 {s.refunds.approved} 笔 {formatYuan(s.refunds.refundFen)}，待审{' '}
          {s.refunds.requested} 笔
        </Text>
      </View>
      <View className="card">
        <Text className="card-title">家长意见与满意度</Text>
        {feedbackByTopic.map((t) => (
          <Text key={t.topic} className="section-note">
            {t.label}：{t.total} 条，待处理 {t.open} 条
          </Text>
        ))}
        <Text className="section-note">
          满意度：{s.satisfaction.average ?? '不足 5 份，不显示'}（{s.satisfaction.answers} 份）
        </Text>
      </View>
      <View className="card">
        <Text className="card-title">督导记录</Text>
        {notes.map((n) => (
          <View key={n.noteId} className="sub-card inspection-note">
            <Text className="section-note">
              {n.date} · {n.byName}
            </Text>
            <Text>发现：{n.findings}</Text>
            <Text>整改要求：{n.followUp}</Text>
            {n.answers.map((a) => (
              <Text key={a.at} className="section-note ok-text">
                学校答复（{chinaDate(a.at)}）：{a.text}
              </Text>
            ))}
            {n.answers.length === 0 && <Text className="warn-text">学校尚未答复</Text>}
          </View>
        ))}
        <View className="field">
          <Text className="field-label">记录一次督导检查</Text>
          <Textarea
            className="input inspection-findings"
            value={findings}
            placeholder="发现的问题"
            maxlength={1000}
            onInput={(e) => setFindings(e.detail.value)}
          />
          <Textarea
            className="input inspection-follow-up"
            value={followUp}
            placeholder="整改要求"
            maxlength={500}
            onInput={(e) => setFollowUp(e.detail.value)}
          />
          <View className="btn-row">
            <Button
              type="primary"
              size="small"
              className="record-inspection"
              disabled={busy || findings.trim().length < 2 || followUp.trim().length < 2}
              onClick={() => void record()}
            >
              保存督导记录
            </Button>
          </View>
        </View>
      </View>
    </View>
  );
}
