/** Calendar dates written YYYY-MM-DD, computed in UTC so the machine's time zone never shifts them. */

const DAY_MS = 24 * 60 * 60 * 1000;

const toDate = (date: string) => new Date(`${date}T00:00:00Z`);
const format = (date: Date) => date.toISOString().slice(0, 10);

export function addCalendarDays(date: string, days: number): string {
  return format(new Date(toDate(date).getTime() + days * DAY_MS));
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  const day = toDate(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
}

/** The first date on or after `from` that falls on one of `weekdays` (Monday–Friday when none). */
export function firstDateOn(from: string, weekdays: readonly number[]): string {
  const wanted = weekdays.length ? weekdays : [1, 2, 3, 4, 5];
  let date = from;
  for (let i = 0; i < 7 && !wanted.includes(weekdayOf(date)); i += 1) date = addCalendarDays(date, 1);
  return date;
}

export { chinaDate, chinaDateTime } from '../domain/china-time';
