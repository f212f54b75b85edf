import { qijiang2020 } from '../profiles/qijiang-2020';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { yueyang2019 } from '../profiles/yueyang-2019';
import { chargeabilityUnder } from './chargeability';

const none = { planApproved: false, feesDisclosed: false };
const approved = { planApproved: true, feesDisclosed: false };
const both = { planApproved: true, feesDisclosed: true };

describe('whether a term may be charged', () => {
  it('000 五 审查合格后方可实施: qijiang needs the approved plan', () => {
    expect(chargeabilityUnder(qijiang2020, none)).toMatchObject({ chargeable: false, ruleId: 'fees.plan-not-approved', citation: { section: '五' } });
    expect(chargeabilityUnder(qijiang2020, approved).chargeable).toBe(true);
  });

  it('001 五2 须经审核同意后方可收费: yueyang needs the approved plan', () => {
    expect(chargeabilityUnder(yueyang2019, { planApproved: false, feesDisclosed: true })).toMatchObject({
      ruleId: 'fees.plan-not-approved',
      citation: { section: '五2' },
    });
    expect(chargeabilityUnder(yueyang2019, approved).chargeable).toBe(true);
  });

  it('004 三(五)3(1) 未经公示不得收费: suifenhe needs the public listing, not a review', () => {
    expect(chargeabilityUnder(suifenhe2021, approved)).toMatchObject({ chargeable: false, ruleId: 'fees.not-disclosed', citation: { section: '三(五)3(1)' } });
    expect(chargeabilityUnder(suifenhe2021, { planApproved: false, feesDisclosed: true }).chargeable).toBe(true);
  });

  it('003 二(三) 学校不得向家长收取: xxcity is never charged', () => {
    expect(chargeabilityUnder(xxcity2024, both)).toMatchObject({ chargeable: false, ruleId: 'fees.free-service', citation: { section: '二(三)' } });
  });
});
