import { sha256 } from '@kehou/shared';
import { addDays, isoWeekday } from '@kehou/shared/policy';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { SIGNATURE } from '../support/signature';
import { addFamilies, approvedApplication, listAndFix, signAgreement, TERM, XIAOMING } from './enrollment-fixtures';
import { appOf, backdateActivation, billedMonth, CLASS32, enrolledClass, record, SCHOOL, sheet, termOf, todayOf, weekdaysOf } from './fees-fixtures';

/**
 * 服务日: leave, the gate and the children still waiting, on the runtime's clock: the service day is
 * the first weekday from today (the demo term runs at least two more weeks), at China times of that day.
 */
let cloud: TestCloud;
let kids: Awaited<ReturnType<typeof enrolledClass>>;
let day: string;
let aloneChild: string;
let aloneParent: string;

const at = (time: string, date = day) => cloud.runtime.clock.set(new Date(`${date}T${time}:00+08:00`));
const docs = async (collection: string, where: Record<string, unknown> = {}) => (await cloud.db.collection(collection).where(where).get()).data as any[];
const gate = (openid: string = DEMO.teacher) => cloud.ok(openid, 'serviceday', 'getGateSheet', { classId: CLASS32, date: day });
const rowOf = async (studentId: string) => (await gate()).rows.find((r: any) => r.studentId === studentId);
const timer = () => cloud.runtime.trigger<any>('serviceday', { TriggerName: 'uncollected' });
const leave = (openid: string, studentId: string, from: string, reason: string, to?: string) =>
  cloud.call(openid, 'serviceday', 'reportLeave', { studentId, from, reason, ...(to ? { to } : {}) });

beforeAll(async () => {
  cloud = await startTestCloud();
  kids = await enrolledClass(cloud);
  // A fourth child who goes home alone: the go-home-alone permit signed after the agreement (003 §七3).
  [[aloneParent, aloneChild]] = await addFamilies(cloud, 1, 3);
  await approvedApplication(cloud, aloneParent, aloneChild, { pickup: { mode: 'alone' } });
  await listAndFix(cloud);
  await signAgreement(cloud, aloneParent, appOf(aloneChild));
  const view = await cloud.ok(aloneParent, 'agreement', 'getAgreement', { applicationId: appOf(aloneChild) });
  expect(sha256(view.permit.document.text)).toBe(view.permit.document.textHash);
  await cloud.ok(aloneParent, 'agreement', 'signPermit', { applicationId: appOf(aloneChild), textHash: view.permit.document.textHash, image: SIGNATURE });
  await backdateActivation(cloud, appOf(aloneChild), `${(await termOf(cloud)).startDate}T00:30:00.000Z`);
  day = todayOf(cloud);
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  at('10:00');
}, 60_000);
afterAll(() => cloud.close());

