import { STAGE_LABELS, type TimeBlock } from '@kehou/shared';
import { hasWinterTimetable } from '@kehou/shared/disclosure';
import { ALLOWED_CATEGORIES, CATEGORY_LABELS } from '@kehou/shared/policy';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../ui/nutui';
import { useEditor } from '../editor-context';
import { Chips, FieldLabel, Issues, NumberField, OwnIssues, RemoveLink, TextField, Toggle, toggleIn, WEEKDAY_OPTIONS } from '../fields';

const CATEGORY_OPTIONS = ALLOWED_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));

/** Service days and times per stage, the blocks of a service day, and the winter timetable where the profile has one. */
export function ScheduleSection() {
  const { content, change, profile, readOnly, view } = useEditor();
  const winter = hasWinterTimetable(profile);
  return (
    <View className="card" id="section-schedules">
      <Text className="card-title">服务时间</Text>
      <OwnIssues path="schedules" />
      {content.schedules.map((schedule, s) => {
        const base = `schedules.${s}`;
        const edit = (fn: (draft: (typeof content.schedules)[number]) => void) => change((d) => fn(d.schedules[s]));
        const minutes = schedule.blocks.reduce((sum, b) => sum + b.minutes, 0);
        return (
          <View key={schedule.stage} className="sub-card schedule-card">
            <Text className="field-label">{STAGE_LABELS[schedule.stage]}</Text>
            <FieldLabel>每周服务日</FieldLabel>
            <Chips options={WEEKDAY_OPTIONS} selected={schedule.weekdays} onToggle={(d) => edit((x) => (x.weekdays = toggleIn(x.weekdays, d).sort()))} />
            <Issues path={`${base}.weekdays`} />
            <View className="row">
              <TextField
                label="开始时间"
                value={schedule.start}
                placeholder="15:30"
                maxlength={5}
                onChange={(v) => edit((x) => (x.start = v))}
                path={`${base}.start`}
              />
              <TextField
                label="结束时间"
                value={schedule.end}
                placeholder="17:30"
                maxlength={5}
                onChange={(v) => edit((x) => (x.end = v))}
                path={`${base}.end`}
              />
            </View>

            {profile.fees.model.kind === 'per-period' && (
              <NumberField
                label="每天计费课时数（按课时收费；不填则按每 40 分钟一课时计）"
                value={schedule.periodsPerDay}
                onChange={(v) => edit((x) => (x.periodsPerDay = v))}
                path={`${base}.periodsPerDay`}
              />
            )}

            <FieldLabel>一天的安排</FieldLabel>
            <Text className="section-note">合计 {minutes} 分钟</Text>
            <OwnIssues path={`${base}.blocks`} />
            {schedule.blocks.map((block, b) => (
              <View key={b} className="sub-card block-card">
                <Chips options={CATEGORY_OPTIONS} selected={[block.category]} onToggle={(c) => edit((x) => (x.blocks[b].category = c))} />
                <Issues path={`${base}.blocks.${b}.category`} />
                <View className="row">
                  <NumberField label="分钟" value={block.minutes} onChange={(v) => edit((x) => (x.blocks[b].minutes = v ?? 0))} />
                  <TextField label="名称（可不填）" value={block.title ?? ''} onChange={(v) => edit((x) => (x.blocks[b].title = v || undefined))} />
                </View>
                <RemoveLink onRemove={() => edit((x) => x.blocks.splice(b, 1))} />
              </View>
            ))}
            {!readOnly && (
              <Button size="small" onClick={() => edit((x) => x.blocks.push({ category: 'homework', minutes: 30 } as TimeBlock))}>
                添加一个时段
              </Button>
            )}

            {winter && (
              <View className="field">
                <FieldLabel>冬季作息</FieldLabel>
                <Toggle
                  label="执行冬季作息"
                  on={!!schedule.winter}
                  onChange={(on) =>
                    edit((x) => (x.winter = on ? { end: '17:30', from: `${view.term.startDate.slice(0, 4)}-11-01`, to: view.term.endDate } : undefined))
                  }
                />
                {schedule.winter && (
                  <View>
                    <TextField
                      label="冬季结束时间"
                      value={schedule.winter.end}
                      maxlength={5}
                      onChange={(v) => edit((x) => (x.winter!.end = v))}
                      path={`${base}.winter.end`}
                    />
                    <View className="row">
                      <TextField
                        label="从"
                        value={schedule.winter.from}
                        maxlength={10}
                        placeholder="2026-11-01"
                        onChange={(v) => edit((x) => (x.winter!.from = v))}
                        path={`${base}.winter.from`}
                      />
                      <TextField label="到" value={schedule.winter.to} maxlength={10} onChange={(v) => edit((x) => (x.winter!.to = v))} />
                    </View>
                  </View>
                )}
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
