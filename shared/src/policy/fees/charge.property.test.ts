import fc from 'fast-check';
import { addDays } from '../core/calendar';
import { HARDSHIPS, STAGES } from '../domain';
import { PROFILE_IDS } from '../profiles/registry';
import type { ChargeInput, DatedSession } from '../schemas';
import { computeCharge } from './charge';

const PERIOD = { from: '2021-03-01', to: '2021-07-16' };
const DAYS = 137;

const session: fc.Arbitrary<DatedSession> = fc
  .record({
    day: fc.integer({ min: 0, max: DAYS }),
    minutes: fc.integer({ min: 0, max: 240 }),
    periods: fc.integer({ min: 0, max: 6 }),
    attendedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ day, minutes, periods, attendedShare }) => ({
    date: addDays(PERIOD.from, day),
    minutes,
    periods,
    attendedMinutes: Math.round(minutes * attendedShare),
  }));

const enrolled = fc
  .tuple(fc.integer({ min: 0, max: DAYS }), fc.integer({ min: 0, max: DAYS }))
  .map(([a, b]) => ({ from: addDays(PERIOD.from, Math.min(a, b)), to: addDays(PERIOD.from, Math.max(a, b)) }));

const chargeInput: fc.Arbitrary<ChargeInput> = fc.record({
  policy: fc.constantFrom(...PROFILE_IDS),
  student: fc.record({ stage: fc.constantFrom(...STAGES), hardship: fc.constantFrom(...HARDSHIPS), reductionPercent: fc.integer({ min: 0, max: 100 }) }),
  school: fc.record({
    planApproved: fc.boolean(),
    termFeeFen: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: undefined }),
    seniorMarkupPercent: fc.integer({ min: 0, max: 12 }),
  }),
  period: fc.constant(PERIOD),
  enrolled: fc.option(enrolled, { nil: undefined }),
  sessions: fc.array(session, { maxLength: 120 }),
});

const TERM_CAP: Record<string, number> = { primary: 60_000, junior: 80_000, 'junior-final': 80_000, senior: 80_000 };

describe('computeCharge properties', () => {
  it('charge + exempt = gross; nothing negative; government share ≤ exempt; lines add up to the charge', () => {
    fc.assert(
      fc.property(chargeInput, (input) => {
        const result = computeCharge(input);
        if (!result.ok) return;
        expect(result.chargeFen + result.exemptFen).toBe(result.grossFen);
        expect(result.chargeFen).toBeGreaterThanOrEqual(0);
        expect(result.exemptFen).toBeGreaterThanOrEqual(0);
        expect(result.governmentShareFen).toBeGreaterThanOrEqual(0);
        expect(result.governmentShareFen).toBeLessThanOrEqual(result.exemptFen);
        expect(Number.isInteger(result.chargeFen) && Number.isInteger(result.governmentShareFen)).toBe(true);
        expect(result.lines.reduce((sum, line) => sum + line.amountFen, 0)).toBe(result.chargeFen);
      }),
      { numRuns: 500 },
    );
  });

  it('000 四(二): qijiang never charges more than the term cap', () => {
    fc.assert(
      fc.property(chargeInput, (generated) => {
        const input = { ...generated, policy: 'qijiang-2020' as const };
        const result = computeCharge(input);
        if (result.ok) expect(result.grossFen).toBeLessThanOrEqual(TERM_CAP[input.student.stage]);
      }),
      { numRuns: 300 },
    );
  });

  it('000 四(二): qijiang charges for the schedule, so attendance never changes the fee', () => {
    fc.assert(
      fc.property(chargeInput, (generated) => {
        const input = { ...generated, policy: 'qijiang-2020' as const };
        const allAbsent = { ...input, sessions: input.sessions.map((s) => ({ ...s, attendedMinutes: 0 })) };
        expect(computeCharge(allAbsent)).toEqual(computeCharge(input));
      }),
      { numRuns: 200 },
    );
  });

  it('004 三(五)2: suifenhe never charges more for less attendance', () => {
    fc.assert(
      fc.property(chargeInput, fc.integer({ min: 0, max: 119 }), (generated, dropped) => {
        const input = { ...generated, policy: 'suifenhe-2021' as const, school: { ...generated.school, seniorMarkupPercent: 5 } };
        const fewer = { ...input, sessions: input.sessions.map((s, index) => (index === dropped ? { ...s, attendedMinutes: 0 } : s)) };
        const [before, after] = [computeCharge(input), computeCharge(fewer)];
        if (before.ok && after.ok) expect(after.grossFen).toBeLessThanOrEqual(before.grossFen);
      }),
      { numRuns: 200 },
    );
  });
});