describe('请假: a parent reports leave before the cut-off, or late', () => {
  it('before the cut-off: the service days of the range are recorded, each once, not late; a retry changes nothing', async () => {
    const to = addDays(day, 6);
    const answer = await cloud.ok(DEMO.parent, 'serviceday', 'reportLeave', { studentId: XIAOMING, from: day, to, reason: '孩子\u202E发烧，\u200B在家休息' });
    const weekdays = weekdaysOf(day, to);
    expect(answer.days.map((d: any) => d.date)).toEqual(weekdays);
    expect(answer).toMatchObject({ alreadyReported: 0, late: 0 });
    expect(answer.days.every((d: any) => d.reason === '孩子发烧，在家休息' && d.late === false && d.reportedByName === '王建国')).toBe(true);
    const retry = await cloud.ok(DEMO.parent, 'serviceday', 'reportLeave', { studentId: XIAOMING, from: day, to, reason: '孩子发烧，在家休息' });
    expect(retry).toMatchObject({ alreadyReported: weekdays.length, late: 0 });
    const stored = await docs('leaves', { studentId: XIAOMING });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ from: day, to, dates: weekdays, lateDates: [], reason: '孩子发烧，在家休息' });
    // A second report overlapping the first adds only the days not yet on leave.
    const longer = await cloud.ok(DEMO.secondGuardian, 'serviceday', 'reportLeave', { studentId: XIAOMING, from: day, to: addDays(to, 3), reason: '继续休息' });
    const added = weekdaysOf(addDays(to, 1), addDays(to, 3));
    expect(longer).toMatchObject({ alreadyReported: weekdays.length, late: 0 });
    expect(longer.days.map((d: any) => d.date)).toEqual([...weekdays, ...added]);
    expect(longer.days[0]).toMatchObject({ reason: '孩子发烧，在家休息', reportedByName: '王建国' });
    expect(added.length).toBeGreaterThan(0);
    expect(longer.days.at(-1)).toMatchObject({ reason: '继续休息', reportedByName: '李梅' });
    expect((await docs('leaves', { studentId: XIAOMING })).find((d) => d.reportedBy === DEMO.secondGuardian)?.dates ?? []).toEqual(added);
    expect(await docs('audit', { action: 'serviceday.reportLeave' })).toHaveLength(2);
  });

  it('after the cut-off of that very day: still recorded, marked late; the school sets the cut-off', async () => {
    await cloud.ok(DEMO.admin, 'serviceday', 'setServiceDaySettings', { schoolId: SCHOOL, leaveCutoff: '11:00', pickupMarginMinutes: 15 });
    at('11:30');
    const late = await cloud.ok(kids.parent1, 'serviceday', 'reportLeave', { studentId: kids.child1, from: day, reason: '家里临时有事' });
    expect(late).toMatchObject({ late: 1, days: [{ date: day, late: true }] });
    // The next day, reported now, is not late.
    const next = weekdaysOf(addDays(day, 1), addDays(day, 5))[0];
    expect(await cloud.ok(kids.parent1, 'serviceday', 'reportLeave', { studentId: kids.child1, from: next, reason: '家里临时有事' })).toMatchObject({
      late: 0,
    });
    await cloud.ok(DEMO.admin, 'serviceday', 'setServiceDaySettings', { schoolId: SCHOOL, leaveCutoff: '12:00', pickupMarginMinutes: 15 });
    at('10:00');
  });

  it('refused: a day gone by, a weekend only, another family, a teacher; nothing is written', async () => {
    const before = (await docs('leaves')).length;
    expect(await leave(DEMO.parent, XIAOMING, addDays(day, -1), '补请假')).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: '不能为已经过去的日子请假',
    });
    const saturday = [1, 2, 3, 4, 5, 6, 7].map((n) => addDays(day, n)).find((d) => isoWeekday(d) === 6)!;
    expect(await leave(DEMO.parent, XIAOMING, saturday, '周末出门', addDays(saturday, 1))).toMatchObject({
      ok: false,
      message: '所选日期孩子没有课后服务，不需要请假',
    });
    expect(await leave(kids.parent0, XIAOMING, day, '替别人请假')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await leave(DEMO.teacher, XIAOMING, day, '老师代请')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await leave(DEMO.parent, XIAOMING, day, '病', undefined)).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((await docs('leaves')).length).toBe(before);
  });

  it('the attendance sheet of the day is pre-filled with the absences, with the reason; saved, it keeps them', async () => {
    const today = await sheet(cloud, day);
    const xiaoming = today.rows.find((r: any) => r.studentId === XIAOMING);
    expect(xiaoming).toMatchObject({ attendedMinutes: 0, recorded: false, leave: { reason: '孩子发烧，在家休息', late: false, reportedByName: '王建国' } });
    expect(today.rows.find((r: any) => r.studentId === kids.child1)).toMatchObject({ attendedMinutes: 0, leave: { late: true } });
    expect(today.rows.find((r: any) => r.studentId === kids.child0)).toMatchObject({ attendedMinutes: 120, leave: null });
    // The teacher saves the sheet as shown, with one change of their own.
    const minutes = Object.fromEntries(today.rows.map((r: any) => [r.studentId, r.studentId === kids.child0 ? 90 : r.attendedMinutes]));
    expect(await record(cloud, day, minutes)).toMatchObject({ saved: 4 });
    const saved = await sheet(cloud, day);
    expect(saved.rows.find((r: any) => r.studentId === XIAOMING)).toMatchObject({
      attendedMinutes: 0,
      recorded: true,
      leave: { reason: '孩子发烧，在家休息' },
    });
  });
});

