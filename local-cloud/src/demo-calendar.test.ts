import { demoTermAround, lastMonth } from './demo-calendar';

describe('the demo term is always under way, whatever the day', () => {
  it.each(['2026-12-02', '2027-01-03', '2027-02-01', '2027-03-15', '2027-07-20', '2027-08-15', '2027-09-03', '2028-02-29', '2026-10-01'])(
    'on %s the term has begun by the first of last month and has two weeks left',
    (today) => {
      const term = demoTermAround(today);
      const month = lastMonth(today);
      expect(term.startDate <= month.from).toBe(true);
      expect(month.to < today).toBe(true);
      const twoWeeksOn = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
      expect(twoWeeksOn <= term.endDate).toBe(true);
      expect(term.name).toMatch(/^\d{4}—\d{4} 学年第[一二]学期$/);
    },
  );

  it('uses the real autumn term when today fits it', () => {
    expect(demoTermAround('2026-12-02')).toEqual({ startDate: '2026-09-01', endDate: '2027-01-15', name: '2026—2027 学年第一学期' });
    expect(lastMonth('2026-12-02')).toEqual({ key: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(lastMonth('2027-01-03')).toEqual({ key: '2026-12', from: '2026-12-01', to: '2026-12-31' });
  });
});
