import { reportDuties } from '@kehou/shared/disclosure';
import { addDays, filingDeadline, getProfile } from '@kehou/shared/policy';
import { chinaDateOf } from '../../local-cloud/src/demo-calendar';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { addFamilies, approvedApplication, listAndFix, publishAgreement, SCHOOL, TERM, XIAOMING } from './enrollment-fixtures';
import { billedMonth, enrolledClass, issue, record, weekdaysOf } from './fees-fixtures';

/**
 * The day's reminders, sent by the messages function's timer trigger (config.json) on the runtime's
 * clock: each test moves the clock to the day a reminder is due (China time, after 09:00) and lets
 * the timer fire. Dates are relative to the runtime's clock, never fixed.
 */
let cloud: TestCloud;
let today: string;
beforeEach(async () => {
  cloud = await startTestCloud();
  today = chinaDateOf(cloud.runtime.clock.now());
});
afterEach(() => cloud.close());

/** Moves the clock to `day` at `time` China time and lets the timer triggers fire (the queue is sent too). */
async function timerAt(day: string, time = '10:00') {
  cloud.runtime.clock.set(new Date(`${day}T${time}:00+08:00`));
  return cloud.runtime.timers.tick();
}
const reminders = (openid: string, thing1: RegExp) => cloud.runtime.outbox.list(openid).filter((m) => thing1.test(m.data.thing1?.value ?? ''));

describe('listing period ending: the school is reminded to fix the list', () => {
  it('on the day it ends and each day after until the list is fixed; once a day', async () => {
    const [[parent, child]] = await addFamilies(cloud, 1);
    await approvedApplication(cloud, parent, child);
    const { listingId, listedUntil } = await cloud.ok(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 3 });
    const endDay = chinaDateOf(new Date(listedUntil));

    await timerAt(addDays(endDay, -1));
    expect(reminders(DEMO.admin, /公示期/)).toHaveLength(0);
    await timerAt(endDay, '08:00');
    expect(reminders(DEMO.admin, /公示期/)).toHaveLength(0); // nobody is messaged before 09:00
    await timerAt(endDay);
    expect(reminders(DEMO.admin, /公示期/)).toHaveLength(1);
    await timerAt(endDay, '15:00');
    expect(reminders(DEMO.admin, /公示期/)).toHaveLength(1);
    await timerAt(addDays(endDay, 1));
    expect(reminders(DEMO.admin, /公示期/).map((m) => m.data.thing1.value)).toEqual([expect.stringMatching(/公示期(今天|已)/), '公示期已结束，请确定名单']);
    expect(reminders(DEMO.admin, /公示期/)[1].page).toContain('school/enrollment/index');
    // Parents are not told to fix lists.
    expect(reminders(parent, /公示期/)).toHaveLength(0);

    await cloud.ok(DEMO.admin, 'enrollment', 'fixListing', { listingId });
    await timerAt(addDays(endDay, 2));
    expect(reminders(DEMO.admin, /公示期/)).toHaveLength(2);
  });
});

describe('unsigned agreements: every guardian is reminded after 3 days, then every 3 days', () => {
  it('reaches both guardians of a child, once a day, and the parent sees it in their list', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING);
    await listAndFix(cloud);
    const fixedDay = chinaDateOf(new Date(Date.now() + 1.01 * 86_400_000));
    await publishAgreement(cloud);
    const agreementReminders = (openid: string) =>
      cloud.runtime.outbox.list(openid).filter((m) => m.templateId === 'tmpl-enrollment-agreement' && /名单已确定\d+天/.test(m.data.thing3.value));

    await timerAt(addDays(fixedDay, 2));
    expect(agreementReminders(DEMO.parent)).toHaveLength(0);
    await timerAt(addDays(fixedDay, 3));
    await timerAt(addDays(fixedDay, 3), '11:00');
    expect(agreementReminders(DEMO.parent).map((m) => m.data.thing3.value)).toEqual(['名单已确定3天，请签署协议']);
    expect(agreementReminders(DEMO.secondGuardian)).toHaveLength(1);
    await timerAt(addDays(fixedDay, 4));
    expect(agreementReminders(DEMO.parent)).toHaveLength(1);
    await timerAt(addDays(fixedDay, 6));
    expect(agreementReminders(DEMO.parent).map((m) => m.data.thing3.value)).toEqual(['名单已确定3天，请签署协议', '名单已确定6天，请签署协议']);

    const mine = await cloud.ok(DEMO.secondGuardian, 'messages', 'listMyMessages');
    expect(mine.filter((m: any) => m.title === '协议签署提醒' && m.status === 'sent').length).toBeGreaterThanOrEqual(2);
  });
});

