import { toCsv } from './csv';
import { reportDuties } from './report-duties';
import { buildSemiannualReport, buildSpendingDisclosure, type ReportTermData, termsInPeriod } from './reports';
import { profiles, validContent } from './test-fixtures';
import type { PlanVersion, PublicationRecord } from './types';

describe('CSV export', () => {
  it('starts with a BOM, quotes what needs quoting and defuses formulas', () => {
    const csv = toCsv([
      ['名称', '说明'],
      ['篮球社', '周二, 周四'],
      ['"引号"', '=HYPERLINK("x")'],
      [3, '第一行\n第二行'],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['名称,说明', '篮球社,"周二, 周四"', '"""引号""","\'=HYPERLINK(""x"")"', '3,"第一行\n第二行"', '']);
  });
});

describe('report duties from the profile', () => {
  it('yueyang: half-year reports due 30 June and 31 December (001 六5)', () => {
    expect(reportDuties(profiles.yueyang, '2026-11-23')).toEqual([
      expect.objectContaining({ key: 'semiannual-report', due: '2026-12-31', period: { year: 2026, half: 2 }, periodLabel: '2026 年 7 月 1 日至 12 月 31 日' }),
    ]);
    expect(reportDuties(profiles.yueyang, '2026-06-30')[0]).toMatchObject({ due: '2026-06-30', period: { year: 2026, half: 1 } });
  });

  it('xxcity: the previous year’s spending, before March (003 六(三))', () => {
    expect(reportDuties(profiles.xxcity, '2027-01-10')[0]).toMatchObject({
      key: 'annual-expenditure',
      due: '2027-03-01',
      period: { year: 2026 },
      dueInclusive: false,
    });
    expect(reportDuties(profiles.xxcity, '2027-03-01')[0]).toMatchObject({ due: '2028-03-01', period: { year: 2027 } });
  });

  it('profiles without reports have none', () => {
    expect(reportDuties(profiles.suifenhe, '2026-11-23')).toEqual([]);
  });
});

const spring: ReportTermData = {
  term: { name: '2025—2026 学年第二学期', startDate: '2026-02-24', endDate: '2026-07-05' },
  plan: null,
  versions: [],
  publication: null,
  enrolment: { total: 0, byItem: {} },
};

function autumn(profileId: PublicationRecord['profileId']): ReportTermData {
  const content = validContent();
  content.providers.push({ id: 'prov-ngo', name: '青少年宫', type: 'nonprofit', vetted: true, list: null });
  content.items[0].costFen = 100_000_00;
  content.items[1] = { ...content.items[1], providerId: 'prov-ngo', costFen: 20_000_00 };
  const version: PlanVersion = {
    _id: 'p:s1',
    planId: 'p',
    number: 1,
    content,
    submittedAt: '2026-09-08T02:00:00.000Z',
    submittedBy: 'x',
    decision: 'approved',
    decidedBy: 'y',
    decidedAt: '2026-09-10T02:00:00.000Z',
    comments: '',
  };
  return {
    term: { name: '2026—2027 学年第一学期', startDate: '2026-09-01', endDate: '2027-01-15' },
    plan: {
      _id: 'p',
      schoolId: 's',
      termId: 't',
      profileId,
      status: 'published',
      revision: 4,
      content,
      submissions: 1,
      publishedVersion: 1,
      firstSubmittedAt: '2026-09-08T02:00:00.000Z',
    },
    versions: [version],
    publication: {
      _id: 'p:v1',
      schoolId: 's',
      termId: 't',
      version: 1,
      current: true,
      profileId,
      schoolName: '学校',
      termName: '秋季',
      publishedAt: '2026-09-11T02:00:00.000Z',
      content,
      fees: { lines: [], refundMethod: '' },
    },
    enrolment: { total: 180, byItem: { 'basic-care': 170, 'club-chess': 18 } },
  };
}

describe('report builders read the recorded data', () => {
  it('termsInPeriod keeps the terms overlapping the half-year', () => {
    expect(termsInPeriod([autumn('yueyang-2019'), spring], { year: 2026, half: 1 })).toEqual([spring]);
    expect(termsInPeriod([autumn('yueyang-2019'), spring], { year: 2026, half: 2 }).map((t) => t.term.startDate)).toEqual(['2026-02-24', '2026-09-01']);
  });

  it('yueyang half-year report: filing, publication, and each item’s head count, content, time and form', () => {
    const table = buildSemiannualReport(profiles.yueyang, '岳阳市某小学', { year: 2026, half: 2 }, [autumn('yueyang-2019'), spring]);
    expect(table.fileName).toBe('semiannual-report-2026-H2.csv');
    const text = table.rows.map((r) => r.join('|')).join('\n');
    expect(text).toContain('报告期间|2026 年 7 月 1 日至 12 月 31 日');
    expect(text).toContain('依据|岳教体发〔2019〕11号 六5');
    expect(text).toContain('备案审核通过|第 1 次提交，2026-09-10');
    expect(text).toContain('公开版本|第 1 版，2026-09-11 公开');
    expect(text).toContain('基础托管|基础托管|作业辅导与答疑|周一至周五|本校教职工|不设名额|170');
    expect(text).toContain('围棋社|社团|娱乐游戏|周二|青少年宫|20|18');
    expect(text).toContain('方案状态|未制定方案');
  });

  it('xxcity spending disclosure: costs, the outside share and the engine’s budget check', () => {
    const table = buildSpendingDisclosure(profiles.xxcity, 'XX市某小学', { year: 2026 }, [autumn('xxcity-2024')]);
    const text = table.rows.map((r) => r.join('|')).join('\n');
    expect(table.fileName).toBe('annual-expenditure-2026.csv');
    expect(text).toContain('合计|||120000.00');
    expect(text).toContain('其中校外机构和外聘人员|||20000.00');
    expect(text).toContain('校外占比|16.7%');
    expect(text).toContain('每生每年控制数|1000 元');
    expect(text).toContain('预算检查|符合预算控制要求');
    const over = autumn('xxcity-2024');
    over.enrolment.total = 100;
    expect(
      buildSpendingDisclosure(profiles.xxcity, '某校', { year: 2026 }, [over])
        .rows.map((r) => r.join('|'))
        .join('\n'),
    ).toMatch(/预算检查\|.*超过每生每年 1000.00 元 的控制数/);
  });
});
