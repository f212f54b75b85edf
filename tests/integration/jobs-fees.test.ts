import { getAll } from '@kehou/shared/cloud';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { afterLease, cloneApplications, driveJob, queuedMessages } from '../support/school-of';
import { TERM } from './enrollment-fixtures';
import { appOf, billedMonth, enrolledClass, previewOf, record, SCHOOL, weekdaysOf } from './fees-fixtures';

/** Issuing a month's notices is a job (issue-notices:<school>:<term>:<period>), in bounded steps. */
jest.setTimeout(300_000);

// more than one step's batch (100)
const N = 130;
let cloud: TestCloud;
afterEach(() => cloud?.close());

/** The demo class enrolled, N more active children beside them, and every service day of last month recorded. */
async function billedSchool(n: number): Promise<{ cloud: TestCloud; periodKey: string }> {
  const c = await startTestCloud();
  const kids = await enrolledClass(c);
  const clones = await cloneApplications(c, appOf(kids.child0), n);
  const month = billedMonth(c);
  const everyone = [kids.hardshipChild, kids.child0, kids.child1, ...clones.map((id) => id.split(':')[0])];
  for (const day of weekdaysOf(month.from, month.to)) await record(c, day, Object.fromEntries(everyone.map((s) => [s, 120])));
  return { cloud: c, periodKey: month.key };
}

/** Previews the period (its own job, not measured here), then answers the call that starts issuing it. */
const issue = async (c: TestCloud, periodKey: string) => {
  const { digest } = await previewOf(c, periodKey);
  return () => c.call(DEMO.admin, 'fees', 'issueNotices', { schoolId: SCHOOL, termId: TERM, periodKey, digest });
};
const advance = (c: TestCloud) => (jobId: string) => c.call(DEMO.admin, 'fees', 'advanceJob', { jobId });

async function endState(c: TestCloud) {
  const notices = await getAll<Record<string, unknown>>(c.db.collection('feeNotices').where({ schoolId: SCHOOL }));
  const told = (await queuedMessages(c)).filter((m) => m.templateId === 'tmpl-fee-notice').map((m) => m.touser);
  return {
    notices: notices
      .map((n) => ({ id: n._id, chargeFen: n.chargeFen, dueFen: n.dueFen, status: n.status, sequence: n.sequence }))
      .sort((a, b) => String(a.id).localeCompare(String(b.id))),
    told: new Set(told),
  };
}

it(`issues ${N + 3} notices in bounded steps, each family told`, async () => {
  const school = await billedSchool(N);
  cloud = school.cloud;
  const run = await driveJob(cloud, await issue(cloud, school.periodKey), advance(cloud));
  expect(run.last).toMatchObject({ state: 'done', kind: 'issue-notices', result: { created: N + 3 } });
  const state = await endState(cloud);
  expect(state.notices).toHaveLength(N + 3);
  expect(run.maxRoundTrips).toBeLessThanOrEqual(100);
  console.log(
    `issuing ${N + 3} notices: ${run.calls} calls, at most ${run.maxRoundTrips} round trips a call, ${run.totals.roundTrips} in all, ${run.totals.messages} messages`,
  );
  // issuing again creates nothing
  const again = await driveJob(cloud, await issue(cloud, school.periodKey), advance(cloud));
  expect(again.last.result).toMatchObject({ created: 0, existing: N + 3 });
  expect((await endState(cloud)).notices).toEqual(state.notices);
});

/** One uninterrupted run's notices, computed once for the file. */
let reference: ReturnType<typeof endState> | undefined;

it.each([2, 9, 20, 30])('a step killed after %i round trips and resumed leaves the notices of one run, every family told', async (k) => {
  reference ??= (async () => {
    const school = await billedSchool(N);
    await driveJob(school.cloud, await issue(school.cloud, school.periodKey), advance(school.cloud));
    const state = await endState(school.cloud);
    await school.cloud.close();
    return state;
  })();
  const expected = await reference;

  const school = await billedSchool(N);
  cloud = school.cloud;
  const start = await issue(cloud, school.periodKey);
  const killed = await cloud.runtime.meter.measure(start, { stopAfter: k });
  expect(killed.result).toMatchObject({ ok: false, code: 'TIMEOUT' });
  afterLease(cloud);
  const rest = await driveJob(cloud, start, advance(cloud));
  expect(rest.last.state).toBe('done');
  const state = await endState(cloud);
  expect(state.notices).toEqual(expected.notices);
  expect(state.told).toEqual(expected.told);
});

it('two admins issuing at once write each notice once', async () => {
  const school = await billedSchool(N);
  cloud = school.cloud;
  const start = await issue(cloud, school.periodKey);
  const [a, b] = await Promise.all([start(), start()]);
  if (!a.ok || !b.ok) throw new Error('refused');
  expect(a.data.job.jobId).toBe(b.data.job.jobId);
  await Promise.all([
    driveJob(cloud, () => advance(cloud)(a.data.job.jobId), advance(cloud)),
    driveJob(cloud, () => advance(cloud)(a.data.job.jobId), advance(cloud)),
  ]);
  expect((await endState(cloud)).notices).toHaveLength(N + 3);
  expect(a.data.created + b.data.created).toBeLessThanOrEqual(N + 3);
});
