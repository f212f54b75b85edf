import fc from 'fast-check';
import { PROFILE_IDS } from '../profiles/registry';
import { refundInput, weekdays } from '../test-support';
import { computeRefund } from './refund';

const TERM = { from: '2020-09-01', to: '2021-01-22' };

describe('computeRefund per profile', () => {
  it('004 三(五)3(2): suifenhe uses the whole/half/none month rule', () => {
    const input = refundInput({
      policy: 'suifenhe-2021',
      student: { stage: 'primary' },
      period: { from: '2021-05-01', to: '2021-05-31' },
      paidFen: 16000,
      sessions: [weekdays('2021-05-03', '2021-05-28', 120, { attendedMinutes: 0 })],
    });
    expect(computeRefund(input)).toMatchObject({ ok: true, refundFen: 16000 });
  });

  it('000 四(二): 中途退出…以周为单位据实结算 — qijiang refunds what was paid less the weekly-settled charge', () => {
    const input = refundInput({
      policy: 'qijiang-2020',
      student: { stage: 'primary' },
      period: TERM,
      enrolled: { from: TERM.from, to: '2020-09-09' },
      paidFen: 60000,
      sessions: [weekdays(TERM.from, TERM.to, 120, { periods: 2 })],
    });
    // Weeks of 2020-08-31 and 2020-09-07: 9 days × 2 periods × 200 fen = 3600 due.
    expect(computeRefund(input)).toMatchObject({ ok: true, refundFen: 56400 });
  });

  it('000 五: qijiang refunds everything when the plan had not passed review', () => {
    const input = refundInput({
      policy: 'qijiang-2020',
      student: { stage: 'primary' },
      school: { planApproved: false },
      period: TERM,
      paidFen: 60000,
      sessions: [weekdays(TERM.from, TERM.to, 120)],
    });
    expect(computeRefund(input)).toMatchObject({ ok: true, refundFen: 60000 });
  });

  it('000 四(二): qijiang never refunds more than was paid', () => {
    const input = refundInput({
      policy: 'qijiang-2020',
      student: { stage: 'primary' },
      period: TERM,
      paidFen: 1000,
      sessions: [weekdays(TERM.from, TERM.to, 120)],
    });
    expect(computeRefund(input)).toMatchObject({ ok: true, refundFen: 0 });
  });

  it('003 二(三): xxcity returns anything a family was made to pay', () => {
    const input = refundInput({
      policy: 'xxcity-2024',
      student: { stage: 'primary' },
      period: { from: '2024-09-01', to: '2024-09-30' },
      paidFen: 5000,
      sessions: [],
    });
    expect(computeRefund(input)).toMatchObject({ ok: true, refundFen: 5000 });
  });

  it('001 六2: yueyang sets no refund method — refund.no-method, settled by the parents’ agreement', () => {
    const input = refundInput({
      policy: 'yueyang-2019',
      student: { stage: 'primary' },
      school: { termFeeFen: 30000 },
      period: TERM,
      paidFen: 30000,
      sessions: [],
    });
    expect(computeRefund(input)).toMatchObject({ ok: false, violation: { ruleId: 'refund.no-method', citation: { section: '六2' } } });
  });

  it('never refunds more than was paid, nor less than nothing', () => {
    const attendance = fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 0, maxLength: 23 });
    fc.assert(
      fc.property(fc.constantFrom(...PROFILE_IDS), fc.integer({ min: 0, max: 100_000 }), attendance, fc.boolean(), (policy, paidFen, minutes, planApproved) => {
        const input = refundInput({
          policy,
          student: { stage: 'primary' },
          school: { planApproved, termFeeFen: 30000 },
          period: { from: '2021-03-01', to: '2021-03-31' },
          paidFen,
          sessions: minutes.map((attendedMinutes, index) => ({ date: `2021-03-${String(index + 1).padStart(2, '0')}`, minutes: 120, attendedMinutes })),
        });
        const result = computeRefund(input);
        if (!result.ok) return;
        expect(result.refundFen).toBeGreaterThanOrEqual(0);
        expect(result.refundFen).toBeLessThanOrEqual(paidFen);
      }),
      { numRuns: 400 },
    );
  });
});
