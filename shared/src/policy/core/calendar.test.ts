import { addDays, addWorkingDays, daysBetween, eachDay, isCalendarDate, isoWeekday, isWeekend, mondayOf, sundayOf } from './calendar';

describe('calendar dates (China calendar, never shifted by the machine time zone)', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'])('gives the same weekdays and days in %s', (tz) => {
    process.env.TZ = tz;
    expect(isoWeekday('2021-05-06')).toBe(4);
    expect(isoWeekday('2020-09-06')).toBe(7);
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(mondayOf('2020-12-02')).toBe('2020-11-30');
    expect(sundayOf('2021-01-22')).toBe('2021-01-24');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('2021-2-3')).toBe(false);
    expect(isCalendarDate('2021-05-06T00:00')).toBe(false);
  });

  it('knows weekends and lists days inclusively', () => {
    expect(isWeekend('2021-05-08')).toBe(true);
    expect(isWeekend('2021-05-10')).toBe(false);
    expect(eachDay('2021-05-30', '2021-06-02')).toEqual(['2021-05-30', '2021-05-31', '2021-06-01', '2021-06-02']);
    expect(eachDay('2021-05-30', '2021-05-29')).toEqual([]);
  });

  it('counts working days after a date, the date itself excluded, skipping Saturdays and Sundays', () => {
    expect(addWorkingDays('2020-09-01', 1)).toBe('2020-09-02');
    expect(addWorkingDays('2020-09-04', 1)).toBe('2020-09-07');
    expect(addWorkingDays('2020-09-01', 10)).toBe('2020-09-15');
    expect(addWorkingDays('2021-02-27', 10)).toBe('2021-03-12');
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days across months, leap days and backwards', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-09-10', '2026-09-01')).toBe(-9);
    expect(daysBetween('2026-09-01', '2026-09-01')).toBe(0);
  });
});
