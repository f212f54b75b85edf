/** Calendar days the journeys need, always relative to the runtime's clock (never fixed dates). */

const DAY_MS = 86_400_000;
const CHINA_MS = 8 * 3600_000;

/** The latest Monday–Friday on or before `now` (China time), and the first day of its month. */
export function lastServiceDay(now: Date): { day: string; monthStart: string } {
  let t = now.getTime() + CHINA_MS;
  while ([0, 6].includes(new Date(t).getUTCDay())) t -= DAY_MS;
  const day = new Date(t).toISOString().slice(0, 10);
  return { day, monthStart: `${day.slice(0, 8)}01` };
}

/** Last calendar month's label as the fee page shows it (2026年11月): the month a suifenhe school bills now. */
export function lastMonthLabel(now: Date): string {
  const china = new Date(now.getTime() + CHINA_MS);
  const last = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1));
  return `${last.getUTCFullYear()}年${last.getUTCMonth() + 1}月`;
}