describe('本月服务: the parent sees the days and minutes the fee rests on', () => {
  it('per month: each service day, the recorded minutes, leave, totals; only for the child’s guardians and staff', async () => {
    const month = billedMonth(cloud);
    const [first, second] = weekdaysOf(month.from, month.to);
    await record(cloud, first, { [XIAOMING]: 120, [kids.child0]: 120 });
    await record(cloud, second, { [XIAOMING]: 45 });
    const view = await cloud.ok(DEMO.parent, 'serviceday', 'getServiceMonth', { studentId: XIAOMING, month: month.key });
    expect(view.days.map((d: any) => d.date)).toEqual(weekdaysOf(month.from, month.to));
    expect(view.days[0]).toMatchObject({ date: first, scheduledMinutes: 120, attendedMinutes: 120, leave: null });
    expect(view.days[1]).toMatchObject({ date: second, attendedMinutes: 45 });
    expect(view.totals).toMatchObject({ recordedDays: 2, attendedDays: 2, attendedMinutes: 165, leaveDays: 0 });
    expect(view.days.slice(2).every((d: any) => d.attendedMinutes === null)).toBe(true);

    const thisMonth = await cloud.ok(DEMO.parent, 'serviceday', 'getServiceMonth', { studentId: XIAOMING, month: day.slice(0, 7) });
    expect(thisMonth.days.find((d: any) => d.date === day)).toMatchObject({ attendedMinutes: 0, leave: { reason: '孩子发烧，在家休息' } });
    // The second guardian sees the same; the class teacher and the admin too; another parent does not.
    expect(await cloud.ok(DEMO.secondGuardian, 'serviceday', 'getServiceMonth', { studentId: XIAOMING, month: month.key })).toEqual(view);
    expect((await cloud.call(DEMO.teacher, 'serviceday', 'getServiceMonth', { studentId: XIAOMING, month: month.key })).ok).toBe(true);
    expect(await cloud.call(kids.parent0, 'serviceday', 'getServiceMonth', { studentId: XIAOMING, month: month.key })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await cloud.call(DEMO.committee, 'serviceday', 'getServiceMonth', { studentId: XIAOMING, month: month.key })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

describe('内容安全: what a parent writes that others read passes the content check first', () => {
  it('a leave reason, feedback and pick-up adults with a blocked word are refused with a clear message, nothing stored', async () => {
    const leavesBefore = (await docs('leaves')).length;
    const next = addDays(day, 1);
    expect(await leave(kids.parent0, kids.child0, next, '去赌博场所')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '「请假原因」含有不宜发布的内容，未能提交，请修改后再试',
    });
    expect((await docs('leaves')).length).toBe(leavesBefore);
    const feedback = await cloud.call(kids.parent0, 'feedback', 'submitFeedback', {
      studentId: kids.child0,
      requestId: 'content-check-1',
      topic: 'safety',
      text: '校门口有人宣传赌博，请注意',
    });
    expect(feedback).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('「意见内容」含有不宜发布的内容') });
    expect(await docs('feedback')).toHaveLength(0);
    const [[p, s]] = await addFamilies(cloud, 1, 5);
    const application = await cloud.call(p, 'enrollment', 'submitApplication', {
      studentId: s,
      termId: TERM,
      days: [1, 2, 3, 4, 5],
      itemIds: ['basic-care'],
      pickup: { mode: 'pickers', pickers: [{ name: '毒品', relation: '父亲', phone: '13900000009' }] },
    });
    expect(application).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('「接送人1姓名」') });
    expect(await docs('applications', { studentId: s })).toHaveLength(0);
  });

  it('names are cleaned of bidi overrides, zero-width characters and newlines on input', async () => {
    const [[p, s]] = await addFamilies(cloud, 1, 6);
    const { application } = await cloud.ok(p, 'enrollment', 'submitApplication', {
      studentId: s,
      termId: TERM,
      days: [1, 2, 3, 4, 5],
      itemIds: ['basic-care'],
      pickup: { mode: 'pickers', pickers: [{ name: '张\u202E三\n', relation: '\u200B舅舅', phone: '13900000010' }] },
    });
    const stored = (await docs('applications', { _id: application.applicationId }))[0];
    expect(stored.pickup.pickers[0]).toMatchObject({ name: '张三', relation: '舅舅' });
  });
});

