import { addDays } from '@kehou/shared/policy';
import { chinaDateOf } from './demo-calendar';
import { createRuntime, type LocalRuntime } from './runtime';
import { DEMO, DEMO_IDS, seedDemoData } from './seed';
import { seedDemoTerm } from './seed-demo-term';
import { YUEYANG } from './seed-ids';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await createRuntime();
  await seedDemoData(runtime.database, runtime.clock.now());
  await seedDemoTerm(runtime);
}, 120_000); // a whole term's replay (every service day so far) through the real actions: slow on a loaded 2-core machine
afterAll(() => runtime.close());

describe('the demo term replayed through the cloud functions', () => {
  it('six children of 三年级(2)班 are active since the week before term, with signed agreements', async () => {
    const { data } = await runtime.database.collection('applications').where({ status: 'active' }).get();
    expect(data).toHaveLength(6);
    const { total } = await runtime.database.collection('signatures').count();
    expect(total).toBe(6);
    const activeSince = (data as unknown as { history: { status: string; at: string }[] }[]).map((a) => a.history.find((h) => h.status === 'active')?.at);
    const term = (await runtime.database.collection('terms').doc(DEMO_IDS.suifenheTerm).get()).data as unknown as { startDate: string };
    expect(new Set(activeSince.map((at) => at?.slice(0, 10)))).toEqual(new Set([addDays(term.startDate, -5)]));
    expect(runtime.clock.shifted).toBe(false);
    const mine = await runtime.call<any>('enrollment', { action: 'listMyApplications', data: {} }, DEMO.parent);
    expect(JSON.stringify(mine)).toContain('active');
  });

  it('the class teacher has them on the sheet of every past service day, recorded', async () => {
    let day = addDays(chinaDateOf(new Date()), -1);
    while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, -1);
    const sheet = await runtime.call<any>('enrollment', { action: 'getAttendanceSheet', data: { classId: 'class-sfh-3-2', date: day } }, DEMO.teacher);
    expect(sheet.ok && sheet.data.rows).toHaveLength(6);
    expect(sheet.ok && sheet.data.rows.every((r: any) => r.recorded)).toBe(true);
  });

  it('the committee’s survey is open with five answers: enough for its results to show', async () => {
    const results = await runtime.call<any>('committee', { action: 'getSurveyResults', data: { schoolId: DEMO_IDS.suifenheSchool } }, DEMO.committee);
    expect(results.ok && results.data).toMatchObject({ answers: 5, shown: true, survey: { accepting: true } });
    const form = await runtime.call<any>('committee', { action: 'getSurveyForm', data: { studentId: DEMO_IDS.childXiaoming } }, DEMO.parent);
    expect(form.ok && form.data).toMatchObject({ survey: { accepting: true }, answer: null });
  });

  it('a yueyang school of another bureau is late with its plan; its reviewer is on the sign-in list and sees it first', async () => {
    const reviewer = (await runtime.database.collection('users').doc(YUEYANG.reviewer).get()).data as unknown as { demo?: object };
    expect(reviewer.demo).toBeDefined();
    await runtime.call('bureau', { action: 'refreshSummaries', data: {} }, YUEYANG.reviewer);
    const dash = await runtime.call<any>('bureau', { action: 'getDashboard', data: {} }, YUEYANG.reviewer);
    expect(dash.ok && dash.data.rows).toEqual([
      expect.objectContaining({ schoolId: YUEYANG.school, plan: expect.objectContaining({ status: 'none', deadlineState: 'past' }) }),
    ]);
    // 孙科长 (绥芬河) does not see it.
    const other = await runtime.call<any>('bureau', { action: 'getSchoolDetail', data: { schoolId: YUEYANG.school } }, DEMO.bureau);
    expect(other).toMatchObject({ ok: false });
  });
});
