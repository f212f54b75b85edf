import { CronError, nextFire, parseCron } from './cron';

// China time is UTC+8: 02:00 in China is 18:00 UTC the day before.
const at = (iso: string) => new Date(iso);

describe("WeChat's 7-field timer cron, in China time", () => {
  it('every day at 02:00 China time', () => {
    const cron = parseCron('0 0 2 * * * *');
    expect(nextFire(cron, at('2026-03-01T17:00:00Z'))?.toISOString()).toBe('2026-03-01T18:00:00.000Z');
    expect(nextFire(cron, at('2026-03-01T18:00:00Z'))?.toISOString()).toBe('2026-03-02T18:00:00.000Z');
  });

  it('steps, ranges and lists', () => {
    expect(nextFire(parseCron('0 */10 * * * * *'), at('2026-03-01T00:01:00Z'))?.toISOString()).toBe('2026-03-01T00:10:00.000Z');
    expect(nextFire(parseCron('30 0 9 1,15 * * *'), at('2026-03-02T00:00:00Z'))?.toISOString()).toBe('2026-03-15T01:00:30.000Z');
    // Weekdays 1-5 at 08:00: from a Saturday (2026-03-07) to Monday.
    expect(nextFire(parseCron('0 0 8 * * 1-5 *'), at('2026-03-07T02:00:00Z'))?.toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });

  it('refuses a cron WeChat would refuse', () => {
    expect(() => parseCron('0 0 2 * * *')).toThrow(CronError);
    expect(() => parseCron('0 61 2 * * * *')).toThrow(CronError);
    expect(() => parseCron('0 */0 * * * * *')).toThrow(CronError);
  });
});
