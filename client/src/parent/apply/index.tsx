import {
  type ApplicationForm,
  type ApplicationView,
  HARDSHIP_KIND_LABELS,
  HARDSHIP_KINDS,
  type HardshipKind,
  type Picker,
  WEEKDAY_LABELS,
  type Weekday,
} from '@kehou/shared';
import { applyInput, resubmitInput } from '@kehou/shared/enrollment/schemas';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { askConsents } from '../../ui/consents';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';
import { daysText } from '../components/labels';
import '../components/enrollment.scss';
import { useParams } from '../../ui/params';

type Item = ApplicationForm['publication']['items'][number];
type Problems = { success: false; error: { issues: { message: string }[] } };

/**
 * The form checked with the very schema the cloud function parses it with (its messages are the
 * parent's words): the first problem, or the call that sends the checked input.
 */
function checked<I, R>(
  schema: { safeParse: (form: unknown) => { success: true; data: I } | Problems },
  form: unknown,
  send: (input: I) => Promise<R>,
): string | (() => Promise<R>) {
  const result = schema.safeParse(form);
  return result.success ? () => send(result.data) : (result.error.issues[0]?.message ?? '请检查填写的内容');
}
const EDITABLE = ['returned', 'withdrawn'];
const emptyPicker = (): Picker => ({ name: '', relation: '', phone: '' });

function ItemChoice({ item, on, onToggle }: { item: Item; on: boolean; onToggle: () => void }) {
  const full = item.capacity !== undefined && (item.seatsTaken ?? 0) >= item.capacity;
  return (
    <View className={`choice-card item-choice ${on ? 'choice-card-on' : ''}`} onClick={onToggle}>
      <Text className="choice-title">
        <Text className="box">{on ? '☑' : '☐'}</Text>
        {item.name}
      </Text>
      <Text className="section-note">
        {item.kind === 'basic'
          ? '基础托管，不限人数，报名的孩子都能参加'
          : `社团，限 ${item.capacity ?? '不限'} 人${item.capacity !== undefined ? `，已录取 ${item.seatsTaken ?? 0} 人` : ''}`}
        {full ? '；名额已满，报名后按审核顺序候补' : ''}
      </Text>
      <Text className="section-note">时间：{daysText(item.weekdays)}</Text>
      <Text className="section-note">{item.description}</Text>
    </View>
  );
}

