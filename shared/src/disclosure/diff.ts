import { STAGE_LABELS } from '../domain/people';
import type { PlanContent, PlanItem, Provider, StaffMember, StageSchedule } from '../domain/plan';
import { FEE_SETTING_LABELS } from './fee-settings';
import { yuan } from './fee-text';
import { categoryLabel, describeBlocks, formatWeekdays, listStatusLabel, providerTypeLabel, staffKindLabel } from './labels';
import type { PlanChange } from './types';

type Field<T> = [key: string, label: string, show: (value: T) => string];

const yesNo = (value: boolean) => (value ? '是' : '否');

/**
 * What changed between two versions of a plan, in words a reviewer or parent reads: items, staff
 * and providers matched by id, schedules by stage, attachments by filing document.
 */
export function diffPlanContent(before: PlanContent, after: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  const staffName = (content: PlanContent) => (ids: string[]) => ids.map((id) => content.staff.find((s) => s.id === id)?.name ?? id).join('、') || '无';
  const providerName = (content: PlanContent) => (id: string) => content.providers.find((p) => p.id === id)?.name ?? '未选择';

  const scheduleFields: Field<StageSchedule>[] = [
    ['weekdays', '服务日', (s) => formatWeekdays(s.weekdays)],
    ['start', '开始时间', (s) => s.start],
    ['end', '结束时间', (s) => s.end],
    ['blocks', '时段安排', (s) => describeBlocks(s) || '无'],
    ['winter', '冬季作息', (s) => (s.winter ? `${s.winter.from} 至 ${s.winter.to} 结束于 ${s.winter.end}` : '无')],
  ];
  compareById(
    changes,
    before.schedules,
    after.schedules,
    (s) => s.stage,
    (s) => `服务时间（${STAGE_LABELS[s.stage]}）`,
    'schedules',
    scheduleFields,
    (s) => `${formatWeekdays(s.weekdays)} ${s.start}—${s.end}`,
  );

  const itemFields = (content: PlanContent): Field<PlanItem>[] => [
    ['name', '名称', (i) => i.name],
    ['kind', '类型', (i) => (i.kind === 'basic' ? '基础托管' : '社团')],
    ['category', '内容类别', (i) => categoryLabel(i.category)],
    ['description', '说明', (i) => i.description],
    ['weekdays', '开展日', (i) => formatWeekdays(i.weekdays)],
    ['capacity', '名额', (i) => (i.capacity === undefined ? '不设名额' : `${i.capacity} 人`)],
    ['providerId', '提供方', (i) => providerName(content)(i.providerId)],
    ['staffIds', '服务人员', (i) => staffName(content)(i.staffIds)],
    ['costFen', '费用', (i) => yuan(i.costFen)],
    ['assignsHomework', '布置作业', (i) => yesNo(i.assignsHomework)],
  ];
  compareById(
    changes,
    before.items,
    after.items,
    (i) => i.id,
    (i) => `服务项目「${i.name}」`,
    'items',
    itemFields(after),
    (i) => i.name,
    itemFields(before),
  );

  const staffFields: Field<StaffMember>[] = [
    ['name', '姓名', (m) => m.name],
    ['kind', '身份', (m) => staffKindLabel(m)],
    ['duty', '职责', (m) => m.duty],
    ['vetted', '已审核', (m) => yesNo(m.vetted)],
  ];
  compareById(
    changes,
    before.staff,
    after.staff,
    (m) => m.id,
    (m) => `服务人员「${m.name}」`,
    'staff',
    staffFields,
    (m) => `${m.name}（${m.duty}）`,
  );

  const providerFields: Field<Provider>[] = [
    ['name', '名称', (p) => p.name],
    ['type', '类型', (p) => providerTypeLabel(p)],
    ['vetted', '已审核', (p) => yesNo(p.vetted)],
    ['list', '黑白名单', (p) => listStatusLabel(p)],
  ];
  compareById(
    changes,
    before.providers,
    after.providers,
    (p) => p.id,
    (p) => `服务机构「${p.name}」`,
    'providers',
    providerFields,
    (p) => p.name,
  );

  const texts: [string, string, (c: PlanContent) => string][] = [
    ['safety.measures', '安全措施', (c) => c.safety.measures],
    ['safety.emergencyPlan', '应急预案', (c) => c.safety.emergencyPlan],
    ['pickup.arrangement', '接送安排', (c) => c.pickup.arrangement],
    ['pickup.pickupTime', '接送时间', (c) => c.pickup.pickupTime],
    ['feeSettings.termFeeFen', FEE_SETTING_LABELS.termFeeFen, (c) => (c.feeSettings.termFeeFen === undefined ? '未设置' : yuan(c.feeSettings.termFeeFen))],
    ['feeSettings.seniorMarkupPercent', FEE_SETTING_LABELS.seniorMarkupPercent, (c) => percent(c.feeSettings.seniorMarkupPercent)],
    [
      'feeSettings.otherHardshipReductionPercent',
      FEE_SETTING_LABELS.otherHardshipReductionPercent,
      (c) => percent(c.feeSettings.otherHardshipReductionPercent),
    ],
    ['funding', '经费', (c) => c.funding],
    ['expectedStudents', '预计参与人数', (c) => `${c.expectedStudents} 人`],
  ];
  for (const [path, label, show] of texts) {
    const a = show(before);
    const b = show(after);
    if (a !== b) changes.push({ kind: 'changed', path, label, before: a, after: b });
  }

  const beforeFiles = new Map(before.attachments.map((a) => [a.key, a]));
  const afterFiles = new Map(after.attachments.map((a) => [a.key, a]));
  for (const [key, file] of afterFiles) {
    const old = beforeFiles.get(key);
    if (!old) changes.push({ kind: 'added', path: `attachments.${key}`, label: `备案材料「${file.name}」`, after: file.name });
    else if (old.fileId !== file.fileId) changes.push({ kind: 'changed', path: `attachments.${key}`, label: '备案材料', before: old.name, after: file.name });
  }
  for (const [key, file] of beforeFiles) {
    if (!afterFiles.has(key)) changes.push({ kind: 'removed', path: `attachments.${key}`, label: `备案材料「${file.name}」`, before: file.name });
  }
  return changes;
}

const percent = (value: number | undefined) => (value === undefined ? '未设置' : `${value}%`);

function compareById<T>(
  changes: PlanChange[],
  before: T[],
  after: T[],
  keyOf: (row: T) => string,
  labelOf: (row: T) => string,
  section: string,
  fields: Field<T>[],
  summary: (row: T) => string,
  beforeFields: Field<T>[] = fields,
) {
  const old = new Map(before.map((row) => [keyOf(row), row]));
  const now = new Map(after.map((row) => [keyOf(row), row]));
  after.forEach((row, index) => {
    const previous = old.get(keyOf(row));
    if (!previous) {
      changes.push({ kind: 'added', path: `${section}.${index}`, label: labelOf(row), after: summary(row) });
      return;
    }
    fields.forEach(([key, fieldLabel, show], f) => {
      const a = beforeFields[f][2](previous);
      const b = show(row);
      if (a !== b) changes.push({ kind: 'changed', path: `${section}.${index}.${key}`, label: `${labelOf(row)} · ${fieldLabel}`, before: a, after: b });
    });
  });
  before.forEach((row) => {
    if (!now.has(keyOf(row))) changes.push({ kind: 'removed', path: section, label: labelOf(row), before: summary(row) });
  });
}
