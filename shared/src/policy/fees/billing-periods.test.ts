import { qijiang2020 } from '../profiles/qijiang-2020';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { yueyang2019 } from '../profiles/yueyang-2019';
import { billingPeriodOf, billingPeriodsUnder, findBillingPeriod, mayIssuePeriod } from './billing-periods';

const AUTUMN = { startDate: '2026-09-01', endDate: '2027-01-15' };
const section = (p: { citation: { section: string } }) => p.citation.section;

describe('billing periods of a term', () => {
  it('000 四(二) 每生每期: qijiang bills the whole term once', () => {
    const periods = billingPeriodsUnder(qijiang2020, AUTUMN);
    expect(periods).toEqual([expect.objectContaining({ key: 'term', from: '2026-09-01', to: '2027-01-15', label: '整个学期', byAttendance: false })]);
    expect(section(periods[0])).toBe('四(二)');
  });

  it('001 六2 每生每期只收取一次费用: yueyang bills the whole term once', () => {
    const periods = billingPeriodsUnder(yueyang2019, AUTUMN);
    expect(periods.map((p) => [p.key, p.from, p.to])).toEqual([['term', '2026-09-01', '2027-01-15']]);
    expect(periods[0].citation.quote).toBe('每生每期只收取一次费用');
  });

  it('004 三(五)2 每月…据实收取: suifenhe bills each calendar month, clipped to the term, by attendance', () => {
    const periods = billingPeriodsUnder(suifenhe2021, AUTUMN);
    expect(periods.map((p) => [p.key, p.from, p.to, p.label])).toEqual([
      ['2026-09', '2026-09-01', '2026-09-30', '2026年9月'],
      ['2026-10', '2026-10-01', '2026-10-31', '2026年10月'],
      ['2026-11', '2026-11-01', '2026-11-30', '2026年11月'],
      ['2026-12', '2026-12-01', '2026-12-31', '2026年12月'],
      ['2027-01', '2027-01-01', '2027-01-15', '2027年1月'],
    ]);
    expect(periods.every((p) => p.byAttendance && section(p) === '三(五)2')).toBe(true);
  });

  it('a spring term crossing February of a leap year ends the month on the 29th', () => {
    const periods = billingPeriodsUnder(suifenhe2021, { startDate: '2028-02-20', endDate: '2028-03-10' });
    expect(periods.map((p) => [p.key, p.from, p.to])).toEqual([
      ['2028-02', '2028-02-20', '2028-02-29'],
      ['2028-03', '2028-03-01', '2028-03-10'],
    ]);
  });

  it('003 二(三) 学校不得向家长收取: xxcity has no billing period', () => {
    expect(billingPeriodsUnder(xxcity2024, AUTUMN)).toEqual([]);
  });

  it('finds a period by its key only when the term has it', () => {
    expect(findBillingPeriod('suifenhe-2021', AUTUMN, '2026-11')?.to).toBe('2026-11-30');
    expect(findBillingPeriod('suifenhe-2021', AUTUMN, '2026-08')).toBeNull();
    expect(findBillingPeriod('suifenhe-2021', AUTUMN, 'term')).toBeNull();
    expect(findBillingPeriod('suifenhe-2021', AUTUMN, '2026-13')).toBeNull();
    expect(findBillingPeriod('qijiang-2020', AUTUMN, 'term')?.from).toBe('2026-09-01');
    expect(findBillingPeriod('qijiang-2020', AUTUMN, '2026-11')).toBeNull();
    expect(findBillingPeriod('no-such-profile', AUTUMN, 'term')).toBeNull();
  });

  it('tells which period a date falls in', () => {
    expect(billingPeriodOf('suifenhe-2021', AUTUMN, '2026-10-31')?.key).toBe('2026-10');
    expect(billingPeriodOf('qijiang-2020', AUTUMN, '2026-10-31')?.key).toBe('term');
    expect(billingPeriodOf('qijiang-2020', AUTUMN, '2027-02-01')).toBeNull();
  });

  it('a period billed by attendance is issued once it has ended or every day is recorded; by schedule any time', () => {
    const [september] = billingPeriodsUnder(suifenhe2021, AUTUMN);
    expect(mayIssuePeriod(september, '2026-09-30', false)).toBe(false);
    expect(mayIssuePeriod(september, '2026-09-30', true)).toBe(true);
    expect(mayIssuePeriod(september, '2026-10-01', false)).toBe(true);
    const [term] = billingPeriodsUnder(qijiang2020, AUTUMN);
    expect(mayIssuePeriod(term, '2026-09-02', false)).toBe(true);
  });
});
