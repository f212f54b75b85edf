import { xxcity2024 } from '../../profiles/xxcity-2024';
import { feeModelOf } from '../../test-support';
import { freeServiceFee } from './free';

describe('xxcity free service (003 二(三))', () => {
  it('003 二(三): 经费由政府保障，学校不得向家长收取 — the fee is 0 and the notice says why', () => {
    const result = freeServiceFee(feeModelOf(xxcity2024, 'free'));
    expect(result).toMatchObject({ ok: true, grossFen: 0 });
    if (!result.ok) return;
    expect(result.lines[0].citation.section).toBe('二(三)');
    expect(result.lines[0].detail).toContain('政府保障');
  });
});
