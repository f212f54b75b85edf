import { qijiang2020 } from '../profiles/qijiang-2020';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { yueyang2019 } from '../profiles/yueyang-2019';
import type { Student } from '../schemas';
import { exemptionFor } from './exemption';

const student = (hardship: Student['hardship'], reductionPercent = 0): Student => ({ stage: 'primary', hardship, reductionPercent });
const ON = '2021-05-01';

describe('hardship waivers', () => {
  it.each(['registered-poor', 'subsistence'] as const)('000 四(二): 对建档立卡贫困户和低保家庭儿童免课后服务费用 — qijiang %s pays nothing', (hardship) => {
    expect(exemptionFor(qijiang2020.fees.exemptions, student(hardship), 24000, ON)).toMatchObject({ exemptFen: 24000, governmentShareFen: 0 });
  });

  it('000 四(二): 其他贫困学生适当减免 — qijiang "other" hardship gets the school’s percentage', () => {
    const exemption = exemptionFor(qijiang2020.fees.exemptions, student('other', 50), 24000, ON);
    expect(exemption).toMatchObject({ exemptFen: 12000, governmentShareFen: 0 });
    expect(exemption.line).toMatchObject({ label: '学校减免 50%', amountFen: -12000 });
  });

  it('000 四(二): qijiang grants no reduction to a student without hardship, whatever the percentage', () => {
    expect(exemptionFor(qijiang2020.fees.exemptions, student('none', 50), 24000, ON)).toMatchObject({ exemptFen: 0, line: null });
  });

  it('001 三3: 提倡对学习困难的学生、贫困学生给予免费辅导 — yueyang waives what the school grants, 100 % = free', () => {
    expect(exemptionFor(yueyang2019.fees.exemptions, student('none', 100), 30000, ON)).toMatchObject({ exemptFen: 30000 });
    expect(exemptionFor(yueyang2019.fees.exemptions, student('other', 30), 30000, ON)).toMatchObject({ exemptFen: 9000 });
  });

  it('001 三3: yueyang does not exempt registered-poor families by itself (encouraged, not required)', () => {
    expect(exemptionFor(yueyang2019.fees.exemptions, student('registered-poor'), 30000, ON)).toMatchObject({ exemptFen: 0 });
  });

  it.each(['registered-poor', 'subsistence', 'other'] as const)('004 三(五)2: 家庭经济困难学生免收费，50%由市政府统筹 — suifenhe %s', (hardship) => {
    const exemption = exemptionFor(suifenhe2021.fees.exemptions, student(hardship), 8300, ON);
    expect(exemption).toMatchObject({ exemptFen: 8300, governmentShareFen: 4150 });
    expect(exemption.line?.detail).toContain('41.50 元（50%）由政府统筹解决');
  });

  it('004 三(五)2: the government share is rounded half-up once', () => {
    expect(exemptionFor(suifenhe2021.fees.exemptions, student('other'), 207, ON)).toMatchObject({ exemptFen: 207, governmentShareFen: 104 });
  });

  it('xxcity has nothing to waive', () => {
    expect(exemptionFor(xxcity2024.fees.exemptions, student('subsistence', 100), 0, ON)).toMatchObject({ exemptFen: 0, line: null });
  });
});
