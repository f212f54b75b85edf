import { listProfiles } from '../profiles/registry';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { homeworkViolation } from './homework';

describe('content.homework-assigned', () => {
  it('003 五(三): 不得给学生布置任何形式的作业', () => {
    expect(homeworkViolation(xxcity2024, true, '英语角', 'activities[0].assignsHomework')).toMatchObject({
      ruleId: 'content.homework-assigned',
      citation: { section: '五(三)' },
      path: 'activities[0].assignsHomework',
    });
  });

  it('000 四(四), 001 二3, 004 四(三)2: no profile lets an activity set homework; none is fine', () => {
    for (const profile of listProfiles()) {
      expect(homeworkViolation(profile, true, '书法', 'p')?.ruleId).toBe('content.homework-assigned');
      expect(homeworkViolation(profile, false, '书法', 'p')).toBeNull();
    }
  });
});
