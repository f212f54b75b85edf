import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { CLASS32, enrolledClass, record, sheet } from './fees-fixtures';

let cloud: TestCloud;
let kids: Awaited<ReturnType<typeof enrolledClass>>;
beforeAll(async () => {
  cloud = await startTestCloud();
  kids = await enrolledClass(cloud);
});
afterAll(() => cloud.close());

const MONDAY = '2026-11-02';

describe('考勤: the class teacher records attendance for their own class', () => {
  it('the sheet lists only children whose application is active on the date, each with full attendance by default', async () => {
    const day = await sheet(cloud, MONDAY);
    expect(day).toMatchObject({ classId: CLASS32, className: '三年级(2)班', start: '15:30', end: '17:30', scheduledMinutes: 120, revision: 0 });
    expect(day.rows.map((r: any) => r.studentId).sort()).toEqual([kids.hardshipChild, kids.child0, kids.child1].sort());
    expect(day.rows.every((r: any) => r.attendedMinutes === 120 && r.recorded === false)).toBe(true);
    expect(day.rows.map((r: any) => r.studentId)).not.toContain(kids.pendingChild);
    // Before the (backdated) activation nobody is on the sheet.
    await cloud.db.collection('applications').doc(`${kids.child1}:${'term-sfh-current'}`).update({
      data: { history: cloud.db.command.set([{ status: 'submitted', at: '2026-08-30T00:00:00Z', by: '', byName: '' }, { status: 'active', at: '2026-11-03T00:30:00Z', by: '', byName: '' }]) },
    });
    expect((await sheet(cloud, MONDAY)).rows.map((r: any) => r.studentId)).not.toContain(kids.child1);
    expect((await sheet(cloud, '2026-11-03')).rows.map((r: any) => r.studentId)).toContain(kids.child1);
  });

  it('saves one record per child and date; saving the same again changes nothing', async () => {
    const first = await record(cloud, '2026-11-04', { [kids.child0]: 0, [kids.hardshipChild]: 90 });
    expect(first).toMatchObject({ saved: 2, revision: 1 });
    const again = await cloud.ok(DEMO.teacher, 'enrollment', 'recordAttendance', {
      classId: CLASS32,
      date: '2026-11-04',
      entries: [{ studentId: kids.child0, attendedMinutes: 0 }, { studentId: kids.hardshipChild, attendedMinutes: 90 }],
    });
    expect(again).toMatchObject({ saved: 0, unchanged: 2, revision: 1 });
    expect((await cloud.db.collection('attendance').where({ date: '2026-11-04' }).count()).total).toBe(2);
    const doc = (await cloud.db.collection('attendance').doc(`${kids.child0}:2026-11-04`).get()).data as any;
    expect(doc).toMatchObject({ schoolId: 'school-sfh-1', classId: CLASS32, termId: 'term-sfh-current', attendedMinutes: 0, scheduledMinutes: 120, recordedBy: DEMO.teacher, revision: 1 });
    const day = await sheet(cloud, '2026-11-04');
    expect(day.revision).toBe(1);
    expect(day.rows.find((r: any) => r.studentId === kids.child0)).toMatchObject({ attendedMinutes: 0, recorded: true });
    const audit = await cloud.db.collection('audit').where({ action: 'enrollment.recordAttendance' }).get();
    expect(audit.data).toHaveLength(1);
  });

  it('two devices: a save made on an older revision is refused, not silently lost', async () => {
    await record(cloud, '2026-11-05', { [kids.child0]: 120 });
    const stale = await cloud.call(DEMO.teacher, 'enrollment', 'recordAttendance', {
      classId: CLASS32,
      date: '2026-11-05',
      revision: 0,
      entries: [{ studentId: kids.child0, attendedMinutes: 60 }],
    });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(((await cloud.db.collection('attendance').doc(`${kids.child0}:2026-11-05`).get()).data as any).attendedMinutes).toBe(120);
    expect(await record(cloud, '2026-11-05', { [kids.child0]: 60 })).toMatchObject({ saved: 1, revision: 2 });
  });

  it('only school days of the plan, not in the future, minutes 0..scheduled, children on the sheet', async () => {
    const call = (data: Record<string, unknown>) =>
      cloud.call(DEMO.teacher, 'enrollment', 'recordAttendance', { classId: CLASS32, date: MONDAY, entries: [{ studentId: kids.child0, attendedMinutes: 60 }], ...data });
    expect(await call({ date: '2026-11-07' })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringMatching(/不是课后服务日/) });
    expect(await call({ date: '2027-06-01' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await call({ entries: [{ studentId: kids.child0, attendedMinutes: 121 }] })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringMatching(/120 分钟/) });
    expect(await call({ entries: [{ studentId: kids.pendingChild, attendedMinutes: 60 }] })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await call({ entries: [{ studentId: kids.child0, attendedMinutes: -1 }] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('teacher of another class, admin, parent and signed-out are refused', async () => {
    for (const openid of ['demo-teacher-wu', DEMO.admin, DEMO.parent, DEMO.otherSchoolAdmin]) {
      expect(await cloud.call(openid, 'enrollment', 'attendanceSheet', { classId: CLASS32, date: MONDAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(
        await cloud.call(openid, 'enrollment', 'recordAttendance', { classId: CLASS32, date: MONDAY, entries: [{ studentId: kids.child0, attendedMinutes: 0 }] }),
      ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await cloud.call(null, 'enrollment', 'attendanceSheet', { classId: CLASS32, date: MONDAY })).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
    expect((await cloud.db.collection('attendance').where({ date: MONDAY }).count()).total).toBe(0);
  });
});
