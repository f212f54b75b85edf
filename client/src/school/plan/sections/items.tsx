import type { PlanItem } from '@kehou/shared';
import { ALLOWED_CATEGORIES, CATEGORY_LABELS } from '@kehou/shared/policy';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../ui/nutui';
import { newId, useEditor } from '../editor-context';
import { Chips, FieldLabel, Issues, NumberField, OwnIssues, RemoveLink, TextField, Toggle, toggleIn, WEEKDAY_OPTIONS } from '../fields';

const CATEGORY_OPTIONS = ALLOWED_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
const KIND_OPTIONS = [
  { value: 'basic' as const, label: '基础托管（不设名额）' },
  { value: 'club' as const, label: '社团（有名额）' },
];

/** What parents choose from: the basic care service and clubs, each with its provider, staff and cost. */
export function ItemsSection() {
  const { content, change, readOnly } = useEditor();
  const providers = content.providers.map((p) => ({ value: p.id, label: p.name || '未命名' }));
  const staff = content.staff.map((m) => ({ value: m.id, label: m.name || '未填写姓名' }));
  const add = (kind: PlanItem['kind']) =>
    change((d) =>
      d.items.push({
        id: newId(kind),
        kind,
        name: '',
        category: kind === 'basic' ? 'homework' : 'club',
        description: '',
        weekdays: kind === 'basic' ? [1, 2, 3, 4, 5] : [],
        ...(kind === 'club' ? { capacity: 20 } : {}),
        providerId: d.providers[0]?.id ?? '',
        staffIds: [],
        costFen: 0,
        assignsHomework: false,
      }),
    );
  return (
    <View className="card" id="section-items">
      <Text className="card-title">服务项目</Text>
      <Text className="section-note">基础托管不得拒绝任何学生；社团可设名额，报满后排队候补。</Text>
      <OwnIssues path="items" />
      {content.items.map((item, i) => {
        const base = `items.${i}`;
        const edit = (fn: (draft: PlanItem) => void) => change((d) => fn(d.items[i]));
        return (
          <View key={item.id} className="sub-card item-card">
            <TextField label="项目名称" value={item.name} placeholder="如：篮球社" onChange={(v) => edit((x) => (x.name = v))} path={`${base}.name`} />
            <FieldLabel>类型</FieldLabel>
            <Chips
              options={KIND_OPTIONS}
              selected={[item.kind]}
              onToggle={(kind) =>
                edit((x) => {
                  x.kind = kind;
                  if (kind === 'basic') delete x.capacity;
                  else x.capacity = x.capacity ?? 20;
                })
              }
            />
            {item.kind === 'club' && (
              <NumberField label="名额（人）" value={item.capacity} onChange={(v) => edit((x) => (x.capacity = v))} path={`${base}.capacity`} />
            )}
            {item.kind === 'basic' && <Issues path={`${base}.capacity`} />}
            <FieldLabel>内容类别</FieldLabel>
            <Chips options={CATEGORY_OPTIONS} selected={[item.category]} onToggle={(c) => edit((x) => (x.category = c))} />
            <Issues path={`${base}.category`} />
            <TextField
              label="说明"
              value={item.description}
              multiline
              maxlength={500}
              placeholder="时间、地点、内容"
              onChange={(v) => edit((x) => (x.description = v))}
            />
            <FieldLabel>开展日</FieldLabel>
            <Chips options={WEEKDAY_OPTIONS} selected={item.weekdays} onToggle={(d) => edit((x) => (x.weekdays = toggleIn(x.weekdays, d).sort()))} />
            <Issues path={`${base}.weekdays`} />
            <FieldLabel>由谁提供</FieldLabel>
            <Chips options={providers} selected={[item.providerId]} onToggle={(id) => edit((x) => (x.providerId = id))} className="provider-chips" />
            <Issues path={`${base}.providerId`} />
            <FieldLabel>服务人员</FieldLabel>
            {staff.length ? (
              <Chips options={staff} selected={item.staffIds} onToggle={(id) => edit((x) => (x.staffIds = toggleIn(x.staffIds, id)))} />
            ) : (
              <Text className="section-note">请先在「服务人员」中添加人员。</Text>
            )}
            <Issues path={`${base}.staffIds`} />
            <NumberField
              label="费用（元／学年，用于预算）"
              money
              value={item.costFen}
              onChange={(v) => edit((x) => (x.costFen = v ?? 0))}
              path={`${base}.costFen`}
            />
            <View className="field">
              <Toggle label="布置作业" on={item.assignsHomework} onChange={(on) => edit((x) => (x.assignsHomework = on))} />
              <Issues path={`${base}.assignsHomework`} />
            </View>
            <RemoveLink onRemove={() => change((d) => d.items.splice(i, 1))} label="删除这个项目" />
          </View>
        );
      })}
      {!readOnly && (
        <View className="btn-row">
          <Button size="small" onClick={() => add('basic')}>
            添加基础托管
          </Button>
          <Button size="small" onClick={() => add('club')}>
            添加社团
          </Button>
        </View>
      )}
      <Issues path="expectedStudents" />
    </View>
  );
}
