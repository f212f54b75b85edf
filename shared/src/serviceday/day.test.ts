import { addMinutes, endOfService, isLateReport, isPastFlagTime, settingsOf } from './day';

// 2026-03-02 04:00 UTC is 12:00 in China; every instant below is built from a China wall-clock time.
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

describe('service day rules', () => {
  it('leave is late only on the day itself from the cut-off on (China time, whatever the machine zone)', () => {
    const s = settingsOf({ serviceDay: { leaveCutoff: '12:00' } });
    expect(isLateReport(s, '2026-03-02', at('2026-03-02', '11:59'))).toBe(false);
    expect(isLateReport(s, '2026-03-02', at('2026-03-02', '12:00'))).toBe(true);
    expect(isLateReport(s, '2026-03-03', at('2026-03-02', '23:00'))).toBe(false);
    // 00:30 in China is still the previous day in UTC
    expect(isLateReport(s, '2026-03-03', at('2026-03-03', '00:30'))).toBe(false);
  });

  it('the flag time is the end of the service plus the margin, winter end on winter dates', () => {
    const schedule = { end: '17:30', winter: { end: '17:00', from: '2026-12-01', to: '2027-02-28' } };
    expect(endOfService(schedule, '2026-11-30')).toBe('17:30');
    expect(endOfService(schedule, '2026-12-01')).toBe('17:00');
    expect(addMinutes('17:30', 15)).toBe('17:45');
    expect(addMinutes('23:50', 30)).toBe('23:59');
    expect(isPastFlagTime('17:45', '2026-03-02', at('2026-03-02', '17:44'))).toBe(false);
    expect(isPastFlagTime('17:45', '2026-03-02', at('2026-03-02', '17:45'))).toBe(true);
    expect(isPastFlagTime('17:45', '2026-03-02', at('2026-03-03', '08:00'))).toBe(true);
  });

  it('defaults fill what a school has not set', () => {
    expect(settingsOf(null)).toEqual({ leaveCutoff: '12:00', pickupMarginMinutes: 15 });
    expect(settingsOf({ serviceDay: { pickupMarginMinutes: 30 } })).toEqual({ leaveCutoff: '12:00', pickupMarginMinutes: 30 });
  });
});
