import { createRuntime, type LocalRuntime } from './runtime';
import { DEMO, seedDemoData } from './seed';
import { seedDemoTerm } from './seed-demo-term';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await createRuntime();
  await seedDemoData(runtime.database);
  await seedDemoTerm(runtime);
});
afterAll(() => runtime.close());

describe('the demo term replayed through the cloud functions', () => {
  it('six children of 三年级(2)班 are active since late August, with signed agreements', async () => {
    const { data } = await runtime.database.collection('applications').where({ status: 'active' }).get();
    expect(data).toHaveLength(6);
    const { total } = await runtime.database.collection('signatures').count();
    expect(total).toBe(6);
    const activeSince = (data as unknown as { history: { status: string; at: string }[] }[]).map((a) => a.history.find((h) => h.status === 'active')?.at);
    expect(new Set(activeSince.map((at) => at?.slice(0, 10)))).toEqual(new Set(['2026-08-27']));
    expect(runtime.clock.shifted).toBe(false);
    const mine = await runtime.call<any>('enrollment', { action: 'myApplications', data: {} }, DEMO.parent);
    expect(JSON.stringify(mine)).toContain('active');
  });

  it('the class teacher has them on the attendance sheet of a school day in November', async () => {
    const sheet = await runtime.call<any>('enrollment', { action: 'attendanceSheet', data: { classId: 'class-sfh-3-2', date: '2026-11-20' } }, DEMO.teacher);
    expect(sheet.ok && sheet.data.rows).toHaveLength(6);
  });
});
