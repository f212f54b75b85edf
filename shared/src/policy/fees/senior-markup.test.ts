import { qijiang2020 } from '../profiles/qijiang-2020';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { seniorMarkupViolation } from './senior-markup';

const school = (seniorMarkupPercent: number) => ({ planApproved: true, seniorMarkupPercent });

describe('fees.markup-too-high', () => {
  it('004 三(五)2: 高中可根据实际情况上浮 10% — up to 10 % is allowed', () => {
    expect(seniorMarkupViolation(suifenhe2021, school(0), '2021-05-01')).toBeNull();
    expect(seniorMarkupViolation(suifenhe2021, school(10), '2021-05-01')).toBeNull();
  });

  it('004 三(五)2: more than 10 % is refused', () => {
    expect(seniorMarkupViolation(suifenhe2021, school(10.5), '2021-05-01')).toMatchObject({
      ruleId: 'fees.markup-too-high',
      path: 'school.seniorMarkupPercent',
      citation: { section: '三(五)2' },
    });
  });

  it('only suifenhe knows a senior markup; other profiles ignore the setting', () => {
    expect(seniorMarkupViolation(qijiang2020, school(50), '2021-05-01')).toBeNull();
  });
});
