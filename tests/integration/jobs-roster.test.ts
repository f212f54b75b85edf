import { getAll } from '@kehou/shared/cloud';
import writeXlsxFile from 'write-excel-file/node';
import { describeFigures } from '../../local-cloud/src/metering';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { afterLease, driveJob } from '../support/school-of';

/** The roster import is a job (import-roster:<school>:<file>): the file by its fileID, rows in steps of 100. */
jest.setTimeout(300_000);

const SCHOOL = DEMO_IDS.suifenheSchool;
const CHILDREN = Number(process.env.KEHOU_JOBS_N ?? 200);
let cloud: TestCloud;
afterEach(() => cloud?.close());

/** A name from a number (names hold no digits): 12 → 学一二. */
const named = (prefix: string, i: number) => prefix + [...String(i)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');

/** A roster of `n` children of 三年级(2)班, every other one with two guardians, uploaded to cloud storage. */
async function uploadRoster(c: TestCloud, n: number): Promise<string> {
  const rows: (string | null)[][] = [['班级', '学生姓名', '学号', '家长姓名', '家长手机']];
  for (let i = 0; i < n; i++) {
    const no = `9${String(i).padStart(4, '0')}`;
    rows.push(['三年级(2)班', named('学', i), no, named('家长', i), `139${String(i).padStart(8, '0')}`]);
    if (i % 2 === 0) rows.push(['三年级(2)班', named('学', i), no, named('亲属', i), `138${String(i).padStart(8, '0')}`]);
  }
  const content = await writeXlsxFile(rows.map((r) => r.map((value) => ({ value }))) as never).toBuffer();
  const { fileID } = await c.runtime.cloud.uploadFile({ cloudPath: `roster/${SCHOOL}/big.xlsx`, fileContent: content });
  return fileID;
}

const start = (c: TestCloud, fileID: string) => () => c.call(DEMO.admin, 'enrollment', 'importRoster', { schoolId: SCHOOL, file: { fileID } });
const advance = (c: TestCloud) => (jobId: string) => c.call(DEMO.admin, 'enrollment', 'advanceJob', { jobId });

async function endState(c: TestCloud) {
  const students = await getAll<Record<string, unknown>>(c.db.collection('students').where({ schoolId: SCHOOL }));
  const contacts = await getAll<Record<string, unknown>>(c.db.collection('guardianContacts').where({ schoolId: SCHOOL }));
  return {
    students: students.map((s) => `${s._id}|${s.name}|${s.classId}`).sort(),
    contacts: contacts.map((k) => `${k._id}|${k.name}|${k.classId}`).sort(),
  };
}

it(`imports ${CHILDREN} children in steps of at most 30 round trips (figures printed)`, async () => {
  cloud = await startTestCloud();
  const fileID = await uploadRoster(cloud, CHILDREN);
  const run = await driveJob(cloud, start(cloud, fileID), advance(cloud));
  const rows = CHILDREN + Math.ceil(CHILDREN / 2);
  expect(run.last).toMatchObject({ state: 'done', done: rows, total: rows, result: { studentsCreated: CHILDREN, contactsAdded: rows } });
  expect(run.maxRoundTrips).toBeLessThanOrEqual(30);
  console.log(
    describeFigures(`roster import (${rows} rows), ${run.calls} calls, at most ${run.maxRoundTrips} round trips a call`, {
      figures: run.totals,
      wallMs: run.wallMs,
    }),
  );
  const again = await driveJob(cloud, start(cloud, fileID), advance(cloud));
  expect(again.last.result).toMatchObject({ studentsCreated: 0, studentsUpdated: 0, contactsAdded: 0 });
});

/** One uninterrupted import's roster, computed once for the file. */
let reference: Promise<Awaited<ReturnType<typeof endState>> & { result: Record<string, number> }> | undefined;

it.each([1, 3, 5, 7, 9, 11, 13])('a step killed after %i round trips and resumed leaves the roster and the counts of one run', async (k) => {
  reference ??= (async () => {
    const c = await startTestCloud();
    const once = await driveJob(c, start(c, await uploadRoster(c, CHILDREN)), advance(c));
    const state = { ...(await endState(c)), result: once.last.result };
    await c.close();
    return state;
  })();
  const expected = await reference;

  cloud = await startTestCloud();
  const fileID = await uploadRoster(cloud, CHILDREN);
  const first = await start(cloud, fileID)();
  if (!first.ok) throw new Error(first.code);
  const killed = await cloud.runtime.meter.measure(() => advance(cloud)((first.data as any).job.jobId), { stopAfter: k });
  expect(killed.result).toMatchObject({ ok: false, code: 'TIMEOUT' });
  afterLease(cloud);
  const rest = await driveJob(cloud, () => advance(cloud)((first.data as any).job.jobId), advance(cloud));
  expect(rest.last.state).toBe('done');
  expect({ ...(await endState(cloud)), result: rest.last.result }).toEqual(expected);
});

it('two admins importing the same file at once: one import', async () => {
  cloud = await startTestCloud();
  const fileID = await uploadRoster(cloud, CHILDREN);
  const [a, b] = await Promise.all([start(cloud, fileID)(), start(cloud, fileID)()]);
  if (!a.ok || !b.ok) throw new Error('refused');
  const jobId = (a.data as any).job.jobId;
  expect((b.data as any).job.jobId).toBe(jobId);
  await Promise.all([driveJob(cloud, () => advance(cloud)(jobId), advance(cloud)), driveJob(cloud, () => advance(cloud)(jobId), advance(cloud))]);
  const state = await endState(cloud);
  expect(state.students.filter((s) => s.startsWith(`stu-${SCHOOL}-9`))).toHaveLength(CHILDREN);
  expect(state.contacts.filter((s) => s.startsWith(`stu-${SCHOOL}-9`))).toHaveLength(CHILDREN + Math.ceil(CHILDREN / 2));
});
