import { qijiang2020 } from '../profiles/qijiang-2020';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { yueyang2019 } from '../profiles/yueyang-2019';
import { refundRequestsUnder } from './requests';

describe('may a parent apply for a refund?', () => {
  it('004 三(五)3(2) 因故退费的，需向学校提出申请: suifenhe, by the whole/half-month rule', () => {
    const answer = refundRequestsUnder(suifenhe2021);
    expect(answer).toMatchObject({ allowed: true, citation: { section: '三(五)3(2)' } });
    if (answer.allowed) expect(answer.method).toContain('整月未上课的全额退费');
  });

  it('000 四(二) 以周为单位据实结算: qijiang settles on withdrawal, no application', () => {
    expect(refundRequestsUnder(qijiang2020)).toMatchObject({ allowed: false, ruleId: 'refund.not-requestable', citation: { section: '四(二)' } });
  });

  it('001 六2: yueyang sets no refund method', () => {
    expect(refundRequestsUnder(yueyang2019)).toMatchObject({ allowed: false, ruleId: 'refund.no-method', citation: { section: '六2' } });
  });

  it('003 二(三): xxcity charges nothing, so nothing is refunded', () => {
    expect(refundRequestsUnder(xxcity2024)).toMatchObject({ allowed: false, ruleId: 'fees.free-service' });
  });
});
