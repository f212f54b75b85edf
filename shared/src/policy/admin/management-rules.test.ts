import { getProfile } from '../profiles/registry';
import { rulesAdoptionGate } from './management-rules';

describe('management rules adoption (004 §四(三)3)', () => {
  it('四(三)3: 经教师代表大会和家长委员会通过后实施 — suifenhe asks both bodies', () => {
    const profile = getProfile('suifenhe-2021');
    expect(rulesAdoptionGate(profile, [])).toMatchObject({ ruleId: 'rules.not-adopted', citation: { section: '四(三)3' } });
    expect(rulesAdoptionGate(profile, ['parent-committee'])?.message).toContain('还没有经教师代表大会通过');
    expect(rulesAdoptionGate(profile, ['parent-committee', 'staff-congress'])).toBeNull();
  });

  it('the other documents ask no adoption', () => {
    for (const id of ['qijiang-2020', 'yueyang-2019', 'xxcity-2024'] as const) expect(rulesAdoptionGate(getProfile(id), [])).toBeNull();
  });
});
