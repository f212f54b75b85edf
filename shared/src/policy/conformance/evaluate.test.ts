import { evaluateScenario, parseScenario } from './evaluate';

const schedule = (violations: string[]) =>
  JSON.stringify({
    name: 'Suifenhe primary during the trial must end at 17:30',
    source: '004 三(二)',
    policy: 'suifenhe-2021',
    kind: 'schedule',
    stage: 'primary',
    date: '2021-10-12',
    start: '15:30',
    end: '18:00',
    blocks: [
      { category: 'sports', minutes: 60 },
      { category: 'subject-teaching', minutes: 30 },
      { category: 'subject-teaching', minutes: 60 },
    ],
    expect: { violations },
  });

function run(text: string) {
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return evaluateScenario(parsed.scenario);
}

describe('evaluating one scenario', () => {
  it('compares the SET of rule ids: order and one-per-block repeats do not matter', () => {
    expect(run(schedule(['content.subject-teaching', 'schedule.end-too-late'])).passed).toBe(true);
    expect(run(schedule(['schedule.end-too-late', 'content.subject-teaching', 'content.subject-teaching'])).passed).toBe(true);
    const missing = run(schedule(['schedule.end-too-late']));
    expect(missing).toEqual({
      passed: false,
      expected: { violations: ['schedule.end-too-late'] },
      actual: { violations: ['content.subject-teaching', 'schedule.end-too-late'] },
    });
  });

  it('checks only the money fields the scenario names, and an expected error must be that error', () => {
    const charge = (expect: object) =>
      JSON.stringify({
        name: 'c',
        policy: 'qijiang-2020',
        kind: 'charge',
        student: { stage: 'primary', hardship: 'none' },
        period: { from: '2020-09-01', to: '2020-09-30' },
        sessions: [{ date: '2020-09-01', minutes: 60, periods: 2 }],
        expect,
      });
    expect(run(charge({ chargeFen: 400 })).passed).toBe(true);
    expect(run(charge({ chargeFen: 400, exemptFen: 0, governmentShareFen: 0 })).passed).toBe(true);
    expect(run(charge({ chargeFen: 401 })).passed).toBe(false);
    expect(run(charge({ error: 'fees.plan-not-approved' }))).toMatchObject({ passed: false, actual: { chargeFen: 400 } });
  });

  it('reports unparseable scenarios with the reason, never skips them', () => {
    expect(parseScenario('{ nope')).toMatchObject({ ok: false, problem: expect.stringContaining('invalid JSON') });
    expect(parseScenario(JSON.stringify({ name: 'x', policy: 'qijiang-2020', kind: 'schedule', expect: { violations: [] } }))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('stage'),
    });
    expect(parseScenario(JSON.stringify({ name: 'x', policy: 'shanghai-2030', kind: 'plan', activities: [], expect: { violations: [] } }))).toMatchObject({
      ok: false,
    });
  });
});
