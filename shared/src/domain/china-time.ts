/**
 * China time (UTC+8, no daylight saving) for instants, in one place: the calendar date and the
 * wall-clock time a person in China reads, whatever the machine's time zone. Calendar arithmetic
 * on dates (adding days, weekdays, working days) is in shared/src/policy/core/calendar.ts.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000;

type Instant = Date | string | number;

const shifted = (instant: Instant) => new Date(new Date(instant).getTime() + CHINA_OFFSET_MS);

/** The China calendar date of an instant: 2026-09-01T17:00:00Z → 2026-09-02. */
export function chinaDate(instant: Instant): string {
  return shifted(instant).toISOString().slice(0, 10);
}

/** Today's date in China (for `now`, default: the machine's clock). */
export const chinaToday = (now: Instant = Date.now()) => chinaDate(now);

/** 2026-09-01T02:00:00.000Z → 2026-09-01 10:00 (China time). */
export function chinaDateTime(instant: Instant): string {
  const iso = shifted(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** 2026-11-23T07:20:00Z → 11月23日 15:20 (China time), for lists a parent reads. */
export function chinaShortDateTime(instant: Instant): string {
  const t = shifted(instant);
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

/** 2026年11月23日 15:20 (China time): WeChat's `time` keyword format in subscription messages. */
export function chinaLongDateTime(instant: Instant): string {
  const t = shifted(instant);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${p(t.getUTCMonth() + 1)}月${p(t.getUTCDate())}日 ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}
