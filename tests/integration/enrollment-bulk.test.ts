import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { afterLease } from '../support/school-of';
import { addFamilies, applyFor, SCHOOL, TERM } from './enrollment-fixtures';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

const CALLIGRAPHY = { days: [3], itemIds: ['basic-care', 'club-calligraphy'] };
const app = async (id: string) => (await cloud.db.collection('applications').doc(id).get()).data as any;
const roster = async () => (await cloud.db.collection('clubSeats').doc(`${TERM}:club-calligraphy`).get()).data as any;
const submitted = async () =>
  (await cloud.ok(DEMO.teacher, 'enrollment', 'listClassApplications', { classId: DEMO_IDS.class32, status: ['submitted'], limit: 50 })).rows as any[];
const seen = (rows: any[]) => rows.map((r) => ({ applicationId: r.applicationId, revision: r.revision }));
const messages = async () => (await cloud.sent()).length;

async function applyMany(count: number, extra: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  for (const [openid, studentId] of await addFamilies(cloud, count)) ids.push((await applyFor(cloud, openid, studentId, extra)).application.applicationId);
  return ids;
}

async function passAll(requestId = 'class-review-1') {
  return cloud.ok(DEMO.teacher, 'enrollment', 'passClassReview', { classId: DEMO_IDS.class32, requestId, pass: seen(await submitted()) });
}

/** Runs the school's bulk approval to the end, as the screen does; returns each step's answer. */
async function approveAll(requestId: string, asOf = cloud.runtime.clock.now().toISOString(), as = DEMO.admin) {
  const steps: any[] = [];
  for (let i = 0; i < 200; i++) {
    const step = await cloud.ok(as, 'enrollment', 'approveWaiting', { schoolId: SCHOOL, termId: TERM, asOf, requestId });
    steps.push(step);
    if (step.done) return steps;
    if (step.job.busy) await new Promise((resolve) => setTimeout(resolve, 5)); // another admin's call is stepping it
  }
  throw new Error('bulk approval never finished');
}

describe('the class teacher reviews a whole class in one action', () => {
  it('passes what they saw, sends back the marked one with its reason, holds another; a retry changes nothing', async () => {
    const ids = await applyMany(6);
    const rows = await submitted();
    expect(rows).toHaveLength(6);
    const [returnedRow, heldRow, ...passRows] = rows;
    const before = await messages();
    const input = {
      classId: DEMO_IDS.class32,
      requestId: 'class-review-1',
      pass: seen(passRows),
      returns: [{ applicationId: returnedRow.applicationId, revision: returnedRow.revision, reason: '请补充接送人电话' }],
    };
    expect(await cloud.ok(DEMO.teacher, 'enrollment', 'passClassReview', input)).toEqual({ passed: 4, returned: 1, changed: [] });
    for (const row of passRows) expect(await app(row.applicationId)).toMatchObject({ status: 'teacher-reviewed', revision: row.revision + 1 });
    expect(await app(returnedRow.applicationId)).toMatchObject({ status: 'returned', returnReason: '请补充接送人电话' });
    expect(await app(heldRow.applicationId)).toMatchObject({ status: 'submitted', revision: heldRow.revision });
    expect((await messages()) - before).toBe(5); // one guardian each
    expect(ids).toHaveLength(6);

    // The same request again (a timeout, a double tap): the same answer, nothing written or sent twice.
    const histories = await Promise.all(passRows.map(async (r) => (await app(r.applicationId)).history.length));
    expect(await cloud.ok(DEMO.teacher, 'enrollment', 'passClassReview', input)).toEqual({ passed: 4, returned: 1, changed: [] });
    expect(await Promise.all(passRows.map(async (r) => (await app(r.applicationId)).history.length))).toEqual(histories);
    expect((await messages()) - before).toBe(5);
    expect((await cloud.ok(DEMO.teacher, 'enrollment', 'getClassQueue', { classId: DEMO_IDS.class32 })).counts).toMatchObject({
      submitted: 1,
      'teacher-reviewed': 4,
      returned: 1,
    });
  });

  it('leaves alone an application that changed since the teacher saw it, and says which', async () => {
    const [first] = await applyMany(3);
    const rows = await submitted();
    await cloud.ok('parent-0', 'enrollment', 'withdrawApplication', { applicationId: first });
    const answer = await cloud.ok(DEMO.teacher, 'enrollment', 'passClassReview', { classId: DEMO_IDS.class32, requestId: 'class-review-2', pass: seen(rows) });
    expect(answer).toEqual({ passed: 2, returned: 0, changed: [first] });
    expect((await app(first)).status).not.toBe('teacher-reviewed');
  });

  it('refuses bad input in Chinese and writes nothing', async () => {
    const [id] = await applyMany(1);
    const row = { applicationId: id, revision: 0 };
    const bad = await cloud.call(DEMO.teacher, 'enrollment', 'passClassReview', {
      classId: DEMO_IDS.class32,
      requestId: 'class-review-3',
      pass: [row],
      returns: [{ ...row, reason: '请修改' }],
    });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('同一份报名不能既通过又退回') });
    expect((await app(id)).status).toBe('submitted');
  });
});

