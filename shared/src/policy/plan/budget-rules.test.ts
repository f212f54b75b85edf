import type { z } from 'zod';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { xxcity2024 } from '../profiles/xxcity-2024';
import type { activitySchema } from '../schemas';
import { planInput } from '../test-support';
import { budgetViolations } from './budget-rules';

type RawActivity = z.input<typeof activitySchema>;
const staff = (costFen: number): RawActivity => ({ category: 'homework', provider: { type: 'staff' }, costFen });
const outside = (costFen: number, type: 'company' | 'volunteer' | 'nonprofit' = 'company'): RawActivity => ({
  category: 'science',
  provider: { type, vetted: true },
  costFen,
});
const ids = (activities: RawActivity[], students?: number) =>
  budgetViolations(xxcity2024, planInput({ policy: 'xxcity-2024', activities, students }), '2024-09-01').map((v) => v.ruleId);

describe('xxcity budget controls', () => {
  it('003 五(二): 引入社会机构服务课程不得超过费用总量的50% — exactly half is allowed', () => {
    expect(ids([staff(100_000), outside(100_000)])).toEqual([]);
    expect(ids([staff(100_000), outside(100_001)])).toEqual(['budget.external-share']);
  });

  it('003 五(二): only courses bought from social institutions count — nonprofit bodies and companies', () => {
    expect(ids([staff(10_000), outside(6_000, 'nonprofit'), outside(6_000, 'company')])).toEqual(['budget.external-share']);
  });

  it('003 五(二): school staff and volunteers (外聘教师 …家长及志愿者) are not social institutions', () => {
    expect(ids([staff(10_000), outside(60_000, 'volunteer'), outside(6_000, 'company')])).toEqual([]);
  });

  it('a plan with no cost breaks no budget rule', () => {
    expect(ids([], 10)).toEqual([]);
  });

  it('003 六(一): 每生每年1000元标准作为控制数', () => {
    expect(ids([staff(40_000_000)], 400)).toEqual([]);
    expect(ids([staff(40_000_001)], 400)).toEqual(['budget.per-student']);
    expect(ids([staff(1)], 0)).toEqual(['budget.per-student']);
    expect(ids([staff(40_000_001)])).toEqual([]);
  });

  it('explains the figures in yuan', () => {
    const [external] = budgetViolations(xxcity2024, planInput({ policy: 'xxcity-2024', activities: [staff(120_000), outside(150_000)] }), '2024-09-01');
    expect(external.message).toBe('向社会机构购买的课程费用 1500.00 元，占总费用 2700.00 元 的 55.6%，超过 50% 的上限。');
  });

  it('profiles without budget controls check nothing', () => {
    expect(
      budgetViolations(suifenhe2021, planInput({ policy: 'suifenhe-2021', activities: [outside(9_999_999, 'nonprofit')], students: 1 }), '2021-09-01'),
    ).toEqual([]);
  });
});
