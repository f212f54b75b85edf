import { qijiang2020 } from '../../profiles/qijiang-2020';
import { chargeInput, feeModelOf, weekdays } from '../../test-support';
import { perPeriodFee } from './per-period';

const model = feeModelOf(qijiang2020, 'per-period');
const TERM = { from: '2020-09-01', to: '2021-01-22' };
const NATIONAL_DAY = ['2020-10-01', '2020-10-02', '2020-10-05', '2020-10-06', '2020-10-07', '2020-10-08', '2021-01-01'];

const fee = (raw: Omit<Parameters<typeof chargeInput>[0], 'policy'>) => {
  const result = perPeriodFee(model, chargeInput({ policy: 'qijiang-2020', ...raw }));
  if (!result.ok) throw new Error(result.violation.message);
  return result;
};

describe('qijiang per-period fee (000 四(二))', () => {
  it('000 四(二): 2 元每生每课时 — every scheduled period costs 200 fen', () => {
    const result = fee({ student: { stage: 'primary' }, period: TERM, sessions: [weekdays('2020-09-07', '2020-09-11', 90, { periods: 2 })] });
    expect(result.grossFen).toBe(5 * 2 * 200);
    expect(result.lines).toHaveLength(1);
  });

  it('000 四(二): 小学每生每期最高不超过 600 元 — the primary term is capped at 60000 fen', () => {
    const result = fee({ student: { stage: 'primary' }, period: TERM, sessions: [weekdays(TERM.from, TERM.to, 120, { periods: 4, except: NATIONAL_DAY })] });
    expect(result.grossFen).toBe(60000);
    expect(result.lines.map((line) => line.amountFen)).toEqual([77600, -17600]);
  });

  it.each(['junior', 'junior-final', 'senior'] as const)('000 四(二): 中学每生每期最高不超过 800 元 — %s is capped at 80000 fen', (stage) => {
    const result = fee({ student: { stage }, period: TERM, sessions: [weekdays(TERM.from, TERM.to, 120, { periods: 4 })] });
    expect(result.grossFen).toBe(80000);
  });

  it('000 四(二): 中途参加…以周为单位据实结算 — joining on a Wednesday counts the whole week', () => {
    const result = fee({
      student: { stage: 'junior' },
      period: TERM,
      enrolled: { from: '2020-12-02', to: TERM.to },
      sessions: [weekdays(TERM.from, TERM.to, 90, { periods: 2, except: NATIONAL_DAY })],
    });
    // 8 weeks from Monday 2020-11-30, less New Year's Day: 39 days × 2 periods × 200 fen.
    expect(result.grossFen).toBe(15600);
    expect(result.lines[0].detail).toContain('2020-11-30 至 2021-01-22');
  });

  it('000 四(二): 中途退出 — leaving on a Tuesday still pays the rest of that week', () => {
    const result = fee({
      student: { stage: 'primary' },
      period: TERM,
      enrolled: { from: TERM.from, to: '2020-09-08' },
      sessions: [weekdays(TERM.from, TERM.to, 60)],
    });
    // 2020-09-01..04 (4 days) and the whole week of 2020-09-07 (5 days).
    expect(result.grossFen).toBe(9 * 200);
  });

  it('000 四(二): charges follow the schedule, not the student’s absences', () => {
    const present = fee({ student: { stage: 'primary' }, period: TERM, sessions: [weekdays('2020-09-07', '2020-09-11', 60)] });
    const absent = fee({
      student: { stage: 'primary' },
      period: TERM,
      sessions: [weekdays('2020-09-07', '2020-09-11', 60, { absent: ['2020-09-07', '2020-09-08', '2020-09-09'] })],
    });
    expect(absent.grossFen).toBe(present.grossFen);
  });

  it('counts only sessions inside the billing period, and nothing when enrolment misses the period', () => {
    expect(
      fee({ student: { stage: 'primary' }, period: { from: '2020-09-07', to: '2020-09-08' }, sessions: [weekdays('2020-09-07', '2020-09-11', 60)] }).grossFen,
    ).toBe(400);
    const outside = fee({
      student: { stage: 'primary' },
      period: TERM,
      enrolled: { from: '2021-02-01', to: '2021-06-30' },
      sessions: [weekdays(TERM.from, TERM.to, 60)],
    });
    expect(outside.grossFen).toBe(0);
  });
});
