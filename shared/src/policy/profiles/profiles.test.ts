import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isCalendarDate } from '../core/calendar';
import type { Citation } from '../core/citation';
import type { Parameter } from '../core/parameter';
import { getProfile, isProfileId, listProfiles, PROFILE_IDS, PROFILE_NAMES } from './registry';
import type { PolicyProfile } from './types';

const SEEDS = path.resolve(__dirname, '../../../../../shared/seeds');
const withoutSpaces = (text: string) => text.replace(/\s+/g, '');

function isCitation(node: unknown): node is Citation {
  return typeof node === 'object' && node !== null && 'doc' in node && 'section' in node;
}
function isParameter(node: unknown): node is Parameter<unknown> {
  return typeof node === 'object' && node !== null && 'unit' in node && 'from' in node && 'citation' in node;
}

/** Every citation and every timeline anywhere in a profile. */
function walk(node: unknown, found: { citations: Citation[]; timelines: Parameter<unknown>[][] }) {
  if (Array.isArray(node)) {
    if (node.length > 0 && node.every(isParameter)) found.timelines.push(node);
    for (const child of node) walk(child, found);
  } else if (isCitation(node)) {
    found.citations.push(node);
  } else if (typeof node === 'object' && node !== null) {
    for (const child of Object.values(node)) walk(child, found);
  }
  return found;
}

describe('registry', () => {
  it('lists the four profiles with Chinese names', () => {
    expect(PROFILE_IDS).toEqual(['qijiang-2020', 'yueyang-2019', 'xxcity-2024', 'suifenhe-2021']);
    expect(listProfiles().map((profile) => profile.id)).toEqual(PROFILE_IDS);
    expect(PROFILE_NAMES['suifenhe-2021']).toBe('黑龙江省绥芬河市（2021）');
    expect(getProfile('qijiang-2020').document.citeAs).toBe('綦江府办发〔2020〕41号');
    expect(getProfile('nowhere-2030')).toBeUndefined();
    expect(isProfileId('yueyang-2019')).toBe(true);
    expect(isProfileId('yueyang')).toBe(false);
  });
});

describe.each(listProfiles().map((profile) => [profile.id, profile] as const))('profile %s', (_id, profile: PolicyProfile) => {
  const seed = withoutSpaces(readFileSync(path.join(SEEDS, profile.document.seedFile), 'utf8'));
  const { citations, timelines } = walk(profile, { citations: [], timelines: [] });

  it('cites only its own document, and every quote is the document’s own words', () => {
    expect(citations.length).toBeGreaterThan(10);
    for (const citation of citations) {
      expect(citation.doc).toBe(profile.document.citeAs);
      expect(citation.section).not.toBe('');
      if (citation.quote !== undefined) expect(seed).toContain(withoutSpaces(citation.quote));
    }
  });

  it('dates every parameter, versions in order and never overlapping', () => {
    expect(timelines.length).toBeGreaterThan(0);
    for (const timeline of timelines) {
      timeline.forEach((version, index) => {
        expect(isCalendarDate(version.from)).toBe(true);
        if (version.to !== undefined) expect(version.to >= version.from).toBe(true);
        const next = timeline[index + 1];
        if (next) expect(version.to !== undefined && version.to < next.from).toBe(true);
      });
    }
  });

  it('001 二2: the basic care service never turns a student away', () => {
    expect(profile.basicCareRefusable.value).toBe(false);
  });

  it('names the disclosure items once each', () => {
    const keys = profile.disclosureItems.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('service-time');
  });
});

describe('profile data the later features read', () => {
  it('000 四(二): qijiang caps a term at 600 yuan for primary and 800 for every 中学 stage', () => {
    const model = getProfile('qijiang-2020').fees.model;
    expect(model.kind).toBe('per-period');
    if (model.kind !== 'per-period') return;
    expect(model.ratePerPeriodFen[0].value).toBe(200);
    expect(model.termCapFen[0].value).toEqual({ primary: 60000, junior: 80000, 'junior-final': 80000, senior: 80000 });
  });

  it('000 五 and 001 五2: qijiang and yueyang need an approved plan before charging; suifenhe needs the fee listed publicly', () => {
    expect(getProfile('qijiang-2020').fees.chargingRequiresApprovedPlan.value).toBe(true);
    expect(getProfile('yueyang-2019').fees.chargingRequiresApprovedPlan.value).toBe(true);
    expect(getProfile('xxcity-2024').fees.chargingRequiresApprovedPlan.value).toBe(false);
    expect(getProfile('suifenhe-2021').fees.chargingRequiresApprovedPlan.value).toBe(false);
    expect(getProfile('suifenhe-2021').fees.chargingRequiresDisclosure.value).toBe(true);
  });

  it('004 三(五)3(1): suifenhe lists fee standard and refund method before charging', () => {
    const beforeCharging = getProfile('suifenhe-2021')
      .disclosureItems.filter((item) => item.beforeCharging)
      .map((item) => item.key);
    expect(beforeCharging).toEqual(['fee-standard', 'refund-method']);
  });

  it('001 二2: yueyang discloses expenditure at the start of each term', () => {
    expect(getProfile('yueyang-2019').disclosureItems.map((item) => item.key)).toEqual([
      'service-time',
      'service-method',
      'service-content',
      'safety-measures',
      'fee-standard',
      'expenditure',
    ]);
  });

  it('001 六5 and 003 六(三): report dates', () => {
    expect(getProfile('yueyang-2019').reports).toEqual([expect.objectContaining({ key: 'semiannual-report', due: ['06-30', '12-31'], dueInclusive: true })]);
    expect(getProfile('xxcity-2024').reports).toEqual([expect.objectContaining({ key: 'annual-expenditure', due: ['03-01'], dueInclusive: false })]);
  });

  it('003 六(一), 五(二): xxcity budget controls', () => {
    const budget = getProfile('xxcity-2024').budget;
    expect(budget?.perStudentAnnualFen[0].value).toBe(100000);
    expect(budget?.externalShareMaxPercent[0].value).toBe(50);
  });

  it('004 三(二): suifenhe has a trial timetable from 2021-04-01 to 2022-02-28, then the standing one', () => {
    const times = getProfile('suifenhe-2021').schedule.serviceTimes;
    expect(times?.map((version) => [version.from, version.to])).toEqual([
      ['2021-04-01', '2022-02-28'],
      ['2022-03-01', undefined],
    ]);
  });
});
