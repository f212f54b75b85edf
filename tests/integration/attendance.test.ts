import { addDays, isoWeekday } from '@kehou/shared/policy';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { addFamilies, approvedApplication, listAndFix, signAgreement, TERM } from './enrollment-fixtures';
import { appOf, backdateActivation, billedMonth, CLASS32, enrolledClass, issue, record, sheet, termOf, todayOf, weekdaysOf } from './fees-fixtures';

let cloud: TestCloud;
let kids: Awaited<ReturnType<typeof enrolledClass>>;
let days: string[];
let wedFriChild: string;
beforeAll(async () => {
  cloud = await startTestCloud();
  kids = await enrolledClass(cloud);
  const month = billedMonth(cloud);
  days = weekdaysOf(month.from, month.to);
  // A fourth child whose parent chose Wednesday and Friday only.
  const [[parent, child]] = await addFamilies(cloud, 1, 3);
  await approvedApplication(cloud, parent, child, { days: [3, 5] });
  await listAndFix(cloud);
  await signAgreement(cloud, parent, appOf(child));
  await backdateActivation(cloud, appOf(child), `${(await termOf(cloud)).startDate}T00:30:00.000Z`);
  wedFriChild = child;
});
afterAll(() => cloud.close());

const attendanceDoc = async (date: string) =>
  (
    await cloud.db
      .collection('attendance')
      .where({ _id: `${CLASS32}:${date}` })
      .get()
  ).data[0] as any;
const weekday = (n: number) => days.find((d) => isoWeekday(d) === n)!;

