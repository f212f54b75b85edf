import { DEMO_IDS } from '../../local-cloud/src';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { afterLease, cloneApplications, driveJob } from '../support/school-of';
import { TERM } from './enrollment-fixtures';
import { appOf, billedMonth, enrolledClass, issue, previewOf, SCHOOL } from './fees-fixtures';

/**
 * A period's preview and the school's notices stay a page at any size (issue 10): the preview is
 * computed by a job, class by class, and read a page at a time with the totals of all; the
 * school's notices are a page with totals the database sums. 300 children in two classes.
 */
jest.setTimeout(300_000);

const N = 300;
const OTHER_CLASS = DEMO_IDS.class11;
let cloud: TestCloud;
afterEach(() => cloud?.close());

/** The demo class enrolled and N more children, half of them in another class; last month not yet issued. */
async function school(): Promise<{ cloud: TestCloud; periodKey: string }> {
  const c = await startTestCloud();
  const kids = await enrolledClass(c);
  await cloneApplications(c, appOf(kids.child0), N / 2);
  await cloneApplications(c, appOf(kids.child0), N / 2, { classId: OTHER_CLASS }, N / 2);
  return { cloud: c, periodKey: billedMonth(c).key };
}

const PERIOD = (periodKey: string) => ({ schoolId: SCHOOL, termId: TERM, periodKey });
const measure = <T>(c: TestCloud, fn: () => Promise<T>) => c.runtime.meter.measure(fn);

/** Every page of the preview (refresh: false), 50 rows a page. */
async function allRows(c: TestCloud, periodKey: string, filters: Record<string, unknown> = {}) {
  const rows: any[] = [];
  for (let skip: number | null = 0; skip !== null; ) {
    const page: any = await c.ok(DEMO.admin, 'fees', 'previewNotices', { ...PERIOD(periodKey), refresh: false, ...filters, skip, limit: 50 });
    rows.push(...page.rows);
    skip = page.nextSkip;
  }
  return rows;
}

const figures = (preview: any) => ({ children: preview.children, counts: preview.counts, totals: preview.totals, unrecorded: preview.unrecorded });

it(`the preview of ${N + 3} children: a job in bounded steps, then pages under 30 round trips and 100 KB, totals of all`, async () => {
  const s = await school();
  cloud = s.cloud;
  const run = await driveJob(
    cloud,
    () => cloud.call(DEMO.admin, 'fees', 'previewNotices', PERIOD(s.periodKey)),
    (jobId) => cloud.call(DEMO.admin, 'fees', 'advanceJob', { jobId }),
  );
  expect(run.last).toMatchObject({ kind: 'preview-notices', state: 'done' });
  expect(run.maxRoundTrips).toBeLessThanOrEqual(100);

  const page = await measure(cloud, () => cloud.ok(DEMO.admin, 'fees', 'previewNotices', { ...PERIOD(s.periodKey), refresh: false }));
  expect(page.figures.roundTrips).toBeLessThanOrEqual(30);
  expect(page.figures.largestAnswerBytes).toBeLessThan(100 * 1024);
  const preview: any = page.result;
  expect(preview).toMatchObject({ children: N + 3, total: N + 3, nextSkip: 20, blocked: null, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(preview.rows).toHaveLength(20);

  const rows = await allRows(cloud, s.periodKey);
  expect(new Set(rows.map((r) => r.applicationId)).size).toBe(N + 3);
  // classes in the order of their names, as the school reads them
  const names = rows.map((r) => r.className);
  expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'zh')));
  expect(new Set(names).size).toBe(2);
  const sum = (f: (r: any) => number) => rows.reduce((t, r) => t + f(r), 0);
  expect(preview.totals).toEqual({
    grossFen: sum((r) => r.grossFen),
    chargeFen: sum((r) => r.chargeFen),
    exemptFen: sum((r) => r.exemptFen),
    governmentShareFen: sum((r) => r.governmentShareFen),
  });
  expect(preview.counts).toEqual({ new: N + 3, issued: 0, changed: 0 });
  expect(preview.unrecorded.map((u: any) => u.classId).sort()).toEqual([DEMO_IDS.class32, OTHER_CLASS].sort());

  const other = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', { ...PERIOD(s.periodKey), refresh: false, classId: OTHER_CLASS, limit: 50 });
  expect(other.total).toBe(N / 2);
  expect(other.rows.every((r: any) => r.className === '一年级(1)班')).toBe(true);
  expect((await cloud.ok(DEMO.admin, 'fees', 'previewNotices', { ...PERIOD(s.periodKey), refresh: false, state: 'issued' })).total).toBe(0);
});

