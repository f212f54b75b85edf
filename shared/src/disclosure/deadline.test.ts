import { filingDeadlineInfo } from './deadline';
import { profiles } from './test-fixtures';

const { yueyang, qijiang } = profiles;
// 2026-09-01 is a Tuesday: 10 working days later (the first day not counted) is Tuesday 2026-09-15.
const START = '2026-09-01';

describe('filing deadline (yueyang 001 五2: within 10 working days after the term starts)', () => {
  it('computes the deadline with the engine and cites the clause', () => {
    const info = filingDeadlineInfo(yueyang, START, '2026-09-02', null);
    expect(info).toMatchObject({ deadline: '2026-09-15', state: 'open', daysLeft: 13, citation: { section: '五2' } });
  });

  it.each([
    ['2026-09-12', 'near', 3],
    ['2026-09-15', 'near', 0],
    ['2026-09-16', 'past', -1],
  ])('on %s it is %s', (today, state, daysLeft) => {
    const info = filingDeadlineInfo(yueyang, START, today, null);
    expect(info).toMatchObject({ state, daysLeft });
    expect(info.message).toContain('2026-09-15');
  });

  it('once filed, it says whether the filing was in time', () => {
    expect(filingDeadlineInfo(yueyang, START, '2026-10-01', '2026-09-10').state).toBe('filed');
    expect(filingDeadlineInfo(yueyang, START, '2026-10-01', '2026-09-20').state).toBe('filed-late');
  });

  it('profiles without a deadline say so', () => {
    expect(filingDeadlineInfo(qijiang, START, '2026-12-01', null)).toMatchObject({ deadline: null, state: 'none' });
  });
});
