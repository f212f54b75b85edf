import type { ApplicationDoc } from '@kehou/shared';
import { getAll } from '@kehou/shared/cloud';
import { describeFigures } from '../../local-cloud/src/metering';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { afterLease, cloneApplications, driveJob, queuedMessages } from '../support/school-of';
import { approvedApplication, SCHOOL, TERM, XIAOMING } from './enrollment-fixtures';

/**
 * Posting and fixing the public list are jobs (shared/src/cloud/jobs.ts): bounded steps, resumable
 * after WeChat kills a call at any round trip, one effect under concurrent runs.
 */
jest.setTimeout(300_000);

// more than one step's batch (100), so a step in the middle can be killed
const N = 150;
let cloud: TestCloud;
afterEach(() => cloud?.close());

async function schoolOf(n: number): Promise<TestCloud> {
  const c = await startTestCloud();
  const pattern = await approvedApplication(c, DEMO.parent, XIAOMING);
  await cloneApplications(c, pattern, n - 1);
  return c;
}

const post = (c: TestCloud) => () => c.call(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 1 });
const fix = (c: TestCloud, listingId: string) => () => c.call(DEMO.admin, 'enrollment', 'fixListing', { listingId });
const advance = (c: TestCloud) => (jobId: string) => c.call(DEMO.admin, 'enrollment', 'advanceJob', { jobId });