it('a preview step killed part-way and resumed gives the rows and figures of one run', async () => {
  const s = await school();
  cloud = s.cloud;
  const once = await previewOf(cloud, s.periodKey);
  const expected = { figures: figures(once), rows: await allRows(cloud, s.periodKey) };
  for (const k of [3, 12, 25]) {
    const killed = await cloud.runtime.meter.measure(() => cloud.call(DEMO.admin, 'fees', 'previewNotices', PERIOD(s.periodKey)), { stopAfter: k });
    expect(killed.result).toMatchObject({ ok: false, code: 'TIMEOUT' });
    afterLease(cloud);
    const resumed = await previewOf(cloud, s.periodKey);
    expect(figures(resumed)).toEqual(expected.figures);
    expect(await allRows(cloud, s.periodKey)).toEqual(expected.rows);
  }
});

it('two admins previewing at once: one job, each child once; issuing the preview shown writes each notice once', async () => {
  const s = await school();
  cloud = s.cloud;
  const [a, b] = await Promise.all([previewOf(cloud, s.periodKey), previewOf(cloud, s.periodKey)]);
  expect(a.job.jobId).toBe(b.job.jobId);
  const latest = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', { ...PERIOD(s.periodKey), refresh: false });
  expect(latest.children).toBe(N + 3);
  expect(new Set((await allRows(cloud, s.periodKey)).map((r) => r.applicationId)).size).toBe(N + 3);
  // an older digest is refused; the one shown now issues
  const stale = [a.digest, b.digest].find((d) => d !== latest.digest);
  if (stale)
    expect(await cloud.call(DEMO.admin, 'fees', 'issueNotices', { ...PERIOD(s.periodKey), digest: stale })).toMatchObject({ ok: false, code: 'CONFLICT' });
  const start = () => cloud.call(DEMO.admin, 'fees', 'issueNotices', { ...PERIOD(s.periodKey), digest: latest.digest });
  const advance = (jobId: string) => cloud.call(DEMO.admin, 'fees', 'advanceJob', { jobId });
  const [x, y] = await Promise.all([driveJob(cloud, start, advance), driveJob(cloud, start, advance)]);
  expect(x.last.state).toBe('done');
  expect(y.last.state).toBe('done');
  expect((await cloud.db.collection('feeNotices').where({ schoolId: SCHOOL }).count()).total).toBe(N + 3);
  const { periods } = await cloud.ok(DEMO.admin, 'fees', 'listNoticePeriods', { schoolId: SCHOOL, termId: TERM });
  expect(periods.find((p: any) => p.key === s.periodKey).issued).toBe(N + 3);
});

it('the school’s notices: a page under 30 round trips and 100 KB, totals summed over all, by class; a teacher sees their class', async () => {
  const s = await school();
  cloud = s.cloud;
  await driveJob(
    cloud,
    async () => ({ ok: true, data: await issue(cloud, s.periodKey) }),
    (jobId) => cloud.call(DEMO.admin, 'fees', 'advanceJob', { jobId }),
  );
  const page = await measure(cloud, () => cloud.ok(DEMO.admin, 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM }));
  expect(page.figures.roundTrips).toBeLessThanOrEqual(30);
  expect(page.figures.largestAnswerBytes).toBeLessThan(100 * 1024);
  const first: any = page.result;
  expect(first).toMatchObject({ as: 'admin', total: N + 3, nextSkip: 20 });
  const rows: any[] = [];
  for (let skip: number | null = 0; skip !== null; ) {
    const next: any = await cloud.ok(DEMO.admin, 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM, skip, limit: 50 });
    rows.push(...next.rows);
    skip = next.nextSkip;
  }
  expect(new Set(rows.map((r) => r.noticeId)).size).toBe(N + 3);
  const sum = (f: (r: any) => number) => rows.reduce((t, r) => t + f(r), 0);
  expect(first.totals).toMatchObject({
    grossFen: sum((r) => r.grossFen),
    chargeFen: sum((r) => r.chargeFen),
    exemptFen: sum((r) => r.exemptFen),
    dueFen: sum((r) => (r.state === 'due' ? r.dueFen : 0)),
    paidFen: 0,
  });
  const byClass = await cloud.ok(DEMO.admin, 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM, classId: OTHER_CLASS });
  expect(byClass.total).toBe(N / 2);
  const teacher = await cloud.ok(DEMO.teacher, 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM });
  expect(teacher).toMatchObject({ as: 'teacher', total: N / 2 + 3 });
  expect(teacher.rows.every((r: any) => !('exemptFen' in r) && !('lines' in r))).toBe(true);
  expect(teacher.totals.unpaid).toBe(rows.filter((r) => r.className === '三年级(2)班' && r.state === 'due').length);
});
