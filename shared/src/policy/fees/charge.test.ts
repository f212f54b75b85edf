import { chargeInput, weekdays } from '../test-support';
import { computeCharge } from './charge';

const MAY = { from: '2021-05-01', to: '2021-05-31' };
const TERM = { from: '2020-09-01', to: '2021-01-22' };

describe('computeCharge', () => {
  it('004 三(五)2: suifenhe hardship — gross, waiver and the city’s half, lines adding up to what the family pays', () => {
    const result = computeCharge(
      chargeInput({
        policy: 'suifenhe-2021',
        student: { stage: 'primary', hardship: 'subsistence' },
        period: MAY,
        sessions: [weekdays('2021-05-10', '2021-05-14', 120)],
      }),
    );
    expect(result).toMatchObject({ ok: true, grossFen: 4000, chargeFen: 0, exemptFen: 4000, governmentShareFen: 2000 });
    if (result.ok) expect(result.lines.reduce((sum, line) => sum + line.amountFen, 0)).toBe(result.chargeFen);
  });

  it('000 四(二): qijiang caps first, then waives on the capped fee', () => {
    const result = computeCharge(
      chargeInput({
        policy: 'qijiang-2020',
        student: { stage: 'primary', hardship: 'other', reductionPercent: 25 },
        period: TERM,
        sessions: [weekdays(TERM.from, TERM.to, 120, { periods: 4 })],
      }),
    );
    expect(result).toMatchObject({ ok: true, grossFen: 60000, exemptFen: 15000, chargeFen: 45000 });
  });

  it('000 五: qijiang refuses to charge before the plan passed review, even a fully exempt student', () => {
    const result = computeCharge(
      chargeInput({
        policy: 'qijiang-2020',
        student: { stage: 'primary', hardship: 'subsistence' },
        school: { planApproved: false },
        period: TERM,
        sessions: [],
      }),
    );
    expect(result).toMatchObject({ ok: false, violation: { ruleId: 'fees.plan-not-approved' } });
  });

  it('001 五2: yueyang refuses before approval; 001 六2: charges the term fee once after', () => {
    const raw = { policy: 'yueyang-2019' as const, student: { stage: 'primary' as const }, period: TERM, sessions: [weekdays(TERM.from, TERM.to, 90)] };
    expect(computeCharge(chargeInput({ ...raw, school: { planApproved: false, termFeeFen: 30000 } }))).toMatchObject({
      ok: false,
      violation: { ruleId: 'fees.plan-not-approved' },
    });
    expect(computeCharge(chargeInput({ ...raw, school: { termFeeFen: 30000 } }))).toMatchObject({ ok: true, chargeFen: 30000, exemptFen: 0 });
  });

  it('003 二(三): xxcity answers a charge with zeros, plan approved or not', () => {
    const result = computeCharge(
      chargeInput({
        policy: 'xxcity-2024',
        student: { stage: 'junior', hardship: 'subsistence' },
        school: { planApproved: false },
        period: { from: '2024-09-01', to: '2025-01-17' },
        sessions: [weekdays('2024-09-02', '2025-01-17', 90, { periods: 2 })],
      }),
    );
    expect(result).toMatchObject({ ok: true, grossFen: 0, chargeFen: 0, exemptFen: 0, governmentShareFen: 0 });
  });

  it('004 三(五)2: suifenhe refuses a markup above 10 %, and does not wait for a plan review', () => {
    const raw = { policy: 'suifenhe-2021' as const, student: { stage: 'senior' as const }, period: MAY, sessions: [weekdays('2021-05-10', '2021-05-14', 60)] };
    expect(computeCharge(chargeInput({ ...raw, school: { seniorMarkupPercent: 11 } }))).toMatchObject({
      ok: false,
      violation: { ruleId: 'fees.markup-too-high' },
    });
    expect(computeCharge(chargeInput({ ...raw, school: { planApproved: false } }))).toMatchObject({ ok: true, chargeFen: 2000 });
  });
});
