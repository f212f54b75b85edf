import { CATEGORIES, isForbiddenCategory } from '../domain';
import { qijiang2020 } from '../profiles/qijiang-2020';
import { listProfiles } from '../profiles/registry';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { yueyang2019 } from '../profiles/yueyang-2019';
import { forbiddenContentViolation } from './forbidden-content';

describe('content.* rules', () => {
  it('000 四(四): 严禁把课后服务演变为学科类集体教学、集体补课或奥数等竞赛培训', () => {
    expect(forbiddenContentViolation(qijiang2020, 'subject-teaching', '数学补课', 'x')).toMatchObject({
      ruleId: 'content.subject-teaching',
      message: '「数学补课」属于学科类集体教学、集体补课或讲新课，课后服务不得开展。',
    });
    expect(forbiddenContentViolation(qijiang2020, 'competition-training', '奥数', 'x')).toMatchObject({ ruleId: 'content.competition-training' });
  });

  it('000 四(四): 严禁在课后服务时段“搭车”开展商业活动', () => {
    expect(forbiddenContentViolation(qijiang2020, 'commercial', '推销教辅', 'x')).toMatchObject({
      ruleId: 'content.commercial',
      citation: { section: '四(四)' },
    });
  });

  it('001 二3, 003 五(三), 004 四(三)1: the same three are forbidden in every profile, each with its own clause', () => {
    expect(forbiddenContentViolation(yueyang2019, 'subject-teaching', '补课', 'x')?.citation.section).toBe('二3');
    expect(forbiddenContentViolation(xxcity2024, 'subject-teaching', '补课', 'x')?.citation.section).toBe('五(三)');
    expect(forbiddenContentViolation(suifenhe2021, 'subject-teaching', '补课', 'x')?.citation.section).toBe('四(三)1');
  });

  it('allowed content (homework help, reading, sports, arts, …) breaks nothing anywhere', () => {
    for (const profile of listProfiles()) {
      for (const category of CATEGORIES.filter((c) => !isForbiddenCategory(c))) {
        expect(forbiddenContentViolation(profile, category, category, 'x')).toBeNull();
      }
    }
  });
});