describe('考勤: the class teacher records attendance for their own class', () => {
  it('the sheet lists only children whose application is active on the date, each with full attendance by default', async () => {
    const day = await sheet(cloud, weekday(1));
    expect(day).toMatchObject({ classId: CLASS32, className: '三年级(2)班', start: '15:30', end: '17:30', scheduledMinutes: 120, revision: 0, billed: null });
    expect(day.rows.map((r: any) => r.studentId).sort()).toEqual([kids.hardshipChild, kids.child0, kids.child1].sort());
    expect(day.rows.every((r: any) => r.attendedMinutes === 120 && r.recorded === false)).toBe(true);
    expect(day.rows.map((r: any) => r.studentId)).not.toContain(kids.pendingChild);
    // Before the activation nobody is on the sheet.
    const monday = weekday(1);
    await backdateActivation(cloud, appOf(kids.child1), `${addDays(monday, 1)}T00:30:00.000Z`);
    expect((await sheet(cloud, monday)).rows.map((r: any) => r.studentId)).not.toContain(kids.child1);
    expect((await sheet(cloud, addDays(monday, 1))).rows.map((r: any) => r.studentId)).toContain(kids.child1);
    await backdateActivation(cloud, appOf(kids.child1), `${(await termOf(cloud)).startDate}T00:30:00.000Z`);
  });

  it('a child whose family chose Wednesday and Friday is on those sheets only, never on a Monday', async () => {
    expect((await sheet(cloud, weekday(1))).rows.map((r: any) => r.studentId)).not.toContain(wedFriChild);
    expect((await sheet(cloud, weekday(3))).rows.map((r: any) => r.studentId)).toContain(wedFriChild);
    expect((await sheet(cloud, weekday(5))).rows.map((r: any) => r.studentId)).toContain(wedFriChild);
    const monday = await cloud.call(DEMO.teacher, 'enrollment', 'recordAttendance', {
      classId: CLASS32,
      date: weekday(1),
      entries: [{ studentId: wedFriChild, attendedMinutes: 120 }],
    });
    expect(monday).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('one document per class and day; saving the same again changes nothing', async () => {
    const date = weekday(3);
    const first = await record(cloud, date, { [kids.child0]: 0, [kids.hardshipChild]: 90 });
    expect(first).toMatchObject({ saved: 2, revision: 1 });
    const again = await cloud.ok(DEMO.teacher, 'enrollment', 'recordAttendance', {
      classId: CLASS32,
      date,
      revision: 1,
      entries: [
        { studentId: kids.child0, attendedMinutes: 0 },
        { studentId: kids.hardshipChild, attendedMinutes: 90 },
      ],
    });
    expect(again).toMatchObject({ saved: 0, unchanged: 2, revision: 1 });
    expect((await cloud.db.collection('attendance').where({ date }).count()).total).toBe(1);
    const doc = await attendanceDoc(date);
    expect(doc).toMatchObject({ schoolId: 'school-sfh-1', classId: CLASS32, termId: TERM, scheduledMinutes: 120, recordedBy: DEMO.teacher, revision: 1 });
    expect(doc.entries).toEqual(
      expect.arrayContaining([
        { studentId: kids.child0, attendedMinutes: 0 },
        { studentId: kids.hardshipChild, attendedMinutes: 90 },
      ]),
    );
    const day = await sheet(cloud, date);
    expect(day.revision).toBe(1);
    expect(day.rows.find((r: any) => r.studentId === kids.child0)).toMatchObject({ attendedMinutes: 0, recorded: true });
    const audit = await cloud.db.collection('audit').where({ action: 'enrollment.recordAttendance' }).get();
    expect(audit.data).toHaveLength(1);
  });

  it('all or nothing: a save on an older revision answers conflict and writes nothing at all', async () => {
    const date = weekday(4);
    await record(cloud, date, { [kids.child0]: 120 });
    const before = await attendanceDoc(date);
    const auditsBefore = (await cloud.db.collection('audit').count()).total;
    const stale = await cloud.call(DEMO.teacher, 'enrollment', 'recordAttendance', {
      classId: CLASS32,
      date,
      revision: 0,
      entries: [
        { studentId: kids.child0, attendedMinutes: 60 },
        { studentId: kids.child1, attendedMinutes: 0 },
        { studentId: kids.hardshipChild, attendedMinutes: 30 },
      ],
    });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await attendanceDoc(date)).toEqual(before);
    expect((await cloud.db.collection('audit').count()).total).toBe(auditsBefore);
    expect(await record(cloud, date, { [kids.child0]: 60 })).toMatchObject({ saved: 1, revision: 2 });
  });

  it('two devices saving at once: exactly one wins, the other is told to refresh', async () => {
    const date = weekday(2);
    const save = (minutes: number) =>
      cloud.call(DEMO.teacher, 'enrollment', 'recordAttendance', {
        classId: CLASS32,
        date,
        revision: 0,
        entries: [
          { studentId: kids.child0, attendedMinutes: minutes },
          { studentId: kids.child1, attendedMinutes: minutes },
        ],
      });
    const answers = await Promise.all([save(10), save(20), save(30), save(40), save(50)]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).every((a: any) => a.code === 'CONFLICT')).toBe(true);
    const doc = await attendanceDoc(date);
    expect(new Set(doc.entries.map((e: any) => e.attendedMinutes)).size).toBe(1);
  });

  it('only school days of the plan, not in the future, minutes 0..scheduled, children on the sheet', async () => {
    const monday = weekday(1);
    const call = (data: Record<string, unknown>) =>
      cloud.call(DEMO.teacher, 'enrollment', 'recordAttendance', {
        classId: CLASS32,
        date: monday,
        entries: [{ studentId: kids.child0, attendedMinutes: 60 }],
        ...data,
      });
    expect(await call({ date: addDays(monday, 5) })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringMatching(/不是课后服务日/) });
    expect(await call({ date: addDays(todayOf(cloud), 7) })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await call({ entries: [{ studentId: kids.child0, attendedMinutes: 121 }] })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: expect.stringMatching(/120 分钟/),
    });
    expect(await call({ entries: [{ studentId: kids.pendingChild, attendedMinutes: 60 }] })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await call({ entries: [{ studentId: kids.child0, attendedMinutes: -1 }] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('impossible dates get a clear Chinese message about the date and change nothing', async () => {
    const count = (await cloud.db.collection('attendance').count()).total;
    for (const date of ['2026-02-31', '2026-13-45', '2026-11-31', '2026-1-5', 'tomorrow']) {
      const read = await cloud.call(DEMO.teacher, 'enrollment', 'getAttendanceSheet', { classId: CLASS32, date });
      expect(read).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/日期/) });
      const write = await cloud.call(DEMO.teacher, 'enrollment', 'recordAttendance', {
        classId: CLASS32,
        date,
        entries: [{ studentId: kids.child0, attendedMinutes: 60 }],
      });
      expect(write).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    }
    expect(await cloud.call(DEMO.teacher, 'enrollment', 'getAttendanceSheet', { classId: CLASS32, date: '2026-02-31' })).toMatchObject({
      message: expect.stringMatching(/2026-02-31 不存在/),
    });
    expect((await cloud.db.collection('attendance').count()).total).toBe(count);
  });

  it('teacher of another class, admin, parent and signed-out are refused', async () => {
    const monday = weekday(1);
    for (const openid of ['demo-teacher-wu', DEMO.admin, DEMO.parent, DEMO.otherSchoolAdmin]) {
      expect(await cloud.call(openid, 'enrollment', 'getAttendanceSheet', { classId: CLASS32, date: monday })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(
        await cloud.call(openid, 'enrollment', 'recordAttendance', {
          classId: CLASS32,
          date: monday,
          entries: [{ studentId: kids.child0, attendedMinutes: 0 }],
        }),
      ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await cloud.call(null, 'enrollment', 'getAttendanceSheet', { classId: CLASS32, date: monday })).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
    expect((await cloud.db.collection('attendance').where({ date: monday }).count()).total).toBe(0);
  });
});

describe('attendance that billing rests on: frozen once the month is billed', () => {
  it('after issuing, a change needs a reason and is kept as a correction; without a reason nothing is written', async () => {
    const month = billedMonth(cloud);
    const date = weekday(1);
    await record(cloud, date, { [kids.child0]: 120, [kids.child1]: 120, [kids.hardshipChild]: 120 });
    await issue(cloud, month.key);
    const billedSheet = await sheet(cloud, date);
    expect(billedSheet.billed).toEqual({ periodLabel: expect.stringMatching(/年\d+月/) });

    const without = await cloud.call(DEMO.teacher, 'enrollment', 'recordAttendance', {
      classId: CLASS32,
      date,
      revision: billedSheet.revision,
      entries: [{ studentId: kids.child0, attendedMinutes: 0 }],
    });
    expect(without).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/已发出收费通知.*写明原因/) });
    expect((await attendanceDoc(date)).entries.find((e: any) => e.studentId === kids.child0).attendedMinutes).toBe(120);

    await record(cloud, date, { [kids.child0]: 0 }, '家长来电：当天实际请假');
    const doc = await attendanceDoc(date);
    expect(doc.corrections).toEqual([
      { at: expect.any(String), by: DEMO.teacher, byName: '陈老师', reason: '家长来电：当天实际请假', changes: [{ studentId: kids.child0, from: 120, to: 0 }] },
    ]);
    expect((await sheet(cloud, date)).corrections).toEqual([expect.objectContaining({ byName: '陈老师', reason: '家长来电：当天实际请假', changed: 1 })]);
    // The issued notice keeps the minutes it was computed from.
    const notice = (
      await cloud.db
        .collection('feeNotices')
        .doc(`${appOf(kids.child0)}:${month.key}`)
        .get()
    ).data as any;
    expect(notice.facts.sessions.find((s: any) => s.date === date).attendedMinutes).toBe(120);
  });
});
