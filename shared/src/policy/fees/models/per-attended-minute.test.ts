import { suifenhe2021 } from '../../profiles/suifenhe-2021';
import { chargeInput, feeModelOf, weekdays } from '../../test-support';
import { perAttendedMinuteFee } from './per-attended-minute';

const model = feeModelOf(suifenhe2021, 'per-attended-minute');
const MAY = { from: '2021-05-01', to: '2021-05-31' };

const gross = (raw: Omit<Parameters<typeof chargeInput>[0], 'policy' | 'period'> & { period?: { from: string; to: string } }) => {
  const result = perAttendedMinuteFee(model, chargeInput({ policy: 'suifenhe-2021', period: MAY, ...raw }));
  if (!result.ok) throw new Error(result.violation.message);
  return result;
};

describe('suifenhe fee by attended minutes (004 三(五)2)', () => {
  it('004 三(五)2: 每生每小时 4 元，超过或不足 1 小时按此标准进行折算 — 45 minutes cost 300 fen', () => {
    expect(gross({ student: { stage: 'primary' }, sessions: [{ date: '2021-05-06', minutes: 120, attendedMinutes: 45 }] }).grossFen).toBe(300);
  });

  it('004 三(五)2: 当天低于 30 分钟的不得收取费用 — 29 minutes are free, 30 are charged', () => {
    const result = gross({
      student: { stage: 'primary' },
      sessions: [
        { date: '2021-05-06', minutes: 120, attendedMinutes: 29 },
        { date: '2021-05-07', minutes: 120, attendedMinutes: 30 },
      ],
    });
    expect(result.grossFen).toBe(200);
    expect(result.lines[1]).toMatchObject({ label: '当天不足 30 分钟不收费', amountFen: 0, detail: '1 天共 29 分钟未计费' });
  });

  it('004 三(五)2: the 30 minutes are counted per day, adding up every session of the day', () => {
    const result = gross({
      student: { stage: 'primary' },
      sessions: [
        { date: '2021-05-06', minutes: 60, attendedMinutes: 20 },
        { date: '2021-05-06', minutes: 60, attendedMinutes: 15 },
      ],
    });
    expect(result.grossFen).toBe(233); // 35 × 400 / 60 = 233.33
  });

  it('004 三(五)2: 当月实际参加…据实收取 — absences are not charged; rounding half-up once on the month', () => {
    // Two days of 31 minutes: 62 × 400 / 60 = 413.33 → 413 (rounding each day would give 414).
    const result = gross({
      student: { stage: 'primary' },
      sessions: [
        { date: '2021-05-06', minutes: 120, attendedMinutes: 31 },
        { date: '2021-05-07', minutes: 120, attendedMinutes: 31 },
        { date: '2021-05-10', minutes: 120, attendedMinutes: 0 },
      ],
    });
    expect(result.grossFen).toBe(413);
  });

  it('004 三(五)2: 高中可上浮 10% — a senior pays 440 fen an hour with a 10 % markup', () => {
    const result = gross({ student: { stage: 'senior' }, school: { seniorMarkupPercent: 10 }, sessions: [weekdays('2021-05-10', '2021-05-14', 210)] });
    expect(result.grossFen).toBe((5 * 210 * 440) / 60);
    expect(result.lines[0].detail).toContain('高中上浮 10%');
  });

  it('004 三(五)2: the markup is for senior students only', () => {
    const result = gross({ student: { stage: 'junior-final' }, school: { seniorMarkupPercent: 10 }, sessions: [weekdays('2021-05-10', '2021-05-14', 210)] });
    expect(result.grossFen).toBe((5 * 210 * 400) / 60);
  });

  it('counts only attendance inside the enrolment', () => {
    const result = gross({
      student: { stage: 'primary' },
      enrolled: { from: '2021-05-12', to: '2021-05-31' },
      sessions: [weekdays('2021-05-10', '2021-05-14', 60)],
    });
    expect(result.grossFen).toBe(3 * 400);
  });
});
