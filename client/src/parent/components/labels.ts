import { chinaShortDateTime, type ItemView, type PickupArrangement, WEEKDAY_LABELS, type Weekday } from '@kehou/shared';

export function placementText(item: Pick<ItemView, 'kind' | 'placement' | 'waitingPosition'>): string {
  switch (item.placement) {
    case 'basic':
      return '不限人数';
    case 'placed':
      return '已录取';
    case 'waiting':
      return `候补第 ${item.waitingPosition} 位`;
    case 'left':
      return '已退出';
    default:
      return '待审核';
  }
}

export const daysText = (days: Weekday[]) => days.map((d) => WEEKDAY_LABELS[d]).join('、');

export function pickupText(pickup: PickupArrangement): string {
  if (pickup.mode === 'alone') return '孩子独自回家（需签《独自回家证》）';
  return pickup.pickers.map((p) => `${p.name}（${p.relation}，${p.phone}）`).join('；');
}

/** 2026-11-23T07:20:00Z → 11月23日 15:20 (China time). */
export const shortTime = chinaShortDateTime;

export const STATUS_CLASS: Record<string, string> = {
  returned: 'warn-text',
  'withdrawal-requested': 'warn-text',
  withdrawn: 'muted',
  active: 'ok-text',
};
