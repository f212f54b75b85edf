import { qijiang2020 } from '../profiles/qijiang-2020';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { yueyang2019 } from '../profiles/yueyang-2019';
import { chargeInput, weekdays } from '../test-support';
import { settleWithdrawalUnder } from './withdrawal';

// 2026-09-07 is a Monday; the term's 19 weeks of Monday–Friday, 2 periods a day.
const term = { from: '2026-09-07', to: '2027-01-15' };
const qijiangTerm = chargeInput({
  policy: 'qijiang-2020',
  student: { stage: 'primary' },
  period: term,
  sessions: [weekdays(term.from, term.to, 80, { periods: 2 })],
});

describe('settling a withdrawal by the profile', () => {
  it('000 四(二) 以周为单位据实结算: qijiang charges every week overlapping the enrolment left, a partly covered week whole', () => {
    // Leaving on Wednesday 2026-09-23: the weeks of 7, 14 and 21 September count (15 days × 2 periods × 2 元).
    const settled = settleWithdrawalUnder(qijiang2020, { charge: qijiangTerm, leavesOn: '2026-09-23' });
    expect(settled).toMatchObject({ kind: 'recomputed', citation: { section: '四(二)' } });
    if (settled.kind === 'recomputed') expect(settled.charge.chargeFen).toBe(15 * 2 * 200);
  });

  it('qijiang: leaving after the period changes nothing; leaving before it starts charges nothing', () => {
    expect(settleWithdrawalUnder(qijiang2020, { charge: qijiangTerm, leavesOn: '2027-01-18' }).kind).toBe('unchanged');
    const before = settleWithdrawalUnder(qijiang2020, { charge: qijiangTerm, leavesOn: '2026-09-07' });
    expect(before.kind === 'recomputed' && before.charge.chargeFen).toBe(0);
  });

  it('004 三(五)2 据实收取: suifenhe charges the month by the minutes attended while enrolled', () => {
    const november = { from: '2026-11-01', to: '2026-11-30' };
    const charge = chargeInput({
      policy: 'suifenhe-2021',
      student: { stage: 'primary' },
      period: november,
      sessions: [weekdays('2026-11-02', '2026-11-30', 120)],
    });
    // Attended every day; leaving on 2026-11-16 leaves 2–13 November: 10 days × 2 h × 4 元.
    const settled = settleWithdrawalUnder(suifenhe2021, { charge, leavesOn: '2026-11-16' });
    expect(settled).toMatchObject({ kind: 'recomputed', citation: { section: '三(五)2' } });
    if (settled.kind === 'recomputed') expect(settled.charge.chargeFen).toBe(10 * 800);
  });

  it('001 六2: yueyang sets no refund method; 003 二(三): xxcity charged nothing', () => {
    const charge = chargeInput({ policy: 'yueyang-2019', student: { stage: 'primary' }, school: { termFeeFen: 30_000 }, period: term, sessions: [] });
    expect(settleWithdrawalUnder(yueyang2019, { charge, leavesOn: '2026-10-01' })).toMatchObject({
      kind: 'not-settled',
      ruleId: 'refund.no-method',
      citation: { section: '六2' },
    });
    const free = chargeInput({ policy: 'xxcity-2024', student: { stage: 'primary' }, period: term, sessions: [] });
    expect(settleWithdrawalUnder(xxcity2024, { charge: free, leavesOn: '2026-10-01' })).toMatchObject({ kind: 'not-settled', ruleId: 'fees.free-service' });
  });
});
