import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { afterLease, cloneApplications, driveJob, queuedMessages } from '../support/school-of';
import { approvedApplication, listAndFix, publishAgreement, signAgreement, XIAOMING, XIAOMING_APP } from './enrollment-fixtures';

/** Publishing the agreement tells the families in the steps of a job (publish-template:<templateId>). */
jest.setTimeout(300_000);

const N = 150;
let cloud: TestCloud;
afterEach(() => cloud?.close());

/** 王小明 signed version 1; N more children: every other one signed too, the rest listed and fixed. */
async function schoolOf(n: number): Promise<TestCloud> {
  const c = await startTestCloud();
  await approvedApplication(c, DEMO.parent, XIAOMING);
  await listAndFix(c);
  await publishAgreement(c);
  await signAgreement(c, DEMO.parent, XIAOMING_APP);
  const half = Math.ceil(n / 2);
  await cloneApplications(c, XIAOMING_APP, half);
  await cloneApplications(c, XIAOMING_APP, n - half, { status: 'listed', listFixed: true, signedVersion: 0 } as never, half);
  return c;
}

const publish = (c: TestCloud) => () => publishAgreement(c, '（第二版）').then((data) => ({ ok: true, data }));
const advance = (c: TestCloud) => (jobId: string) => c.call(DEMO.admin, 'agreement', 'advanceJob', { jobId });
const told = async (c: TestCloud) =>
  new Set((await queuedMessages(c)).filter((m) => m.templateId === 'tmpl-enrollment-agreement' && m.data.thing3?.value.includes('第2版')).map((m) => m.touser));

it(`a new version asks every family of ${N} children to sign again, in bounded steps`, async () => {
  cloud = await schoolOf(N);
  const run = await driveJob(cloud, publish(cloud), advance(cloud));
  expect(run.last).toMatchObject({ state: 'done', kind: 'publish-template' });
  expect(run.last.result.needResign).toBeGreaterThan(0);
  // the start call publishes the version (one transaction) and does the first step
  expect(run.maxRoundTrips).toBeLessThanOrEqual(100); // a job step's budget (issue 10): the first step also checks the adopted rules
  expect((await told(cloud)).size).toBeGreaterThan(N / 2);
});

/** One uninterrupted run's figures, computed once for the file. */
let reference: Promise<{ told: Set<string>; result: Record<string, number>; done: number }> | undefined;

it.each([1, 3, 5])('a step killed after %i round trips and resumed tells the same families and counts the same', async (k) => {
  reference ??= (async () => {
    const c = await schoolOf(N);
    const once = await driveJob(c, publish(c), advance(c));
    const state = { told: await told(c), result: once.last.result, done: once.last.done };
    await c.close();
    return state;
  })();
  const expected = await reference;

  cloud = await schoolOf(N);
  const first = await publishAgreement(cloud, '（第二版）');
  expect(first.job.state).toBe('running');
  const killed = await cloud.runtime.meter.measure(() => advance(cloud)(first.job.jobId), { stopAfter: k });
  expect(killed.result).toMatchObject({ ok: false, code: 'TIMEOUT' });
  afterLease(cloud);
  const rest = await driveJob(cloud, () => advance(cloud)(first.job.jobId), advance(cloud));
  expect({ told: await told(cloud), result: rest.last.result, done: rest.last.done }).toEqual(expected);
});

it('two screens advancing at once count each family once', async () => {
  cloud = await schoolOf(N);
  const first = await publishAgreement(cloud, '（第二版）');
  const [a, b] = await Promise.all([
    driveJob(cloud, () => advance(cloud)(first.job.jobId), advance(cloud)),
    driveJob(cloud, () => advance(cloud)(first.job.jobId), advance(cloud)),
  ]);
  expect(a.last.result).toEqual(b.last.result);
  expect(a.last.done).toBe(a.last.total);
  expect(await cloud.call(DEMO.admin, 'enrollment', 'advanceJob', { jobId: first.job.jobId })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});
