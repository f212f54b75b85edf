import { chargeInputSchema, planInputSchema, scenarioSchema, scheduleInputSchema } from './schemas';

describe('zod schemas of the scenario format and engine inputs', () => {
  it('fills the documented defaults', () => {
    const input = chargeInputSchema.parse({
      policy: 'qijiang-2020',
      student: { stage: 'primary' },
      period: { from: '2020-09-01', to: '2021-01-22' },
      sessions: [{ date: '2020-09-01', minutes: 90 }],
    });
    expect(input.student).toEqual({ stage: 'primary', hardship: 'none', reductionPercent: 0 });
    expect(input.school).toEqual({ planApproved: true, seniorMarkupPercent: 0 });
    expect(input.sessions[0]).toEqual({ date: '2020-09-01', minutes: 90, periods: 1 });

    const plan = planInputSchema.parse({ policy: 'suifenhe-2021', activities: [{ category: 'arts', provider: { type: 'nonprofit' } }] });
    expect(plan.activities[0]).toEqual({
      name: '',
      category: 'arts',
      assignsHomework: false,
      provider: { type: 'nonprofit', vetted: false, list: null },
      costFen: 0,
    });
    expect(scheduleInputSchema.parse({ policy: 'yueyang-2019', stage: 'primary', date: '2020-12-08', start: '16:00', end: '17:00', blocks: [] }).winter).toBe(
      false,
    );
  });

  it('refuses unknown profiles, impossible dates, bad times, reversed windows and negative money', () => {
    const base = { policy: 'qijiang-2020', student: { stage: 'primary' }, period: { from: '2020-09-01', to: '2021-01-22' }, sessions: [] };
    expect(chargeInputSchema.safeParse({ ...base, policy: 'beijing-2025' }).success).toBe(false);
    expect(chargeInputSchema.safeParse({ ...base, period: { from: '2021-02-30', to: '2021-03-01' } }).success).toBe(false);
    expect(chargeInputSchema.safeParse({ ...base, period: { from: '2021-03-01', to: '2021-02-01' } }).success).toBe(false);
    expect(chargeInputSchema.safeParse({ ...base, school: { termFeeFen: -1 } }).success).toBe(false);
    expect(chargeInputSchema.safeParse({ ...base, student: { stage: 'university' } }).success).toBe(false);
    expect(scheduleInputSchema.safeParse({ policy: 'yueyang-2019', stage: 'primary', date: '2020-12-08', start: '4pm', end: '17:00' }).success).toBe(false);
  });

  it('parses every scenario kind and rejects an unknown kind', () => {
    const header = { name: 'x', source: 'y', policy: 'xxcity-2024' };
    expect(scenarioSchema.parse({ ...header, kind: 'plan', students: 1, activities: [], expect: { violations: [] } }).kind).toBe('plan');
    expect(
      scenarioSchema.parse({
        ...header,
        kind: 'refund',
        student: { stage: 'primary' },
        period: { from: '2024-05-01', to: '2024-05-31' },
        sessions: [],
        paidFen: 0,
        expect: { refundFen: 0 },
      }).kind,
    ).toBe('refund');
    expect(scenarioSchema.safeParse({ ...header, kind: 'invoice', expect: {} }).success).toBe(false);
  });
});
