import type { PlanStatus } from '../domain/plan';
import { chargeability, isChargeable } from './chargeable';

const plan = (profileId: 'qijiang-2020' | 'yueyang-2019' | 'xxcity-2024' | 'suifenhe-2021', status: PlanStatus, publishedVersion = 0) => ({
  profileId,
  status,
  publishedVersion,
});

describe('nothing can be charged for a term whose plan is not approved', () => {
  it.each<[PlanStatus, number, boolean]>([
    ['draft', 0, false],
    ['submitted', 0, false],
    ['returned', 0, false],
    ['approved', 0, true],
    ['published', 1, true],
    // Revising a published plan: the approved, published version stays in force meanwhile.
    ['draft', 1, true],
    ['submitted', 2, true],
  ])('yueyang, plan %s (published version %d) → chargeable %s', (status, published, expected) => {
    expect(isChargeable(plan('yueyang-2019', status, published))).toBe(expected);
  });

  it('no plan at all: not chargeable', () => {
    expect(isChargeable(null)).toBe(false);
  });

  it('cites the profile’s approval clause (yueyang 001 五2)', () => {
    const answer = chargeability(plan('yueyang-2019', 'submitted'));
    expect(answer).toMatchObject({ chargeable: false, citation: { doc: '岳教体发〔2019〕11号', section: '五2' } });
  });

  it('suifenhe also needs the fee standard published (三(五)3(1)): approved is not enough', () => {
    expect(chargeability(plan('suifenhe-2021', 'approved'))).toMatchObject({ chargeable: false, citation: { section: '三(五)3(1)' } });
    expect(isChargeable(plan('suifenhe-2021', 'published', 1))).toBe(true);
  });

  it('xxcity: free for families, never chargeable', () => {
    expect(chargeability(plan('xxcity-2024', 'published', 1))).toMatchObject({ chargeable: false, citation: { section: '二(三)' } });
  });
});
