import { STAGE_LABELS, type TimeBlock } from '@kehou/shared';
import { hasWinterTimetable } from '@kehou/shared/disclosure';
import { LESSON_MINUTES, serviceMinutes } from '@kehou/shared/fees';
import { ALLOWED_CATEGORIES, CATEGORY_LABELS } from '@kehou/shared/policy';
import { Text, View } from '@tarojs/components';
import { fieldAnchor } from '../../../ui/form';
import { Button } from '../../../ui/nutui';
import { useEditor } from '../editor-context';
import {
  Chips,
  DateInput,
  FieldLabel,
  FieldPair,
  Issues,
  NumberField,
  OwnIssues,
  RemoveLink,
  TextField,
  TimeInput,
  Toggle,
  toggleIn,
  WEEKDAY_OPTIONS,
} from '../fields';

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
        const total = serviceMinutes({ start: schedule.start, end: schedule.end });
        return (
          <View key={schedule.stage} className="sub-card schedule-card">
            <Text className="field-label">{STAGE_LABELS[schedule.stage]}</Text>
            <FieldLabel>每周服务日</FieldLabel>
            <Chips options={WEEKDAY_OPTIONS} selected={schedule.weekdays} onToggle={(d) => edit((x) => (x.weekdays = toggleIn(x.weekdays, d).sort()))} />
            <Issues path={`${base}.weekdays`} />
            <FieldPair paths={[`${base}.start`, `${base}.end`]}>
              <TimeInput label="开始时间" className="schedule-start" value={schedule.start} onChange={(v) => edit((x) => (x.start = v))} />
              <TimeInput label="结束时间" className="schedule-end" value={schedule.end} onChange={(v) => edit((x) => (x.end = v))} />
            </FieldPair>

            {profile.fees.model.kind === 'per-period' && (
              <NumberField
                label={`每天计费课时数（按课时收费；不填则按每 ${LESSON_MINUTES} 分钟一课时计）`}
                value={schedule.periodsPerDay}
                onChange={(v) => edit((x) => (x.periodsPerDay = v))}
                path={`${base}.periodsPerDay`}
              />
            )}

            <View id={fieldAnchor(`${base}.blocks`)}>
              <FieldLabel>一天的安排</FieldLabel>
            </View>
            <Text className="section-note blocks-total">
              合计 {minutes} 分钟{total > 0 ? `，服务时间共 ${total} 分钟` : ''}
            </Text>
            <OwnIssues path={`${base}.blocks`} />
            {schedule.blocks.map((block, b) => (
              <View key={b} className="sub-card block-card">
                <Chips options={CATEGORY_OPTIONS} selected={[block.category]} onToggle={(c) => edit((x) => (x.blocks[b].category = c))} />
                <Issues path={`${base}.blocks.${b}.category`} />
                <FieldPair paths={[]}>
                  <NumberField label="分钟" className="block-minutes" value={block.minutes} onChange={(v) => edit((x) => (x.blocks[b].minutes = v ?? 0))} />
                  <TextField label="名称（可不填）" value={block.title ?? ''} onChange={(v) => edit((x) => (x.blocks[b].title = v || undefined))} />
                </FieldPair>
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
                    <TimeInput
                      label="冬季结束时间"
                      value={schedule.winter.end}
                      onChange={(v) => edit((x) => (x.winter!.end = v))}
                      path={`${base}.winter.end`}
                    />
                    <FieldPair paths={[`${base}.winter.from`, `${base}.winter.to`]}>
                      <DateInput
                        label="从"
                        value={schedule.winter.from}
                        min={view.term.startDate}
                        max={view.term.endDate}
                        onChange={(v) => edit((x) => (x.winter!.from = v))}
                      />
                      <DateInput
                        label="到"
                        value={schedule.winter.to}
                        min={view.term.startDate}
                        max={view.term.endDate}
                        onChange={(v) => edit((x) => (x.winter!.to = v))}
                      />
                    </FieldPair>
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