/** What the jobs leave behind, comparable between runs. */
async function endState(c: TestCloud) {
  const apps = await getAll<ApplicationDoc>(c.db.collection('applications').where({ termId: TERM }));
  const listings = await getAll<Record<string, unknown>>(c.db.collection('listings').where({ schoolId: SCHOOL }));
  return {
    apps: apps
      .map((a) => ({
        id: a._id,
        status: a.status,
        listingId: a.listingId,
        listFixed: a.listFixed,
        revision: a.revision,
        history: a.history.map((h) => h.status),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    listings: listings.map((l) => ({ id: l._id, complete: l.complete, count: l.count, fixed: !!l.fixedAt })),
  };
}

/** Every confirmed guardian of a child with an application this term. */
async function guardiansOfTheTerm(c: TestCloud): Promise<Set<string>> {
  const apps = await getAll<ApplicationDoc>(c.db.collection('applications').where({ termId: TERM }));
  const children = new Set(apps.map((a) => a.studentId));
  const rows = await getAll<{ studentId: string; openid: string }>(c.db.collection('guardianships').where({ status: 'confirmed' }));
  return new Set(rows.filter((r) => children.has(r.studentId)).map((r) => r.openid));
}

/** Guardians told, by template: each guardian of each child at least once. */
async function toldGuardians(c: TestCloud, templateId: string): Promise<Set<string>> {
  return new Set((await queuedMessages(c)).filter((m) => m.templateId === templateId).map((m) => m.touser));
}

/** The end state of one uninterrupted run, computed once for the file. */
let reference: ReturnType<typeof endState> | undefined;
function referenceState() {
  reference ??= (async () => {
    const c = await schoolOf(N);
    await postThenFix(c);
    const state = await endState(c);
    await c.close();
    return state;
  })();
  return reference;
}

async function postThenFix(c: TestCloud) {
  const posted = await driveJob(c, post(c), advance(c));
  const listingId = posted.jobId.replace(/^post-listing:/, '');
  c.runtime.clock.advanceDays(1.01);
  const fixed = await driveJob(c, fix(c, listingId), advance(c));
  return { posted, fixed, listingId };
}

describe('posting and fixing the list as jobs', () => {
  it(`lists and fixes ${N} children in steps of at most ~30 round trips, every guardian told`, async () => {
    cloud = await schoolOf(N);
    const { posted, fixed } = await postThenFix(cloud);
    console.log(
      `posting ${N}: ${posted.calls} calls, at most ${posted.maxRoundTrips} round trips; fixing: ${fixed.calls} calls, at most ${fixed.maxRoundTrips}`,
    );
    expect(posted.last).toMatchObject({ state: 'done', done: N, total: N, percent: 100 });
    expect(fixed.last).toMatchObject({ state: 'done', done: N, total: N });
    expect(posted.maxRoundTrips).toBeLessThanOrEqual(30);
    expect(fixed.maxRoundTrips).toBeLessThanOrEqual(30);
    const state = await endState(cloud);
    expect(state.apps.every((a) => a.status === 'listed' && a.listFixed)).toBe(true);
    expect(state.listings).toEqual([expect.objectContaining({ complete: true, count: N, fixed: true })]);
    const guardians = await guardiansOfTheTerm(cloud);
    expect(await toldGuardians(cloud, 'tmpl-enrollment-status')).toEqual(guardians);
    expect(await toldGuardians(cloud, 'tmpl-enrollment-agreement')).toEqual(guardians);
  });

  it.each([1, 3, 6, 8, 10])('killed after %i round trips and resumed, the end state is that of one run', async (k) => {
    const expected = await referenceState();

    cloud = await schoolOf(N);
    // posting: the first call killed at k round trips, then the job picked up again (after the lease)
    const killed = await cloud.runtime.meter.measure(post(cloud), { stopAfter: k });
    expect(killed.result).toMatchObject({ ok: false, code: 'TIMEOUT' });
    afterLease(cloud);
    const posted = await driveJob(cloud, post(cloud), advance(cloud));
    expect(posted.last).toMatchObject({ state: 'done', done: N });
    const listingId = posted.jobId.replace(/^post-listing:/, '');
    // fixing: a step in the middle killed at k round trips
    cloud.runtime.clock.advanceDays(1.01);
    const first = await cloud.ok(DEMO.admin, 'enrollment', 'fixListing', { listingId });
    const midway = await cloud.runtime.meter.measure(() => advance(cloud)(first.job.jobId), { stopAfter: k });
    expect(midway.result).toMatchObject({ ok: false, code: 'TIMEOUT' });
    afterLease(cloud);
    const fixed = await driveJob(cloud, fix(cloud, listingId), advance(cloud));
    expect(fixed.last).toMatchObject({ state: 'done', done: N });

    expect(await endState(cloud)).toEqual(expected);
    // a message may be sent again for the batch a kill interrupted, never missed
    const guardians = await guardiansOfTheTerm(cloud);
    expect(await toldGuardians(cloud, 'tmpl-enrollment-status')).toEqual(guardians);
    expect(await toldGuardians(cloud, 'tmpl-enrollment-agreement')).toEqual(guardians);
  });

  it('two admins posting and fixing at once give one listing and one change per child', async () => {
    cloud = await schoolOf(N);
    const [a, b] = await Promise.all([post(cloud)(), post(cloud)()]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.data.listingId).toBe(b.data.listingId);
    const jobId = a.data.job.jobId;
    // both screens drive the same job at once
    const drive = async () => {
      for (let i = 0; i < 100; i++) {
        const answer = await advance(cloud)(jobId);
        if (!answer.ok) throw new Error(answer.code);
        if (answer.data.state !== 'running') return answer.data;
      }
      throw new Error('never finished');
    };
    await Promise.all([drive(), drive()]);
    cloud.runtime.clock.advanceDays(1.01);
    const [f1, f2] = await Promise.all([fix(cloud, a.data.listingId)(), fix(cloud, a.data.listingId)()]);
    expect(f1.ok && f2.ok).toBe(true);
    const fixJob = (f1 as { data: { job: { jobId: string } } }).data.job.jobId;
    await Promise.all([driveJob(cloud, () => advance(cloud)(fixJob), advance(cloud)), driveJob(cloud, () => advance(cloud)(fixJob), advance(cloud))]);
    const state = await endState(cloud);
    expect(state.listings).toHaveLength(1);
    expect(state.apps.every((app) => app.status === 'listed' && app.listFixed && app.history.filter((s) => s === 'listed').length === 1)).toBe(true);
    expect(new Set(state.apps.map((app) => app.revision)).size).toBe(1);
  });

  it('fixing waits for the posting to finish, and a finished job is answered as it is', async () => {
    cloud = await schoolOf(N);
    const first = await cloud.ok(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 1 });
    expect(first.job.state).toBe('running');
    cloud.runtime.clock.advanceDays(1.01);
    expect(await fix(cloud, first.listingId)()).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('发布中') });
    const rest = await driveJob(cloud, () => advance(cloud)(first.job.jobId), advance(cloud));
    expect(rest.last.done).toBe(N);
    expect(await advance(cloud)(first.job.jobId)).toMatchObject({ ok: true, data: { state: 'done', done: N } });
    // a stranger's id tells nothing
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'enrollment', 'advanceJob', { jobId: first.job.jobId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  const BIG = Number(process.env.KEHOU_JOBS_N ?? 600);
  it(`figures at ${BIG} children (printed)`, async () => {
    cloud = await schoolOf(BIG);
    const { posted, fixed } = await postThenFix(cloud);
    expect(posted.last.done).toBe(BIG);
    expect(fixed.last.done).toBe(BIG);
    expect(Math.max(posted.maxRoundTrips, fixed.maxRoundTrips)).toBeLessThanOrEqual(30);
    console.log(
      [
        describeFigures(`post the list (${BIG}), ${posted.calls} calls, at most ${posted.maxRoundTrips} round trips a call`, {
          figures: posted.totals,
          wallMs: posted.wallMs,
        }),
        describeFigures(`fix the list (${BIG}), ${fixed.calls} calls, at most ${fixed.maxRoundTrips} round trips a call`, {
          figures: fixed.totals,
          wallMs: fixed.wallMs,
        }),
      ].join('\n'),
    );
  }, 300_000);
});
