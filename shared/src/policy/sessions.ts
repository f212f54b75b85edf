import { eachDay, isWeekend } from './core/calendar';
import type { DatedSession, RepeatedSession, SessionItem } from './schemas';

/** One dated session per item, repeats expanded to every Monday–Friday of their range. */
export function expandSessions(items: readonly SessionItem[]): DatedSession[] {
  return items.flatMap((item) => ('every' in item ? expandRepeat(item) : [item]));
}

function expandRepeat(repeat: RepeatedSession): DatedSession[] {
  const skipped = new Set(repeat.except);
  const absent = new Set(repeat.absent);
  return eachDay(repeat.from, repeat.to)
    .filter((date) => !isWeekend(date) && !skipped.has(date))
    .map((date) => ({
      date,
      minutes: repeat.minutes,
      periods: repeat.periods,
      attendedMinutes: absent.has(date) ? 0 : (repeat.attendedMinutes ?? repeat.minutes),
    }));
}

/** What the student attended of a session, never more than was scheduled. */
export function attendedMinutesOf(session: DatedSession): number {
  return Math.min(session.attendedMinutes ?? session.minutes, session.minutes);
}
