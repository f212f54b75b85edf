import { listProfiles } from '../profiles/registry';
import { scheduleInput } from '../test-support';
import { schoolDayViolations } from './school-day';

describe.each(listProfiles().map((profile) => [profile.id, profile] as const))('schedule.not-school-day under %s', (id, profile) => {
  const day = (date: string) => scheduleInput({ policy: id, stage: 'primary', date, start: '15:30', end: '17:30', blocks: [] });

  it(`${profile.schedule.schoolDaysOnly.section}: service runs on Monday–Friday only`, () => {
    expect(schoolDayViolations(profile, day('2021-10-11'))).toEqual([]);
    expect(schoolDayViolations(profile, day('2021-10-15'))).toEqual([]);
    expect(schoolDayViolations(profile, day('2021-10-16'))).toEqual([
      expect.objectContaining({ ruleId: 'schedule.not-school-day', path: 'date', message: expect.stringContaining('星期六') }),
    ]);
    expect(schoolDayViolations(profile, day('2021-10-17'))).toHaveLength(1);
  });
});
