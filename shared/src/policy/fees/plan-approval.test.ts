import { qijiang2020 } from '../profiles/qijiang-2020';
import { listProfiles } from '../profiles/registry';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { yueyang2019 } from '../profiles/yueyang-2019';
import { planApprovalViolation } from './plan-approval';

const notApproved = { planApproved: false, seniorMarkupPercent: 0 };

describe('fees.plan-not-approved', () => {
  it('000 五: 审查合格后方可实施 — qijiang issues no fee before the review passed', () => {
    expect(planApprovalViolation(qijiang2020, notApproved)).toMatchObject({ ruleId: 'fees.plan-not-approved', citation: { section: '五' } });
  });

  it('001 五2: 须经审核同意后方可收费 — yueyang issues no fee before approval', () => {
    expect(planApprovalViolation(yueyang2019, notApproved)).toMatchObject({ ruleId: 'fees.plan-not-approved', citation: { section: '五2' } });
  });

  it('004 三(五)3(1): suifenhe’s precondition is the public listing, not a review; xxcity charges nothing', () => {
    expect(planApprovalViolation(suifenhe2021, notApproved)).toBeNull();
    expect(planApprovalViolation(xxcity2024, notApproved)).toBeNull();
  });

  it('lets an approved plan charge', () => {
    for (const profile of listProfiles()) expect(planApprovalViolation(profile, { planApproved: true, seniorMarkupPercent: 0 })).toBeNull();
  });
});
