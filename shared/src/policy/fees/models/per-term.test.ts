import { yueyang2019 } from '../../profiles/yueyang-2019';
import { chargeInput, feeModelOf, weekdays } from '../../test-support';
import { perTermFee } from './per-term';

const model = feeModelOf(yueyang2019, 'per-term');
const TERM = { from: '2020-09-01', to: '2021-01-22' };

describe('yueyang per-term fee (001 六2)', () => {
  it('001 六2: 每生每期只收取一次费用 — the approved term fee, whatever the sessions', () => {
    const few = perTermFee(
      model,
      chargeInput({
        policy: 'yueyang-2019',
        student: { stage: 'primary' },
        school: { termFeeFen: 30000 },
        period: TERM,
        sessions: [{ date: '2020-09-01', minutes: 60 }],
      }),
      yueyang2019,
    );
    const many = perTermFee(
      model,
      chargeInput({
        policy: 'yueyang-2019',
        student: { stage: 'primary' },
        school: { termFeeFen: 30000 },
        period: TERM,
        sessions: [weekdays(TERM.from, TERM.to, 120, { periods: 3 })],
      }),
      yueyang2019,
    );
    expect(few).toMatchObject({ ok: true, grossFen: 30000 });
    expect(many).toMatchObject({ ok: true, grossFen: 30000 });
  });

  it('001 五2: without an approved term fee there is nothing that may be issued (fees.plan-not-approved)', () => {
    const result = perTermFee(model, chargeInput({ policy: 'yueyang-2019', student: { stage: 'primary' }, period: TERM, sessions: [] }), yueyang2019);
    expect(result).toMatchObject({ ok: false, violation: { ruleId: 'fees.plan-not-approved', path: 'school.termFeeFen' } });
  });

  it('charges nothing to a student not enrolled in the term', () => {
    const result = perTermFee(
      model,
      chargeInput({
        policy: 'yueyang-2019',
        student: { stage: 'junior' },
        school: { termFeeFen: 30000 },
        period: TERM,
        enrolled: { from: '2021-03-01', to: '2021-06-30' },
        sessions: [],
      }),
      yueyang2019,
    );
    expect(result).toMatchObject({ ok: true, grossFen: 0 });
  });
});