describe('放学交接: the teacher hands each child over at the gate', () => {
  it('the gate sheet lists the children expected today with their pick-up adults; going home alone only with the permit', async () => {
    at('17:00');
    const sheetNow = await gate();
    expect(sheetNow).toMatchObject({ classId: CLASS32, date: day, end: '17:30', flagAfter: '17:45', overdue: false });
    expect(sheetNow.rows.some((r: any) => r.overdue)).toBe(false);
    const ids = sheetNow.rows.map((r: any) => r.studentId).sort();
    expect(ids).toEqual([XIAOMING, kids.child0, kids.child1, aloneChild].sort());
    expect(await rowOf(kids.child0)).toMatchObject({ pickers: [{ index: 0, name: '王建国', relation: '父亲' }], aloneAllowed: false, handover: null });
    expect(await rowOf(aloneChild)).toMatchObject({ pickers: [], aloneAllowed: true });
    expect(sheetNow.counts).toMatchObject({ onLeave: 2, expected: 2, notYet: 2 });
    // Not the committee, not another parent, not the teacher of another class.
    for (const who of [DEMO.committee, kids.parent0, 'demo-teacher-wu']) {
      expect((await cloud.call(who, 'serviceday', 'getGateSheet', { classId: CLASS32, date: day })).ok).toBe(false);
    }
  });

  it('handed to a listed adult, or home alone with the permit; alone without a permit and unlisted adults are refused', async () => {
    const hand = (studentId: string, kind: string, extra: Record<string, unknown> = {}) =>
      cloud.call(DEMO.teacher, 'serviceday', 'recordHandover', { classId: CLASS32, date: day, studentId, kind, revision: 0, ...extra });
    expect(await hand(kids.child0, 'alone')).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('独自回家证') });
    expect(await hand(kids.child0, 'picker', { pickerIndex: 3 })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await hand(kids.child0, 'picker')).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const handed = await hand(kids.child0, 'picker', { pickerIndex: 0 });
    expect(handed).toMatchObject({
      ok: true,
      data: { handover: { kind: 'picker', picker: { name: '王建国', relation: '父亲' }, byName: '陈老师' }, revision: 1 },
    });
    // A retry on the same revision is answered as saved; a stale revision with a different choice is a conflict.
    expect(await hand(kids.child0, 'picker', { pickerIndex: 0, revision: 1 })).toMatchObject({ ok: true, data: { revision: 1 } });
    expect(await hand(kids.child0, 'waiting')).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await hand(aloneChild, 'alone')).toMatchObject({ ok: true, data: { handover: { kind: 'alone', label: '持独自回家证离校' } } });
    // Another day than today cannot be recorded.
    expect(
      await cloud.call(DEMO.teacher, 'serviceday', 'recordHandover', {
        classId: CLASS32,
        date: addDays(day, 1),
        studentId: kids.child1,
        kind: 'waiting',
        revision: 0,
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    const counts = (await gate()).counts;
    expect(counts).toMatchObject({ handed: 1, alone: 1, notYet: 0 });
    // The record is the child's: the guardian sees it in the month, another parent cannot.
    const month = await cloud.ok(kids.parent0, 'serviceday', 'getServiceMonth', { studentId: kids.child0, month: day.slice(0, 7) });
    expect(month.days.find((d: any) => d.date === day).handover).toMatchObject({ kind: 'picker', picker: { name: '王建国' } });
  });

  it('shift hand-over: the receiving teacher confirms the head count; a mismatch is flagged to the school', async () => {
    const confirm = (headCount: number) =>
      cloud.ok(DEMO.teacher, 'serviceday', 'confirmShiftHandover', {
        classId: CLASS32,
        date: day,
        fromActivity: '作业辅导',
        toActivity: '社团活动',
        headCount,
      });
    // child0 and the alone child have left; 王小明 and child1 are on leave: nobody should be there.
    expect(await confirm(0)).toMatchObject({ expected: 0, counted: 0, mismatch: false });
    expect(await confirm(1)).toMatchObject({ expected: 0, counted: 1, mismatch: true });
    const flags = await cloud.ok(DEMO.admin, 'serviceday', 'listSchoolFlags', { schoolId: SCHOOL, date: day });
    expect(flags.flags).toEqual([
      expect.objectContaining({ kind: 'head-count', className: '三年级(2)班', shift: expect.objectContaining({ counted: 1, expected: 0 }) }),
    ]);
    expect((await gate()).shifts).toHaveLength(2);
  });
});

