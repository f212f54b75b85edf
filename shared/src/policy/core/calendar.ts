import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * A China calendar date written YYYY-MM-DD. Dates are read and written in UTC so that the
 * machine's time zone can never move a calendar date to the day before or after.
 * Equal-length ISO dates compare correctly as strings, which the fee rules rely on.
 */
export type IsoDate = string;

const FORMAT = 'YYYY-MM-DD';
const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

const read = (date: IsoDate) => dayjs.utc(date);

export function isCalendarDate(text: string): boolean {
  if (!SHAPE.test(text)) return false;
  const parsed = read(text);
  return parsed.isValid() && parsed.format(FORMAT) === text;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return read(date).add(days, 'day').format(FORMAT);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return read(to).diff(read(from), 'day');
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = read(date).day();
  return day === 0 ? 7 : day;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/**
 * Week bounds are asked for every student of a school with the same few dates; dayjs takes
 * microseconds per call, so the answers are remembered (a pure function, a bounded cache).
 */
const weekBounds = new Map<IsoDate, { monday: IsoDate; sunday: IsoDate }>();
const WEEK_CACHE_LIMIT = 10_000;

function weekOf(date: IsoDate): { monday: IsoDate; sunday: IsoDate } {
  let bounds = weekBounds.get(date);
  if (!bounds) {
    const weekday = isoWeekday(date);
    bounds = { monday: addDays(date, 1 - weekday), sunday: addDays(date, 7 - weekday) };
    if (weekBounds.size >= WEEK_CACHE_LIMIT) weekBounds.clear();
    weekBounds.set(date, bounds);
  }
  return bounds;
}

export function mondayOf(date: IsoDate): IsoDate {
  return weekOf(date).monday;
}

export function sundayOf(date: IsoDate): IsoDate {
  return weekOf(date).sunday;
}

/** Every date from `from` to `to`, both included. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = read(from); day.format(FORMAT) <= to; day = day.add(1, 'day')) days.push(day.format(FORMAT));
  return days;
}

/** The n-th Monday–Friday after `date`, the day itself not counted (holidays are not known here). */
export function addWorkingDays(date: IsoDate, workingDays: number): IsoDate {
  let day = date;
  let counted = 0;
  while (counted < workingDays) {
    day = addDays(day, 1);
    if (!isWeekend(day)) counted += 1;
  }
  return day;
}

export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
export const earlierOf = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

export function isWithin(date: IsoDate, window: { from: IsoDate; to: IsoDate }): boolean {
  return window.from <= date && date <= window.to;
}
