import { isoWeekday } from '../core/calendar';
import { type Violation, violation } from '../core/violation';
import type { PolicyProfile } from '../profiles/types';
import type { ScheduleInput } from '../schemas';

/** schedule.not-school-day: service runs Monday–Friday only (holidays are not known here). */
export function schoolDayViolations(profile: PolicyProfile, input: ScheduleInput): Violation[] {
  const weekday = isoWeekday(input.date);
  if (weekday <= 5) return [];
  const dayName = weekday === 6 ? '星期六' : '星期日';
  return [violation('schedule.not-school-day', `${input.date} 是${dayName}，课后服务只在周一至周五的上课日开展。`, profile.schedule.schoolDaysOnly, 'date')];
}
