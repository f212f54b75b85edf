import { addDays, earlierOf, type IsoDate, laterOf } from '../core/calendar';
import type { Citation } from '../core/citation';
import { getProfile } from '../profiles/registry';
import type { PolicyProfile } from '../profiles/types';

/** A term as billing needs it. */
export interface TermWindow {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
}

/**
 * One billing period of a term: a family gets at most one notice per child for it (a correction
 * supersedes that notice, it never adds a second). `key` is stable: `term`, or `YYYY-MM`.
 */
export interface BillingPeriod {
  readonly key: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Chinese, for the school's fee page: 整个学期 / 2026年11月. */
  readonly label: string;
  readonly citation: Citation;
  /**
   * The fee follows recorded attendance (suifenhe 按月据实收取): the period may be issued only once
   * it has ended. Elsewhere it follows the schedule and may be issued at any time in the term.
   */
  readonly byAttendance: boolean;
}

export const TERM_PERIOD_KEY = 'term';
const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The billing periods of a term under a profile (the profile's `fees.billingPeriod`):
 * - `term` (qijiang 000 四(二) 每生每期; yueyang 001 六2 每生每期只收取一次费用): the whole term, once;
 * - `calendar-month` (suifenhe 004 三(五)2 每月…据实收取): each calendar month the term touches,
 *   clipped to the term (a term from 1 September to 15 January has five periods);
 * - `none` (xxcity 003 二(三)): no period at all, the service is free for families.
 */
export function billingPeriodsUnder(profile: PolicyProfile, term: TermWindow): BillingPeriod[] {
  const rule = profile.fees.billingPeriod;
  const byAttendance = profile.fees.model.kind === 'per-attended-minute';
  if (term.startDate > term.endDate) return [];
  switch (rule.value) {
    case 'none':
      return [];
    case 'term':
      return [
        { key: TERM_PERIOD_KEY, from: term.startDate, to: term.endDate, label: billingPeriodLabel(TERM_PERIOD_KEY), citation: rule.citation, byAttendance },
      ];
    case 'calendar-month': {
      const periods: BillingPeriod[] = [];
      for (let first = `${term.startDate.slice(0, 7)}-01`; first <= term.endDate; first = firstOfNextMonth(first)) {
        const key = first.slice(0, 7);
        periods.push({
          key,
          from: laterOf(first, term.startDate),
          to: earlierOf(addDays(firstOfNextMonth(first), -1), term.endDate),
          label: billingPeriodLabel(key),
          citation: rule.citation,
          byAttendance,
        });
      }
      return periods;
    }
  }
}

export function billingPeriods(profileId: string, term: TermWindow): BillingPeriod[] {
  const profile = getProfile(profileId);
  return profile ? billingPeriodsUnder(profile, term) : [];
}

/** The period with this key, or null when the term has no such period under the profile. */
export function findBillingPeriod(profileId: string, term: TermWindow, key: string): BillingPeriod | null {
  if (key !== TERM_PERIOD_KEY && !MONTH_KEY.test(key)) return null;
  return billingPeriods(profileId, term).find((period) => period.key === key) ?? null;
}

/** The period a date falls in (null: outside the term, or nothing is billed). */
export function billingPeriodOf(profileId: string, term: TermWindow, date: IsoDate): BillingPeriod | null {
  return billingPeriods(profileId, term).find((period) => period.from <= date && date <= period.to) ?? null;
}

/**
 * Whether the period may be issued on `today`. A period billed by attendance must have ended,
 * unless every service day to its end is already recorded (`allRecorded`); a period billed by
 * the schedule may be issued any time.
 */
export function mayIssuePeriod(period: BillingPeriod, today: IsoDate, allRecorded: boolean): boolean {
  return !period.byAttendance || period.to < today || allRecorded;
}

/** 整个学期, or 2026年11月. */
export function billingPeriodLabel(key: string): string {
  return key === TERM_PERIOD_KEY ? '整个学期' : `${Number(key.slice(0, 4))}年${Number(key.slice(5, 7))}月`;
}

function firstOfNextMonth(first: IsoDate): IsoDate {
  const year = Number(first.slice(0, 4));
  const month = Number(first.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