describe('unpaid notices: the family is reminded 7 days after the notice, then every 7 days', () => {
  it('only notices that still ask for money', async () => {
    const kids = await enrolledClass(cloud);
    const month = billedMonth(cloud);
    const [day] = weekdaysOf(month.from, month.to);
    await record(cloud, day, { [kids.child0]: 120, [kids.child1]: 120 });
    await issue(cloud, month.key);
    const notices = (await cloud.db.collection('feeNotices').where({ status: 'issued' }).get()).data as any[];
    const owing = notices.filter((n) => n.dueFen > 0);
    expect(owing.length).toBeGreaterThan(0);

    await timerAt(addDays(today, 6));
    expect(reminders(kids.parent0, /待缴/)).toHaveLength(0);
    await timerAt(addDays(today, 7));
    expect(reminders(kids.parent0, /待缴/)).toEqual([
      expect.objectContaining({
        templateId: 'tmpl-reminder',
        page: 'parent/fees/index',
        data: expect.objectContaining({ thing3: { value: expect.stringMatching(/通知已发出7天/) } }),
      }),
    ]);
    // A family that owes nothing (the exempt child) is not reminded.
    const exempt = notices.find((n) => n.dueFen === 0);
    if (exempt) expect(reminders(DEMO.parent, /待缴/).filter((m) => m.data.thing2.value === exempt.studentName)).toHaveLength(0);
    await timerAt(addDays(today, 14));
    expect(reminders(kids.parent0, /待缴/)).toHaveLength(2);
  });
});

describe('filing deadline and half-year reports (yueyang-2019)', () => {
  const yueyang = getProfile('yueyang-2019');
  beforeEach(async () => {
    await cloud.db.collection('schools').add({
      data: {
        _id: 'school-yy',
        name: '岳阳市示范小学',
        district: '岳阳楼区',
        bureauId: 'bureau-yy',
        bureauName: '岳阳楼区教育局',
        profileId: 'yueyang-2019',
        stages: ['primary'],
      },
    });
    await cloud.db
      .collection('terms')
      .add({ data: { _id: 'term-yy', schoolId: 'school-yy', name: '本学期', startDate: today, endDate: addDays(today, 120), current: true } });
    await cloud.db.collection('users').add({ data: { _id: 'admin-yy', name: '岳阳管理员', roles: [{ kind: 'admin', schoolId: 'school-yy' }] } });
    await cloud.allowMessages('admin-yy');
  });

  it('the plan not filed: reminded from 3 days before the deadline (10 working days after term start, 001 五2) and after it', async () => {
    const deadline = filingDeadline(yueyang, today) as string;
    expect(deadline > addDays(today, 12)).toBe(true);
    await timerAt(addDays(deadline, -4));
    expect(reminders('admin-yy', /待备案/)).toHaveLength(0);
    await timerAt(addDays(deadline, -1));
    expect(reminders('admin-yy', /待备案/).map((m) => m.data.thing3.value)).toEqual(['还有1天截止，请提交备案']);
    await timerAt(addDays(deadline, 2));
    expect(reminders('admin-yy', /待备案/).map((m) => m.data.thing3.value)).toEqual(['还有1天截止，请提交备案', '已过截止日期2天，请提交备案']);
    expect(reminders('admin-yy', /待备案/)[0].page).toBe('school/plan/index?schoolId=school-yy&termId=term-yy');
  });

  it('a half-year report (30 June, 31 December): reminded 7, 3 and 1 days before and on the day', async () => {
    // The due date after next, so every reminder day lies ahead of the clock.
    const first = reportDuties(yueyang, today)[0].due;
    const due = reportDuties(yueyang, addDays(first, 1))[0].due;
    expect(['06-30', '12-31']).toContain(due.slice(5));
    for (const before of [8, 7, 6, 3, 1, 0]) await timerAt(addDays(due, -before));
    expect(reminders('admin-yy', /到期/).map((m) => m.data.thing1.value.replace(/^.*?(\d+天后到期|今天到期)$/, '$1'))).toEqual([
      '7天后到期',
      '3天后到期',
      '1天后到期',
      '今天到期',
    ]);
    expect(reminders('admin-yy', /到期/)[0].data.thing3.value).toMatch(/月/);
  });
});

describe('the reminders run in bounded steps, once a day per kind', () => {
  it('a run record per kind and day; a second timer call that day sends nothing twice', async () => {
    const [[parent, child]] = await addFamilies(cloud, 1);
    await approvedApplication(cloud, parent, child);
    await cloud.ok(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 1 });
    await timerAt(addDays(today, 1));
    expect(reminders(DEMO.admin, /公示期/)).toHaveLength(1);
    const runs = (await cloud.db.collection('messageQueue').where({ kind: 'reminder-run' }).get()).data as any[];
    expect(runs.map((r) => r.reminder).sort()).toEqual(['filing-deadline', 'listing-ending', 'report-due', 'unpaid-notice', 'unsigned-agreement']);
    expect(runs.every((r) => r.state === 'done' && r.day === addDays(today, 1))).toBe(true);
    const sent = cloud.runtime.outbox.list().length;
    // Forgetting the runs (a lost write) repeats the scan, but the queue sends each message once.
    await cloud.db.collection('messageQueue').where({ kind: 'reminder-run' }).remove();
    await timerAt(addDays(today, 1), '10:05');
    expect((await cloud.db.collection('messageQueue').where({ kind: 'reminder-run' }).count()).total).toBe(5);
    expect(cloud.runtime.outbox.list()).toHaveLength(sent);
    expect(reminders(DEMO.admin, /公示期/)).toHaveLength(1);
  });
});
