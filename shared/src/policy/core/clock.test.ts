import { CLOCK_TIME, minutesOfDay } from './clock';

describe('HH:mm times', () => {
  it('turns a time into minutes after midnight', () => {
    expect(minutesOfDay('15:30')).toBe(930);
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('20:30')).toBe(1230);
  });

  it('accepts only 24-hour HH:mm', () => {
    expect(CLOCK_TIME.test('17:30')).toBe(true);
    expect(CLOCK_TIME.test('7:30')).toBe(false);
    expect(CLOCK_TIME.test('24:00')).toBe(false);
    expect(CLOCK_TIME.test('17:60')).toBe(false);
  });
});
