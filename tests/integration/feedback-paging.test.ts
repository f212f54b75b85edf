import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';

/** The committee's inbox is a page at any size (issue 10): counts by status, open first, newest first within a status. */
let cloud: TestCloud;
afterEach(() => cloud?.close());

const school = DEMO_IDS.suifenheSchool;
const N = 300;
const STATUSES = ['open', 'reviewed', 'answered'] as const;

it(`${N} items: each page under 30 round trips and 100 KB; pages in order cover every item once`, async () => {
  cloud = await startTestCloud();
  const now = cloud.runtime.clock.now().getTime();
  const docs = Array.from({ length: N }, (_, i) => ({
    _id: `fb-bulk-${String(i).padStart(4, '0')}`,
    schoolId: school,
    studentId: DEMO_IDS.childXiaoming,
    className: '三年级(2)班',
    authorOpenid: DEMO.parent,
    signedAs: null,
    topic: 'safety',
    text: `意见 ${i}：放学时校门口车辆太多，希望错峰接送。`,
    status: STATUSES[i % 3],
    answer: null,
    createdAt: new Date(now - i * 60_000).toISOString(),
    revision: 0,
  }));
  for (let i = 0; i < N; i += 100) await cloud.db.collection('feedback').add({ data: docs.slice(i, i + 100) as never });

  const first = await cloud.runtime.meter.measure(() => cloud.ok(DEMO.committee, 'feedback', 'listSchoolFeedback', { schoolId: school }));
  expect(first.figures.roundTrips).toBeLessThanOrEqual(30);
  expect(first.figures.largestAnswerBytes).toBeLessThan(100 * 1024);
  expect(first.result).toMatchObject({ counts: { open: 100, reviewed: 100, answered: 100 }, total: N, nextSkip: 20 });

  const seen: any[] = [];
  for (let skip: number | null = 0; skip !== null; ) {
    const page: any = await cloud.ok(DEMO.committee, 'feedback', 'listSchoolFeedback', { schoolId: school, skip, limit: 45 });
    seen.push(...page.items);
    skip = page.nextSkip;
  }
  expect(new Set(seen.map((i) => i.id)).size).toBe(N);
  const rank = (s: string) => STATUSES.indexOf(s as never);
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1], seen[i]];
    expect(rank(a.status) < rank(b.status) || (a.status === b.status && a.createdAt >= b.createdAt)).toBe(true);
  }
  const answered = await cloud.ok(DEMO.committee, 'feedback', 'listSchoolFeedback', { schoolId: school, status: 'answered', skip: 90, limit: 20 });
  expect(answered).toMatchObject({ total: 100, nextSkip: null });
  expect(answered.items).toHaveLength(10);
  expect(answered.items.every((i: any) => i.status === 'answered')).toBe(true);
});