/** Apply for a child: days, items, pick-up, optional hardship. Nothing is chosen until the parent taps. */
export default function ApplyPage() {
  const { studentId = '' } = useParams();
  const form = useLoad(() => api.enrollment.getApplicationForm({ studentId }), [studentId]);
  const [days, setDays] = useState<Weekday[]>([]);
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [mode, setMode] = useState<'' | 'pickers' | 'alone'>('');
  const [pickers, setPickers] = useState<Picker[]>([emptyPicker()]);
  const [hardshipOn, setHardshipOn] = useState(false);
  const [hardshipKind, setHardshipKind] = useState<HardshipKind | ''>('');
  const [hardshipNote, setHardshipNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const existing = form.data?.application ?? null;
  // A returned or withdrawn application is corrected: start from the family's own earlier choices.
  useEffect(() => {
    if (!existing || !EDITABLE.includes(existing.status)) return;
    setDays(existing.days);
    setItemIds(existing.items.map((i) => i.itemId));
    setMode(existing.pickup.mode);
    if (existing.pickup.mode === 'pickers') setPickers(existing.pickup.pickers);
    const hardship = form.data?.hardship;
    if (hardship) {
      setHardshipOn(true);
      setHardshipKind(hardship.kind);
      setHardshipNote(hardship.note);
    }
  }, [existing?.applicationId, existing?.revision]);

  if (form.loading && !form.data) return <Loading />;
  if (form.error || !form.data) return <ErrorCard message={form.error ?? '加载失败'} onRetry={form.reload} />;
  const { student, term, publication } = form.data;
  const open = (view: ApplicationView) => void Taro.redirectTo({ url: `/parent/application/index?applicationId=${encodeURIComponent(view.applicationId)}` });

  if (existing && !EDITABLE.includes(existing.status)) {
    return (
      <View className="page">
        <View className="card">
          <Text className="card-title">{student.name} 已经报名</Text>
          <Text className="status-line">{existing.statusLabel}</Text>
          <Button size="small" onClick={() => open(existing)}>
            查看报名
          </Button>
        </View>
      </View>
    );
  }

  const toggleDay = (d: Weekday) => setDays(days.includes(d) ? days.filter((x) => x !== d) : [...days, d].sort());
  const toggleItem = (id: string) => setItemIds(itemIds.includes(id) ? itemIds.filter((x) => x !== id) : [...itemIds, id]);
  const setPicker = (i: number, key: keyof Picker, value: string) => setPickers(pickers.map((p, j) => (j === i ? { ...p, [key]: value } : p)));

  const submit = async () => {
    const cleaned = pickers.map((p) => ({ name: p.name.trim(), relation: p.relation.trim(), phone: p.phone.trim() })).filter((p) => p.name || p.phone);
    const choices = {
      days,
      itemIds,
      pickup: mode === 'pickers' ? { mode, pickers: cleaned } : { mode },
      hardship: hardshipOn ? { kind: hardshipKind, note: hardshipNote.trim() } : null,
    };
    const send = existing
      ? checked(resubmitInput, { applicationId: existing.applicationId, revision: existing.revision, ...choices }, api.enrollment.resubmitApplication)
      : checked(applyInput, { studentId, termId: term.termId, ...choices }, api.enrollment.submitApplication);
    if (typeof send === 'string') return setError(send);
    setError(null);
    setBusy(true);
    await askConsents('apply');
    try {
      open((await send()).application);
    } catch (e) {
      setError(e instanceof Error ? e.message : '提交失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">为{student.name}报名课后服务</Text>
        <Text className="muted">
          {student.schoolName} · {student.className} · {term.name}
        </Text>
        <Text className="notice">课后服务由家长自愿选择参加。请按孩子的需要选择，不选的项目不会被安排。</Text>
        {existing?.returnReason && <Text className="violation">学校退回的原因：{existing.returnReason}</Text>}
      </View>

      <View className="card">
        <Text className="card-title">参加哪几天</Text>
        <Text className="section-note">
          服务时间 {publication.start}—{publication.end}，接孩子时间 {publication.pickupTime}
        </Text>
        <View className="chip-row">
          {publication.weekdays.map((d) => (
            <Text key={d} className={`chip day-chip ${days.includes(d) ? 'chip-on' : ''}`} onClick={() => toggleDay(d)}>
              {WEEKDAY_LABELS[d]}
            </Text>
          ))}
        </View>
      </View>

      <View className="card">
        <Text className="card-title">参加哪些项目</Text>
        {publication.items.map((item) => (
          <ItemChoice key={item.id} item={item} on={itemIds.includes(item.id)} onToggle={() => toggleItem(item.id)} />
        ))}
      </View>

      <View className="card">
        <Text className="card-title">接送安排</Text>
        <Text className="section-note">{publication.pickupArrangement}</Text>
        <View className={`choice-card pickup-choice ${mode === 'pickers' ? 'choice-card-on' : ''}`} onClick={() => setMode('pickers')}>
          <Text className="choice-title">
            <Text className="box">{mode === 'pickers' ? '◉' : '○'}</Text>由家长或指定的人到校接
          </Text>
        </View>
        {mode === 'pickers' && (
          <View className="sub-card">
            {pickers.map((p, i) => (
              <View key={i} className="picker-row">
                <Input className="input picker-name" value={p.name} placeholder="姓名" maxlength={20} onInput={(e) => setPicker(i, 'name', e.detail.value)} />
                <Input
                  className="input picker-relation"
                  value={p.relation}
                  placeholder="关系"
                  maxlength={10}
                  onInput={(e) => setPicker(i, 'relation', e.detail.value)}
                />
                <Input
                  className="input picker-phone"
                  type="number"
                  value={p.phone}
                  placeholder="手机号"
                  maxlength={11}
                  onInput={(e) => setPicker(i, 'phone', e.detail.value)}
                />
                {pickers.length > 1 && (
                  <Text className="link" onClick={() => setPickers(pickers.filter((_, j) => j !== i))}>
                    删除
                  </Text>
                )}
              </View>
            ))}
            {pickers.length < 5 && (
              <Text className="link" onClick={() => setPickers([...pickers, emptyPicker()])}>
                ＋ 再加一位接送人
              </Text>
            )}
          </View>
        )}
        <View className={`choice-card pickup-choice ${mode === 'alone' ? 'choice-card-on' : ''}`} onClick={() => setMode('alone')}>
          <Text className="choice-title">
            <Text className="box">{mode === 'alone' ? '◉' : '○'}</Text>孩子独自回家
          </Text>
          <Text className="section-note">需要家长另行签署《独自回家证》，孩子每天随身携带。</Text>
        </View>
      </View>

      <View className="card">
        <Text className="card-title">家庭经济困难（选填）</Text>
        <Text className="section-note">只有学校管理员和班主任能看到，不会出现在任何名单或公开页面上。符合条件的可减免费用。</Text>
        <View className={`choice-card hardship-choice ${hardshipOn ? 'choice-card-on' : ''}`} onClick={() => setHardshipOn(!hardshipOn)}>
          <Text className="choice-title">
            <Text className="box">{hardshipOn ? '☑' : '☐'}</Text>申报家庭经济困难
          </Text>
        </View>
        {hardshipOn && (
          <View className="sub-card">
            <View className="chip-row">
              {HARDSHIP_KINDS.map((k) => (
                <Text key={k} className={`chip ${hardshipKind === k ? 'chip-on' : ''}`} onClick={() => setHardshipKind(k)}>
                  {HARDSHIP_KIND_LABELS[k]}
                </Text>
              ))}
            </View>
            <Textarea
              className="textarea"
              value={hardshipNote}
              maxlength={200}
              placeholder="补充说明（选填）"
              onInput={(e) => setHardshipNote(e.detail.value)}
            />
          </View>
        )}
      </View>

      {publication.feeLines.length > 0 && (
        <View className="card">
          <Text className="card-title">收费</Text>
          {publication.feeLines.map((l) => (
            <Text key={l.label} className="section-note">
              {l.label}：{l.text}
            </Text>
          ))}
        </View>
      )}

      <View className="card">
        {error && <Text className="error-text form-error">{error}</Text>}
        <Button type="primary" block loading={busy} className="submit-application" onClick={() => void submit()}>
          {existing ? '重新提交报名' : '提交报名'}
        </Button>
        <Text className="section-note">提交后由班主任初审、学校审核，名单公示后签署协议。</Text>
      </View>
    </View>
  );
}