describe('未接走提醒: children not handed over by the end plus the margin are flagged, guardians messaged', () => {
  let waitingChild: string;
  let waitingParent: string;
  beforeAll(async () => {
    // 王小明 came after all (the leave was for the morning): the teacher marks him waiting; child1 stays on leave.
    waitingChild = XIAOMING;
    waitingParent = DEMO.parent;
    await cloud.ok(DEMO.teacher, 'serviceday', 'recordHandover', { classId: CLASS32, date: day, studentId: XIAOMING, kind: 'waiting', revision: 0 });
  });

  it('before the flag time the timer flags nobody; after it, the child still waiting is flagged once and the guardians messaged once', async () => {
    at('17:40');
    expect(await timer()).toMatchObject({ ok: true, data: { checkedClasses: 0, flagged: 0 } });
    expect((await cloud.sent(waitingParent)).filter((m) => m.templateId === 'tmpl-serviceday-pickup')).toHaveLength(0);
    at('17:46');
    const run = await timer();
    expect(run).toMatchObject({ ok: true, data: { flagged: 1 } });
    const sent = (await cloud.sent()).filter((m) => m.templateId === 'tmpl-serviceday-pickup');
    expect(sent.map((m) => m.touser).sort()).toEqual([DEMO.parent, DEMO.secondGuardian, DEMO.teacher].sort());
    expect(sent.find((m) => m.touser === DEMO.parent)?.data.thing1.value).toBe('王小明');
    // Again: nothing more.
    expect(await timer()).toMatchObject({ ok: true, data: { flagged: 0 } });
    expect((await cloud.sent()).filter((m) => m.templateId === 'tmpl-serviceday-pickup')).toHaveLength(3);

    const row = await rowOf(waitingChild);
    expect(row.handover).toMatchObject({ kind: 'waiting', flaggedAt: expect.any(String) });
    expect(row.overdue).toBe(true);
    // Those handed over, gone home alone or away on leave are not overdue.
    expect((await gate()).rows.filter((r: any) => r.overdue).map((r: any) => r.studentId)).toEqual([waitingChild]);
    const flags = await cloud.ok(DEMO.admin, 'serviceday', 'listSchoolFlags', { schoolId: SCHOOL, date: day });
    expect(flags.counts).toMatchObject({ uncollected: 1, stillWaiting: 1, headCount: 1 });
    expect(flags.flags[0]).toMatchObject({ kind: 'uncollected', studentId: waitingChild, studentName: '王小明', handover: { kind: 'waiting' } });
    // Nobody else learns of it: not the committee, not the other school's admin.
    expect((await cloud.call(DEMO.committee, 'serviceday', 'listSchoolFlags', { schoolId: SCHOOL, date: day })).ok).toBe(false);
    expect((await cloud.call(DEMO.otherSchoolAdmin, 'serviceday', 'listSchoolFlags', { schoolId: SCHOOL, date: day })).ok).toBe(false);
  });

  it('handed over later, the flag stays on the record; a signed-in caller cannot run the timer', async () => {
    const row = await rowOf(waitingChild);
    await cloud.ok(DEMO.teacher, 'serviceday', 'recordHandover', {
      classId: CLASS32,
      date: day,
      studentId: waitingChild,
      kind: 'picker',
      pickerIndex: 0,
      revision: row.revision,
    });
    const flags = await cloud.ok(DEMO.admin, 'serviceday', 'listSchoolFlags', { schoolId: SCHOOL, date: day });
    expect(flags.counts).toMatchObject({ uncollected: 1, stillWaiting: 0 });
    expect(flags.flags[0].handover).toMatchObject({ kind: 'picker', flaggedAt: expect.any(String) });
    expect(await cloud.runtime.call('serviceday', { Type: 'Timer' }, DEMO.admin)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('a class nobody recorded: every child expected and not on leave is flagged the next day it runs', async () => {
    const next = weekdaysOf(addDays(day, 1), addDays(day, 7)).find((d) => d > day)!;
    at('18:00', next);
    const run = await timer();
    expect(run).toMatchObject({ ok: true });
    // 王小明's and child1's leave covers `next`; child0 and the alone child are flagged.
    const flagged = (await docs('handovers', { date: next, flagged: true })).map((h) => h.studentId).sort();
    expect(flagged).toEqual([kids.child0, aloneChild].sort());
    at('10:00');
  });
});

describe('what a call costs: round trips and answer size (metering)', () => {
  it('each call a person waits for stays within ~30 round trips and far under 100 KB', async () => {
    at('17:00');
    const calls: [string, string, unknown][] = [
      [DEMO.teacher, 'getGateSheet', { classId: CLASS32, date: day }],
      [DEMO.parent, 'getServiceMonth', { studentId: XIAOMING, month: day.slice(0, 7) }],
      [kids.parent0, 'reportLeave', { studentId: kids.child0, from: addDays(day, 1), to: addDays(day, 14), reason: '外出旅行' }],
      [DEMO.admin, 'listSchoolFlags', { schoolId: SCHOOL, date: day }],
    ];
    const figures: string[] = [];
    for (const [openid, action, data] of calls) {
      const measured = await cloud.runtime.meter.measure(() => cloud.runtime.call('serviceday', { action, data }, openid));
      expect(measured.result).toMatchObject({ ok: true });
      figures.push(`${action} ${measured.figures.roundTrips} 次往返 ${measured.figures.largestAnswerBytes} 字节`);
      expect(measured.figures.roundTrips).toBeLessThanOrEqual(30);
      expect(measured.figures.largestAnswerBytes).toBeLessThan(100_000);
    }
    console.log(`服务日调用：${figures.join('；')}`);
  });

  it('a timer run killed part-way and run again flags and messages each child once', async () => {
    const next = weekdaysOf(addDays(day, 1), addDays(day, 10)).filter((d) => d > day)[2];
    at('18:00', next);
    const before = (await cloud.sent()).length;
    const killed = await cloud.runtime.meter.measure(() => timer(), { stopAfter: 12 });
    expect(killed.stopped).toBe(true);
    const again = await timer();
    expect(again).toMatchObject({ ok: true });
    // On leave that day: 王小明 and child0; child1 and the child who goes home alone are flagged, each once.
    const flagged = await docs('handovers', { date: next, flagged: true });
    expect(flagged.map((h) => h.studentId).sort()).toEqual([kids.child1, aloneChild].sort());
    const pickup = (await cloud.sent()).slice(before).filter((m) => m.templateId === 'tmpl-serviceday-pickup');
    expect(pickup.map((m) => m.touser).sort()).toEqual([kids.parent1, aloneParent, DEMO.teacher].sort());
    at('10:00');
  });

  it('a run killed after flagging but before queuing the messages: the next run queues them, once', async () => {
    const next = weekdaysOf(addDays(day, 1), addDays(day, 14)).filter((d) => d > day)[3];
    at('18:00', next);
    // What a run killed between its transaction and the queue leaves: the check written, not notified.
    await cloud.db
      .collection('gateChecks')
      .doc(`${CLASS32}:${next}`)
      .set({ data: { schoolId: SCHOOL, classId: CLASS32, date: next, flagged: 1, at: new Date().toISOString(), notified: false } });
    await cloud.db
      .collection('handovers')
      .doc(`${kids.child1}:${next}`)
      .set({
        data: { studentId: kids.child1, studentName: '学生', schoolId: SCHOOL, classId: CLASS32, date: next, kind: 'waiting', flagged: true, revision: 1 },
      });
    const before = (await cloud.sent()).length;
    expect(await timer()).toMatchObject({ ok: true, data: { flagged: 1 } });
    expect(await timer()).toMatchObject({ ok: true, data: { flagged: 0, checkedClasses: 0 } });
    const pickup = (await cloud.sent()).slice(before).filter((m) => m.templateId === 'tmpl-serviceday-pickup');
    expect(pickup.map((m) => m.touser).sort()).toEqual([kids.parent1, DEMO.teacher].sort());
    expect((await docs('gateChecks', { date: next, classId: CLASS32 }))[0]).toMatchObject({ notified: true });
    // Every class checked and told: the school is swept, and a later run makes four round trips and reads no class.
    expect(await docs('gateChecks', { date: next, sweep: true })).toHaveLength(1);
    const idle = await cloud.runtime.meter.measure(() => timer());
    expect(idle.figures.roundTrips).toBeLessThanOrEqual(4);
    at('10:00');
  });
});
