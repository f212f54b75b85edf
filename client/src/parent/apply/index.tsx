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
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { askConsents } from '../../ui/consents';
import { Checkbox, ChoiceTags, Field, FieldError, Form, fieldAnchor, hasDraft, LimitedText, Radio, useDraft, useFormErrors } from '../../ui/form';
import { Button } from '../../ui/nutui';
import '../../ui/form/form.scss';
import { ErrorCard, Loading } from '../../ui/states';
import { daysText } from '../components/labels';
import '../components/enrollment.scss';
import { useParams } from '../../ui/params';

type Item = ApplicationForm['publication']['items'][number];

const EDITABLE = ['returned', 'withdrawn'];
const emptyPicker = (): Picker => ({ name: '', relation: '', phone: '' });
/** The page's fields top to bottom: the first problem scrolled to is the first one on the page. */
const ORDER = ['days', 'itemIds', 'pickup', 'hardship'];

interface Draft {
  days: Weekday[];
  itemIds: string[];
  mode: '' | 'pickers' | 'alone';
  pickers: Picker[];
  hardshipOn: boolean;
  hardshipKind: HardshipKind | '';
  hardshipNote: string;
}

function ItemChoice({ item, on, onToggle }: { item: Item; on: boolean; onToggle: () => void }) {
  const full = item.capacity !== undefined && (item.seatsTaken ?? 0) >= item.capacity;
  return (
    <View className={`choice-card item-choice ${on ? 'choice-card-on' : ''}`} onClick={onToggle}>
      <View className="choice-title">
        <Checkbox checked={on} label={item.name} onChange={() => undefined} />
      </View>
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

/**
 * Apply for a child: days, items, pick-up, optional hardship. Nothing is chosen until the parent
 * taps. Checked with the very schema the cloud function parses the application with: every
 * problem shows under its field at once and the page scrolls to the first. What was chosen is
 * kept on the phone until it is sent (going back and coming again finds it).
 */
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
  const [restored, setRestored] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = useFormErrors();

  const existing = form.data?.application ?? null;
  const editable = !!form.data && (!existing || EDITABLE.includes(existing.status));
  const draftValue: Draft = { days, itemIds, mode, pickers, hardshipOn, hardshipKind, hardshipNote };
  const draft = useDraft<Draft>(
    `apply:${studentId}`,
    draftValue,
    (kept) => {
      setDays(kept.days ?? []);
      setItemIds(kept.itemIds ?? []);
      setMode(kept.mode ?? '');
      setPickers(kept.pickers?.length ? kept.pickers : [emptyPicker()]);
      setHardshipOn(!!kept.hardshipOn);
      setHardshipKind(kept.hardshipKind ?? '');
      setHardshipNote(kept.hardshipNote ?? '');
      setRestored(true);
    },
    editable,
  );
  // A returned or withdrawn application is corrected: start from the family's own earlier choices.
  useEffect(() => {
    if (!existing || !EDITABLE.includes(existing.status) || hasDraft(`apply:${studentId}`)) return;
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
  const { student, term, publication, me } = form.data;
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

  const chooseDays = (next: Weekday[]) => {
    problems.clear('days');
    setDays([...next].sort());
  };
  const toggleItem = (id: string) => {
    problems.clear('itemIds');
    setItemIds(itemIds.includes(id) ? itemIds.filter((x) => x !== id) : [...itemIds, id]);
  };
  const choosePickup = (next: 'pickers' | 'alone') => {
    problems.clear('pickup');
    setMode(next);
    // The parent themself, as they bound, is offered as the first pick-up adult.
    if (next === 'pickers' && pickers.length === 1 && !pickers[0]?.name && !pickers[0]?.phone && me.name) setPickers([{ ...me }]);
  };
  const setPicker = (i: number, key: keyof Picker, value: string) => {
    problems.clear(`pickup.pickers.${i}.${key}`);
    setPickers(pickers.map((p, j) => (j === i ? { ...p, [key]: value } : p)));
  };

  const submit = async () => {
    const cleaned = pickers
      .map((p) => ({ name: p.name.trim(), relation: p.relation.trim(), phone: p.phone.trim() }))
      .filter((p) => p.name || p.relation || p.phone);
    const choices = {
      days,
      itemIds,
      pickup: mode === 'pickers' ? { mode, pickers: cleaned } : mode === 'alone' ? { mode } : undefined,
      hardship: hardshipOn ? { kind: hardshipKind, note: hardshipNote.trim() } : null,
    };
    setError(null);
    const send = existing
      ? () => {
          const input = problems.check(resubmitInput, { applicationId: existing.applicationId, revision: existing.revision, ...choices }, ORDER);
          return input && (() => api.enrollment.resubmitApplication(input));
        }
      : () => {
          const input = problems.check(applyInput, { studentId, termId: term.termId, ...choices }, ORDER);
          return input && (() => api.enrollment.submitApplication(input));
        };
    const call = send();
    if (!call) return;
    setBusy(true);
    await askConsents('apply');
    try {
      const { application } = await call();
      draft.discard();
      open(application);
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
        {restored && <Text className="section-note draft-restored">已恢复您上次没有提交的填写内容。</Text>}
      </View>

      <Form className="kehou-form apply-form" labelPosition="top" divider>
        <Field
          path="days"
          label="参加哪几天"
          required
          error={problems.under('days')}
          hint={`服务时间 ${publication.start}—${publication.end}，接孩子时间 ${publication.pickupTime}`}
        >
          <ChoiceTags
            className="day-chip"
            options={publication.weekdays.map((d) => ({ value: d, label: WEEKDAY_LABELS[d] }))}
            value={days}
            onChange={chooseDays}
          />
        </Field>

        <Field path="itemIds" label="参加哪些项目" required error={problems.under('itemIds')}>
          {publication.items.map((item) => (
            <ItemChoice key={item.id} item={item} on={itemIds.includes(item.id)} onToggle={() => toggleItem(item.id)} />
          ))}
        </Field>

        <Field path="pickup" label="接送安排" required error={problems.at('pickup') ?? problems.at('pickup.mode') ?? problems.at('pickup.pickers')}>
          <Text className="section-note">{publication.pickupArrangement}</Text>
          <Radio.Group value={mode} onChange={(value) => choosePickup(value as 'pickers' | 'alone')}>
            <View className={`choice-card pickup-choice ${mode === 'pickers' ? 'choice-card-on' : ''}`} onClick={() => choosePickup('pickers')}>
              <View className="choice-title">
                <Radio value="pickers">由家长或指定的人到校接</Radio>
              </View>
            </View>
            {mode === 'pickers' && (
              <View className="sub-card">
                {pickers.map((p, i) => (
                  <View key={i} className="picker-block">
                    <Text className="section-note">第 {i + 1} 位接送人</Text>
                    <View className="picker-row">
                      <Input
                        id={fieldAnchor(`pickup.pickers.${i}.name`)}
                        className="input picker-name"
                        value={p.name}
                        placeholder="姓名"
                        onInput={(e) => setPicker(i, 'name', e.detail.value)}
                      />
                      <Input
                        id={fieldAnchor(`pickup.pickers.${i}.relation`)}
                        className="input picker-relation"
                        value={p.relation}
                        placeholder="关系"
                        onInput={(e) => setPicker(i, 'relation', e.detail.value)}
                      />
                    </View>
                    <View className="picker-row">
                      <Input
                        id={fieldAnchor(`pickup.pickers.${i}.phone`)}
                        className="input picker-phone"
                        type="number"
                        value={p.phone}
                        placeholder="11 位手机号"
                        maxlength={11}
                        onInput={(e) => setPicker(i, 'phone', e.detail.value)}
                      />
                      {pickers.length > 1 && (
                        <Text className="link" onClick={() => setPickers(pickers.filter((_, j) => j !== i))}>
                          删除
                        </Text>
                      )}
                    </View>
                    {(['name', 'relation', 'phone'] as const).map((key) => (
                      <FieldError key={key} path={`pickup.pickers.${i}.${key}-error`} error={problems.at(`pickup.pickers.${i}.${key}`)} />
                    ))}
                  </View>
                ))}
                {pickers.length < 5 && (
                  <Text className="link" onClick={() => setPickers([...pickers, emptyPicker()])}>
                    ＋ 再加一位接送人
                  </Text>
                )}
              </View>
            )}
            <View className={`choice-card pickup-choice ${mode === 'alone' ? 'choice-card-on' : ''}`} onClick={() => choosePickup('alone')}>
              <View className="choice-title">
                <Radio value="alone">孩子独自回家</Radio>
              </View>
              <Text className="section-note">需要家长另行签署《独自回家证》，孩子每天随身携带。</Text>
            </View>
          </Radio.Group>
        </Field>

        <Field path="hardship" label="家庭经济困难（选填）" error={problems.under('hardship')}>
          <Text className="section-note">只有学校管理员和班主任能看到，不会出现在任何名单或公开页面上。符合条件的可减免费用。</Text>
          <View className={`choice-card hardship-choice ${hardshipOn ? 'choice-card-on' : ''}`} onClick={() => setHardshipOn(!hardshipOn)}>
            <View className="choice-title">
              <Checkbox checked={hardshipOn} label="申报家庭经济困难" onChange={() => undefined} />
            </View>
          </View>
          {hardshipOn && (
            <View className="sub-card">
              <ChoiceTags
                single
                className="hardship-kind"
                options={HARDSHIP_KINDS.map((k) => ({ value: k, label: HARDSHIP_KIND_LABELS[k] }))}
                value={hardshipKind ? [hardshipKind] : []}
                onChange={(next) => {
                  problems.clear('hardship');
                  setHardshipKind(next[0] ?? '');
                }}
              />
              <LimitedText className="hardship-note" value={hardshipNote} limit={200} placeholder="补充说明（选填）" onChange={setHardshipNote} />
            </View>
          )}
        </Field>
      </Form>

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
        {problems.count > 0 && <Text className="error-text form-error">有 {problems.count} 处需要修改，已在对应位置标出。</Text>}
        {error && <Text className="error-text form-error">{error}</Text>}
        <Button type="primary" block loading={busy} className="submit-application" onClick={() => void submit()}>
          {existing ? '重新提交报名' : '提交报名'}
        </Button>
        <Text className="section-note">提交后由班主任初审、学校审核，名单公示后签署协议。</Text>
      </View>
    </View>
  );
}
