import { type ClockTime, minutesOfDay } from '../core/clock';
import { inForceOn } from '../core/parameter';
import { type Violation, violation } from '../core/violation';
import type { PolicyProfile } from '../profiles/types';

/** A stage's service day as the plan writes it: its times (the winter end where it has one) and its blocks. */
export interface DayTimetable {
  readonly start: ClockTime;
  readonly end: ClockTime;
  readonly winter?: { readonly end: ClockTime } | undefined;
  readonly blocks: readonly { readonly minutes: number }[];
}

export interface BlocksOverTime {
  readonly planned: number;
  readonly available: number;
  /** The service time the blocks overrun: start to end, or start to the winter end. */
  readonly start: ClockTime;
  readonly end: ClockTime;
  readonly winter: boolean;
}

/**
 * The day's blocks are what the service time is spent on, so together they cannot last longer
 * than the service itself (start to end, and start to the earlier winter end where the plan has
 * one). Null when they fit. Profile-free: the plan's schema refuses the same thing on save.
 */
export function blocksOverServiceTime(day: DayTimetable): BlocksOverTime | null {
  const planned = day.blocks.reduce((sum, block) => sum + block.minutes, 0);
  const ends = [{ end: day.end, winter: false }, ...(day.winter ? [{ end: day.winter.end, winter: true }] : [])];
  for (const { end, winter } of ends) {
    const available = Math.max(0, minutesOfDay(end) - minutesOfDay(day.start));
    if (planned > available) return { planned, available, start: day.start, end, winter };
  }
  return null;
}

export function blocksOverTimeMessage(over: BlocksOverTime): string {
  return `一天的安排合计 ${over.planned} 分钟，超过了${over.winter ? '冬季作息' : ''}服务时间 ${over.start}—${over.end} 的 ${over.available} 分钟，请缩短或删去时段。`;
}

/**
 * schedule.blocks-over-time, with the clause of the service time it overruns: the profile's
 * service times in force on the day where it sets them, else its rule to disclose the service time.
 * Not one of SCHEDULE_RULES: the conformance scenarios' rule sets are fixed by their format.
 */
export function blocksOverTimeViolation(profile: PolicyProfile, day: DayTimetable, date: string): Violation | null {
  const over = blocksOverServiceTime(day);
  if (!over) return null;
  const times = profile.schedule.serviceTimes;
  const disclosed = profile.disclosureItems.find((item) => item.key === 'service-time')?.citation;
  const citation = times ? inForceOn(times, date).citation : (disclosed ?? profile.schedule.schoolDaysOnly);
  return violation('schedule.blocks-over-time', blocksOverTimeMessage(over), citation, 'blocks');
}
