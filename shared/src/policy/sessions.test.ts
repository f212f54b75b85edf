import { z } from 'zod';
import { sessionItemSchema } from './schemas';
import { attendedMinutesOf, expandSessions } from './sessions';

const parse = (items: unknown[]) => z.array(sessionItemSchema).parse(items);

describe('expandSessions (scenario format: repeats on every Monday–Friday)', () => {
  it('expands a repeat to every weekday from `from` to `to` inclusive, with defaults', () => {
    const sessions = expandSessions(parse([{ every: 'weekday', from: '2021-05-06', to: '2021-05-11', minutes: 120 }]));
    expect(sessions).toEqual([
      { date: '2021-05-06', minutes: 120, periods: 1, attendedMinutes: 120 },
      { date: '2021-05-07', minutes: 120, periods: 1, attendedMinutes: 120 },
      { date: '2021-05-10', minutes: 120, periods: 1, attendedMinutes: 120 },
      { date: '2021-05-11', minutes: 120, periods: 1, attendedMinutes: 120 },
    ]);
  });

  it('skips `except` dates and sets attendedMinutes 0 on `absent` dates', () => {
    const sessions = expandSessions(
      parse([
        { every: 'weekday', from: '2020-09-28', to: '2020-10-02', minutes: 90, periods: 2, except: ['2020-10-01', '2020-10-02'], absent: ['2020-09-29'] },
      ]),
    );
    expect(sessions.map((s) => [s.date, s.periods, s.attendedMinutes])).toEqual([
      ['2020-09-28', 2, 90],
      ['2020-09-29', 2, 0],
      ['2020-09-30', 2, 90],
    ]);
  });

  it('keeps dated sessions as they are, in listed order', () => {
    const sessions = expandSessions(
      parse([
        { date: '2021-05-20', minutes: 120, attendedMinutes: 20 },
        { every: 'weekday', from: '2021-05-21', to: '2021-05-21', minutes: 60 },
      ]),
    );
    expect(sessions.map((s) => s.date)).toEqual(['2021-05-20', '2021-05-21']);
    expect(sessions[0]).toEqual({ date: '2021-05-20', minutes: 120, periods: 1, attendedMinutes: 20 });
  });

  it('never counts more attendance than was scheduled; missing attendance means all of it', () => {
    expect(attendedMinutesOf({ date: '2021-05-20', minutes: 60, periods: 1, attendedMinutes: 90 })).toBe(60);
    expect(attendedMinutesOf({ date: '2021-05-20', minutes: 60, periods: 1 })).toBe(60);
  });
});
