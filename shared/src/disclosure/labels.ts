import { STAGE_LABELS } from '../domain/people';
import type { PlanItem, Provider, StaffMember, StageSchedule } from '../domain/plan';
import { CATEGORY_LABELS, type Category, PROVIDER_LABELS } from '../policy';

export const WEEKDAY_LABELS: Record<number, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五' };

/** [1,2,3,4,5] → 周一至周五; [2,4] → 周二、周四. */
export function formatWeekdays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  if (!sorted.length) return '未定';
  const consecutive = sorted.every((day, i) => i === 0 || day === sorted[i - 1] + 1);
  if (consecutive && sorted.length >= 3) return `${WEEKDAY_LABELS[sorted[0]]}至${WEEKDAY_LABELS[sorted[sorted.length - 1]]}`;
  return sorted.map((d) => WEEKDAY_LABELS[d]).join('、');
}

export const categoryLabel = (category: string): string => CATEGORY_LABELS[category as Category] ?? category;

export const providerTypeLabel = (provider: Pick<Provider, 'type'>): string => PROVIDER_LABELS[provider.type];

export function describeSchedule(schedule: StageSchedule): string {
  const winter = schedule.winter ? `（冬季作息 ${schedule.winter.from} 至 ${schedule.winter.to} 结束于 ${schedule.winter.end}）` : '';
  return `${STAGE_LABELS[schedule.stage]}：${formatWeekdays(schedule.weekdays)} ${schedule.start}—${schedule.end}${winter}`;
}

export function describeBlocks(schedule: StageSchedule): string {
  return schedule.blocks.map((b) => `${b.title || categoryLabel(b.category)} ${b.minutes} 分钟`).join('；');
}

export function describeItemKind(item: Pick<PlanItem, 'kind' | 'capacity'>): string {
  if (item.kind === 'basic') return '基础托管（不设名额，自愿报名均可参加）';
  return item.capacity === undefined ? '社团' : `社团（名额 ${item.capacity} 人，报满后排队候补）`;
}

export const staffKindLabel = (member: Pick<StaffMember, 'kind'>): string => (member.kind === 'school' ? '本校教职工' : '外聘人员');

export const listStatusLabel = (provider: Pick<Provider, 'list'>): string =>
  provider.list === 'white' ? '白名单' : provider.list === 'black' ? '黑名单' : '未列入名单';
