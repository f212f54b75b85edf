import { Axis, Chart, Interval, Legend } from '@antv/f2';
import type { DashboardRow } from '@kehou/shared/bureau';
import { f2 } from './f2';

/** Participation per school: children on roll and taking part, side by side (the largest 12 schools). */
export function participationChart(rows: DashboardRow[]) {
  const top = [...rows].sort((a, b) => b.participation.onRoll - a.participation.onRoll).slice(0, 12);
  const data = top.flatMap((r) => [
    { school: r.schoolName.replace(/^.*?市|^.*?区/, '').slice(0, 6), kind: '在籍', count: r.participation.onRoll },
    { school: r.schoolName.replace(/^.*?市|^.*?区/, '').slice(0, 6), kind: '参加', count: r.participation.enrolled },
  ]);
  return f2(Chart, {
    data,
    children: [
      f2(Axis, { field: 'school' }),
      f2(Axis, { field: 'count' }),
      f2(Interval, { x: 'school', y: 'count', color: 'kind', adjust: 'dodge' }),
      f2(Legend, { position: 'top' }),
    ],
  });
}
