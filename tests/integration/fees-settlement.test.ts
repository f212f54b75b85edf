import { addDays, computeCharge, isoWeekday } from '@kehou/shared/policy';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { appOf, billedMonth, enrolledClass, issue, qijiangEnrolled, record, todayOf, weekdaysOf } from './fees-fixtures';

/** The next Monday after today: a withdrawal the parent can still ask for. */
const nextMonday = (today: string) => {
  let day = addDays(today, 1);
  while (isoWeekday(day) !== 1) day = addDays(day, 1);
  return day;
};

async function withdrawAndApprove(cloud: TestCloud, parent: string, admin: string, applicationId: string, effectiveDate: string) {
  await cloud.ok(parent, 'enrollment', 'withdrawApplication', { applicationId, effectiveDate, reason: '转学' });
  return cloud.ok(admin, 'enrollment', 'decideWithdrawal', { applicationId, decision: 'approve' });
}

describe('leaving mid-term settles the money: qijiang by week (000 四(二) 以周为单位据实结算)', () => {
  let cloud: TestCloud;
  let qj: Awaited<ReturnType<typeof qijiangEnrolled>>;
  beforeEach(async () => {
    cloud = await startTestCloud();
    qj = await qijiangEnrolled(cloud);
  });
  afterEach(() => cloud.close());

  const termCharge = (to: string) => {
    const sessions = weekdaysOf(qj.term.startDate, qj.term.endDate).map((date) => ({ date, minutes: 120, periods: 2 }));
    const result = computeCharge({
      policy: 'qijiang-2020',
      student: { stage: 'primary', hardship: 'none', reductionPercent: 0 },
      school: { planApproved: true, seniorMarkupPercent: 0 },
      period: { from: qj.term.startDate, to: qj.term.endDate },
      enrolled: { from: qj.term.startDate, to },
      sessions,
    });
    if (!result.ok) throw new Error('engine refused');
    return result.chargeFen;
  };

  it('a term paid in full: approving the withdrawal refunds the weeks not served, with the clause', async () => {
    const issued = await issue(cloud, 'term', qj.schoolId, qj.termId, qj.admin);
    expect(issued.created).toBe(1);
    const noticeId = `${qj.applicationId}:term`;
    const notice = (await cloud.db.collection('feeNotices').doc(noticeId).get()).data as any;
    expect(notice.chargeFen).toBe(termCharge(qj.term.endDate));
    await cloud.ok(qj.admin, 'fees', 'recordOfflinePayment', { noticeId, method: 'cash', reference: 'SJ-0001' });

    const leavesOn = nextMonday(todayOf(cloud));
    const { settlement } = await withdrawAndApprove(cloud, qj.parent, qj.admin, qj.applicationId, leavesOn);
    const due = termCharge(addDays(leavesOn, -1));
    expect(settlement).toMatchObject({ citation: expect.stringContaining('四(二)') });
    expect(settlement.periods).toEqual([
      expect.objectContaining({ periodKey: 'term', outcome: 'corrected', chargeFen: due, creditFen: notice.chargeFen - due, dueFen: 0 }),
    ]);
    expect(settlement.summary).toMatch(/退还/);
    const correction = (await cloud.db.collection('feeNotices').doc(`${noticeId}:2`).get()).data as any;
    expect(correction).toMatchObject({
      supersedes: noticeId,
      chargeFen: due,
      creditFen: notice.chargeFen - due,
      correctionReason: expect.stringMatching(/退出结算.*以周为单位/),
    });
    expect((await cloud.db.collection('refunds').doc(`${noticeId}:2`).get()).data).toMatchObject({
      kind: 'correction',
      status: 'approved',
      refundFen: notice.chargeFen - due,
    });
    const parentView = (await cloud.ok(qj.parent, 'fees', 'listMyNotices')).notices[0];
    expect(parentView).toMatchObject({ noticeId: `${noticeId}:2`, difference: { creditFen: notice.chargeFen - due } });
  });

  it('a term not paid yet: a final notice for the weeks served replaces it', async () => {
    await issue(cloud, 'term', qj.schoolId, qj.termId, qj.admin);
    const leavesOn = nextMonday(todayOf(cloud));
    const { settlement } = await withdrawAndApprove(cloud, qj.parent, qj.admin, qj.applicationId, leavesOn);
    const due = termCharge(addDays(leavesOn, -1));
    expect(settlement.periods[0]).toMatchObject({ outcome: 'corrected', chargeFen: due, dueFen: due, creditFen: 0 });
    expect(
      await cloud.call(qj.admin, 'fees', 'recordOfflinePayment', { noticeId: `${qj.applicationId}:term`, method: 'cash', reference: 'SJ-0001' }),
    ).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  it('nothing billed yet: the later notice counts only the weeks enrolled', async () => {
    const leavesOn = nextMonday(todayOf(cloud));
    const { settlement } = await withdrawAndApprove(cloud, qj.parent, qj.admin, qj.applicationId, leavesOn);
    expect(settlement.periods).toEqual([]);
    expect(settlement.summary).toMatch(/还没有发出收费通知/);
    await issue(cloud, 'term', qj.schoolId, qj.termId, qj.admin);
    const notice = (await cloud.db.collection('feeNotices').doc(`${qj.applicationId}:term`).get()).data as any;
    expect(notice.chargeFen).toBe(termCharge(addDays(leavesOn, -1)));
  });
});

describe('leaving mid-term settles the money: suifenhe by the month (004 三(五)2 据实收取)', () => {
  let cloud: TestCloud;
  let kids: Awaited<ReturnType<typeof enrolledClass>>;
  beforeAll(async () => {
    cloud = await startTestCloud();
    kids = await enrolledClass(cloud);
  });
  afterAll(() => cloud.close());

  it('a withdrawal approved after its month was billed corrects that month to the days before leaving', async () => {
    const month = billedMonth(cloud);
    const days = weekdaysOf(month.from, month.to);
    const leavesOn = days[10];
    // The parent asked in time (on the day itself); the school approves only after the month was billed.
    cloud.runtime.clock.set(new Date(`${leavesOn}T01:00:00.000Z`));
    await cloud.ok(kids.parent0, 'enrollment', 'withdrawApplication', { applicationId: appOf(kids.child0), effectiveDate: leavesOn, reason: '转学' });
    cloud.runtime.clock.reset();
    // The class sheet kept its default (everyone present) on every day of the month.
    for (const date of days) await record(cloud, date, { [kids.child0]: 120, [kids.child1]: 120, [kids.hardshipChild]: 120 });
    await issue(cloud, month.key);
    const noticeId = `${appOf(kids.child0)}:${month.key}`;
    const billed = (await cloud.db.collection('feeNotices').doc(noticeId).get()).data as any;
    expect(billed.chargeFen).toBe(days.length * 800);

    const { settlement } = await cloud.ok(DEMO.admin, 'enrollment', 'decideWithdrawal', { applicationId: appOf(kids.child0), decision: 'approve' });
    expect(settlement.citation).toMatch(/三\(五\)2/);
    expect(settlement.periods).toEqual([expect.objectContaining({ periodKey: month.key, outcome: 'corrected', chargeFen: 10 * 800, dueFen: 10 * 800 })]);
    const correction = (await cloud.db.collection('feeNotices').doc(`${noticeId}:2`).get()).data as any;
    expect(correction.difference).toMatchObject({ previousChargeFen: days.length * 800, differenceFen: (10 - days.length) * 800 });
    // The parent is told about the corrected notice.
    expect((await cloud.sent(kids.parent0)).filter((m) => m.templateId === 'tmpl-fees-notice').at(-1)?.data.thing2.value).toMatch(/更正/);
    // The child is no longer on the sheet from the effective date.
    expect(
      (await cloud.ok(DEMO.teacher, 'enrollment', 'getAttendanceSheet', { classId: 'class-sfh-3-2', date: leavesOn })).rows.map((r: any) => r.studentId),
    ).not.toContain(kids.child0);
  });

  it('a withdrawal effective after the billed months leaves their notices as they are', async () => {
    const leavesOn = nextMonday(todayOf(cloud));
    await cloud.ok(kids.parent1, 'enrollment', 'withdrawApplication', { applicationId: appOf(kids.child1), effectiveDate: leavesOn, reason: '搬家' });
    const { settlement } = await cloud.ok(DEMO.admin, 'enrollment', 'decideWithdrawal', { applicationId: appOf(kids.child1), decision: 'approve' });
    expect(settlement.periods).toEqual([]);
    expect(settlement.summary).toMatch(/不受影响/);
    expect(
      (
        await cloud.db
          .collection('feeNotices')
          .where({ applicationId: appOf(kids.child1) })
          .count()
      ).total,
    ).toBe(1);
  });
});
