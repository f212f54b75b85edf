import { chinaDateTime } from '../domain/china-time';
import type { StageSchedule } from '../domain/plan';
import { isWithin } from '../policy/core/calendar';
import { minutesOfDay } from '../policy/core/clock';
import { DEFAULT_SERVICE_DAY_SETTINGS, type ServiceDaySettings } from './types';

/** Pure rules of the service day: times are China wall-clock HH:mm, dates China calendar dates. */

/** The school's settings, or the defaults for what it has not set. */
export function settingsOf(school: { serviceDay?: Partial<ServiceDaySettings> } | null | undefined): ServiceDaySettings {
  return { ...DEFAULT_SERVICE_DAY_SETTINGS, ...(school?.serviceDay ?? {}) };
}

/** The end of the service on a date (the winter end time on winter dates). */
export function endOfService(schedule: Pick<StageSchedule, 'end' | 'winter'>, date: string): string {
  return schedule.winter && isWithin(date, schedule.winter) ? schedule.winter.end : schedule.end;
}

/** HH:mm plus minutes, capped at 23:59 (a margin never moves the flag to the next day). */
export function addMinutes(time: string, minutes: number): string {
  const total = Math.min(minutesOfDay(time) + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The China date and HH:mm of an instant. */
export function chinaNow(now: Date): { date: string; time: string } {
  const [date, time] = chinaDateTime(now).split(' ');
  return { date, time };
}

/** Leave for `date` reported at `now` is late when it is that very day after the school's cut-off (or the day has passed). */
export function isLateReport(settings: Pick<ServiceDaySettings, 'leaveCutoff'>, date: string, now: Date): boolean {
  const { date: today, time } = chinaNow(now);
  return date < today || (date === today && time >= settings.leaveCutoff);
}

/** Has the time to flag children still waiting on `date` come (end of service + margin)? */
export function isPastFlagTime(flagAfter: string, date: string, now: Date): boolean {
  const { date: today, time } = chinaNow(now);
  return date < today || (date === today && time >= flagAfter);
}