describe('the school approves everything waiting, by class or all, step by step', () => {
  it('approves in queue order and fills 书法社 (capacity 2) in that order, the rest on the waiting list', async () => {
    const ids = await applyMany(6, CALLIGRAPHY);
    await passAll();
    const steps = await approveAll('approve-all-1');
    expect(steps.at(-1)).toMatchObject({ remaining: 0, done: true });
    expect(steps.reduce((n, s) => n + s.approved, 0)).toBe(6);
    for (const id of ids) expect(await app(id)).toMatchObject({ status: 'approved' });
    for (const id of ids) expect((await app(id)).clubsPending).toBeUndefined();
    const { seats, waiting } = await roster();
    expect(seats).toHaveLength(2);
    expect(waiting).toHaveLength(4);
    expect(new Set([...seats, ...waiting].map((p: any) => p.applicationId)).size).toBe(6);
    // Each family is told its place.
    const last = waiting.at(-1).applicationId;
    const family = `parent-${ids.indexOf(last)}`;
    const told = (await cloud.sent(family)).at(-1);
    expect(told?.data.thing4?.value ?? JSON.stringify(told)).toContain('候补第4位');
  });

  it('by class: only that class; and only what was waiting when the desk was loaded', async () => {
    await applyMany(3);
    await passAll();
    const asOf = cloud.runtime.clock.now().toISOString();
    const other = await cloud.ok(DEMO.admin, 'enrollment', 'approveWaiting', {
      schoolId: SCHOOL,
      termId: TERM,
      classId: 'no-such-class',
      asOf,
      requestId: 'approve-class-0',
    });
    expect(other).toMatchObject({ approved: 0, placed: 0, remaining: 0, done: true, job: { kind: 'approve-waiting', state: 'done' } });
    const steps = await approveAll('approve-class-1', new Date(Date.parse(asOf) - 60_000).toISOString());
    expect(steps).toMatchObject([{ approved: 0, placed: 0, remaining: 0, done: true }]);
    const byClass = await cloud.ok(DEMO.admin, 'enrollment', 'approveWaiting', {
      schoolId: SCHOOL,
      termId: TERM,
      classId: DEMO_IDS.class32,
      asOf,
      requestId: 'approve-class-2',
    });
    expect(byClass).toMatchObject({ approved: 3, remaining: 0, done: true });
  });

  it('two admins running it at once approve each application once and never overbook the club', async () => {
    const ids = await applyMany(6, CALLIGRAPHY);
    await passAll();
    const [a, b] = await Promise.all([approveAll('approve-race-a'), approveAll('approve-race-b')]);
    expect([...a, ...b].reduce((n, s) => n + s.approved, 0)).toBe(6);
    for (const id of ids) {
      const doc = await app(id);
      expect(doc.status).toBe('approved');
      expect(doc.history.filter((h: any) => h.status === 'approved')).toHaveLength(1);
    }
    const { seats, waiting } = await roster();
    expect(seats.length + waiting.length).toBe(6);
    expect(seats).toHaveLength(2);
  });
});

