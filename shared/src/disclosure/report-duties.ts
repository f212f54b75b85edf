import type { PolicyProfile, ReportDuty } from '../policy';
import type { ReportDutyView, ReportPeriod } from './types';

/** The period a report due on `due` (YYYY-MM-DD) covers. */
export function periodOfDue(duty: Pick<ReportDuty, 'key' | 'due'>, due: string): ReportPeriod {
  const year = Number(due.slice(0, 4));
  if (duty.due.length === 2) return { year, half: due.slice(5) <= '06-30' ? 1 : 2 };
  // A once-a-year report due early in the year (xxcity: before March) covers the previous year.
  return { year: due.slice(5) < '07-01' ? year - 1 : year };
}

export function periodLabel(period: ReportPeriod): string {
  if (period.half === 1) return `${period.year} 年 1 月 1 日至 6 月 30 日`;
  if (period.half === 2) return `${period.year} 年 7 月 1 日至 12 月 31 日`;
  return `${period.year} 年度`;
}

/** First and last day of a period. */
export function periodRange(period: ReportPeriod): { from: string; to: string } {
  if (period.half === 1) return { from: `${period.year}-01-01`, to: `${period.year}-06-30` };
  if (period.half === 2) return { from: `${period.year}-07-01`, to: `${period.year}-12-31` };
  return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
}

/** The profile's report duties with the next date each is due from `today` and what it covers. */
export function reportDuties(profile: PolicyProfile, today: string): ReportDutyView[] {
  return profile.reports.map((duty) => {
    const year = Number(today.slice(0, 4));
    const candidates = [year, year + 1].flatMap((y) => duty.due.map((mmdd) => `${y}-${mmdd}`)).sort();
    const due = candidates.find((date) => (duty.dueInclusive ? date >= today : date > today)) ?? candidates[candidates.length - 1];
    const period = periodOfDue(duty, due);
    return { key: duty.key, label: duty.label, due, dueInclusive: duty.dueInclusive, period, periodLabel: periodLabel(period), citation: duty.citation };
  });
}
