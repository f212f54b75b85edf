/**
 * WeChat's timer-trigger cron: seven fields, `second minute hour day month weekday year`, in China
 * time (`0 0 2 * * * *`: 02:00:00 every day). Each field is `*`, a number, a range `a-b`, a step
 * (`*\/n`, `a-b/n`) or a list of those (`1,15`). Day and weekday: as in WeChat, both must match
 * (a `*` matches everything). Weekday 0–6 from Sunday (7 is Sunday too).
 */
import { CHINA_OFFSET_MS } from '@kehou/shared';

const RANGES = [
  [0, 59],
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
  [1970, 2199],
] as const;

export interface Cron {
  readonly text: string;
  readonly fields: ReadonlyArray<ReadonlySet<number>>;
}

export class CronError extends Error {}

export function parseCron(text: string): Cron {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 7) throw new CronError(`定时触发器的 cron 需要 7 个字段（秒 分 时 日 月 星期 年）：${text}`);
  const fields = parts.map((part, i) => parseField(part, RANGES[i][0], RANGES[i][1], text));
  const weekdays = fields[5] as Set<number>;
  if (weekdays.has(7)) weekdays.add(0);
  return { text, fields };
}

function parseField(part: string, min: number, max: number, text: string): Set<number> {
  const values = new Set<number>();
  for (const item of part.split(',')) {
    const [range, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = min;
    let to = max;
    if (range !== '*') {
      const [a, b] = range.split('-').map(Number);
      from = a;
      to = b === undefined ? (stepText === undefined ? a : max) : b;
    }
    if (![from, to, step].every(Number.isInteger) || step < 1 || from < min || to > max || from > to) throw new CronError(`cron 字段无效：${part}（${text}）`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/** The first instant after `after` (exclusive) the cron fires, searching up to `withinDays` days; null if none. */
export function nextFire(cron: Cron, after: Date, withinDays = 800): Date | null {
  const [seconds, minutes, hours, days, months, weekdays, years] = cron.fields;
  // Work in China wall-clock time as if it were UTC.
  const start = after.getTime() + CHINA_OFFSET_MS;
  const firstDay = Math.floor(start / 86_400_000);
  const sorted = (s: ReadonlySet<number>) => [...s].sort((a, b) => a - b);
  const [hs, ms, ss] = [sorted(hours), sorted(minutes), sorted(seconds)];
  for (let d = firstDay; d <= firstDay + withinDays; d++) {
    const date = new Date(d * 86_400_000);
    if (!years.has(date.getUTCFullYear()) || !months.has(date.getUTCMonth() + 1) || !days.has(date.getUTCDate()) || !weekdays.has(date.getUTCDay())) continue;
    for (const h of hs)
      for (const m of ms)
        for (const s of ss) {
          const wall = d * 86_400_000 + ((h * 60 + m) * 60 + s) * 1000;
          if (wall > start) return new Date(wall - CHINA_OFFSET_MS);
        }
  }
  return null;
}