describe('the bulk approval killed part-way (WeChat’s timeout) and called again', () => {
  /** The end state that matters: each application's status, the club's seats and waiting list in order, nothing left pending. */
  const endState = async (ids: string[]) => {
    const docs = await Promise.all(ids.map(app));
    const { seats, waiting } = await roster();
    return {
      statuses: docs.map((d) => d.status),
      approvals: docs.map((d) => d.history.filter((h: any) => h.status === 'approved').length),
      pending: docs.filter((d) => d.clubsPending).length,
      seats: seats.map((p: any) => p.applicationId),
      waiting: waiting.map((p: any) => p.applicationId),
    };
  };

  it.each([2, 4, 6, 8, 10, 12, 14, 16, 18])('stopped after %i round trips, then resumed: the same end state as one run', async (k) => {
    const ids = await applyMany(6, CALLIGRAPHY);
    await passAll();
    const asOf = cloud.runtime.clock.now().toISOString();
    const input = { schoolId: SCHOOL, termId: TERM, asOf, requestId: 'approve-killed' };
    const killed = await cloud.meter.measure(() => cloud.call(DEMO.admin, 'enrollment', 'approveWaiting', input), { stopAfter: k });
    expect(killed.stopped).toBe(true);
    expect(killed.result).toMatchObject({ ok: false, code: 'TIMEOUT' });
    afterLease(cloud); // the killed step's hold on the job runs out, as a retry a little later sees it
    const steps = await approveAll('approve-killed', asOf);
    expect(steps.at(-1).job).toMatchObject({ state: 'done', done: ids.length, total: ids.length });
    const state = await endState(ids);
    expect(state).toMatchObject({ statuses: ids.map(() => 'approved'), approvals: ids.map(() => 1), pending: 0 });
    // One uninterrupted run on the same applications, from the same queue, gives the same places.
    const queue = [...ids].sort();
    expect([...state.seats, ...state.waiting].sort()).toEqual(queue);
    expect(state.seats).toHaveLength(2);
    const byQueue = await Promise.all(ids.map(async (id) => ({ id, at: (await app(id)).history.find((h: any) => h.status === 'teacher-reviewed').at })));
    const order = byQueue.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)).map((x) => x.id);
    expect([...state.seats, ...state.waiting]).toEqual(order);
  });
});

describe('the class review killed part-way and sent again', () => {
  it.each([2, 4, 6, 8, 10])('stopped after %i round trips: the retry passes every application once and tells each family', async (k) => {
    const ids = await applyMany(4);
    const input = { classId: DEMO_IDS.class32, requestId: 'class-review-killed', pass: seen(await submitted()) };
    const before = await messages();
    const killed = await cloud.meter.measure(() => cloud.call(DEMO.teacher, 'enrollment', 'passClassReview', input), { stopAfter: k });
    expect(killed.stopped).toBe(true);
    expect(await cloud.ok(DEMO.teacher, 'enrollment', 'passClassReview', input)).toEqual({ passed: 4, returned: 0, changed: [] });
    for (const id of ids) {
      const doc = await app(id);
      expect(doc.status).toBe('teacher-reviewed');
      expect(doc.history.filter((h: any) => h.status === 'teacher-reviewed')).toHaveLength(1);
      expect(doc.notifyPending).toBeUndefined();
    }
    const told = (await messages()) - before;
    expect(told).toBeGreaterThanOrEqual(4);
    expect(told).toBeLessThanOrEqual(8);
  });
});
