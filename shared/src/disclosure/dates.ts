import { addDays, isoWeekday } from '../policy/core/calendar';

/** The calendar arithmetic of the policy engine (policy/core/calendar.ts), under the names the disclosure rules use. */
export { addDays as addCalendarDays, daysBetween, isoWeekday as weekdayOf } from '../policy/core/calendar';

/** The first date on or after `from` that falls on one of `weekdays` (Monday–Friday when none). */
export function firstDateOn(from: string, weekdays: readonly number[]): string {
  const wanted = weekdays.length ? weekdays : [1, 2, 3, 4, 5];
  let date = from;
  for (let i = 0; i < 7 && !wanted.includes(isoWeekday(date)); i += 1) date = addDays(date, 1);
  return date;
}

export { chinaDate, chinaDateTime } from '../domain/china-time';
