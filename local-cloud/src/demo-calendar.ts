import { chinaDate } from '@kehou/shared';
import { addDays } from '@kehou/shared/policy';

/** A term's dates and its name, as the demo seeds it. */
export interface DemoTerm {
  startDate: string;
  endDate: string;
  name: string;
}

/** Today's date in China (UTC+8) for an instant. */
export const chinaDateOf = (instant: Date) => chinaDate(instant);

const termName = (schoolYear: number, second: boolean) => `${schoolYear}—${schoolYear + 1} 学年第${second ? '二' : '一'}学期`;

/**
 * The demo's term, around whatever day the demo starts on: always under way, begun no later than
 * the first day of last month (so a whole month has passed and can be billed) and with at least
 * two weeks left. The real calendar's term (autumn: 1 September to mid-January; spring: late
 * February to early July) when today fits it; otherwise a term of twenty weeks from the first of
 * last month.
 */
export function demoTermAround(today: string): DemoTerm {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const firstOfLastMonth = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
  const candidates: DemoTerm[] = [
    { startDate: `${year - 1}-09-01`, endDate: `${year}-01-15`, name: termName(year - 1, false) },
    { startDate: `${year}-02-20`, endDate: `${year}-07-05`, name: termName(year - 1, true) },
    { startDate: `${year}-09-01`, endDate: `${year + 1}-01-15`, name: termName(year, false) },
  ];
  const fits = candidates.find((t) => t.startDate <= firstOfLastMonth && addDays(today, 14) <= t.endDate);
  if (fits) return fits;
  const startMonth = Number(firstOfLastMonth.slice(5, 7));
  const startYear = Number(firstOfLastMonth.slice(0, 4));
  const second = startMonth >= 2 && startMonth <= 7;
  return {
    startDate: firstOfLastMonth,
    endDate: addDays(firstOfLastMonth, 20 * 7 - 1),
    name: termName(second ? startYear - 1 : startMonth === 1 ? startYear - 1 : startYear, second),
  };
}

/** The calendar month before today's: whole, inside the demo term, and over. */
export function lastMonth(today: string): { key: string; from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const key = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return { key, from: `${key}-01`, to: addDays(`${today.slice(0, 7)}-01`, -1) };
}
