import { applyAnswerToTally, averageOf, emptyTallyItems, shownClasses } from './surveys';

const t = (classId: string, answers: number) => ({ classId, answers });

describe('survey small-count rule', () => {
  it('hides classes under 5 answers', () => {
    expect([...shownClasses([t('a', 5), t('b', 7), t('c', 2), t('d', 3)])].sort()).toEqual(['a', 'b']);
  });

  it('hides the smallest shown class too when the hidden ones hold 1–4 answers together', () => {
    expect([...shownClasses([t('a', 6), t('b', 9), t('c', 3)])]).toEqual(['b']);
    expect([...shownClasses([t('a', 6), t('c', 3)])]).toEqual([]);
  });

  it('shows every class when none is small', () => {
    expect(shownClasses([t('a', 5), t('b', 5)]).size).toBe(2);
  });
});

describe('tally', () => {
  it('an edit moves the counts, a first answer adds one', () => {
    const r = (n: number) => ({ safety: n, content: n, staff: n, fees: n, pickup: n });
    const first = applyAnswerToTally({ answers: 0, items: emptyTallyItems() }, null, r(3));
    const edited = applyAnswerToTally(first, r(3), r(5));
    expect(first).toMatchObject({ answers: 1, items: { safety: [0, 0, 1, 0, 0] } });
    expect(edited).toMatchObject({ answers: 1, items: { safety: [0, 0, 0, 0, 1] } });
    expect(averageOf([1, 0, 0, 0, 1])).toBe(3);
    expect(averageOf([0, 0, 0, 0, 0])).toBeNull();
  });
});
