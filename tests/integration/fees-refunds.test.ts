import { computeRefund } from '@kehou/shared/policy';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { TERM } from './enrollment-fixtures';
import { appOf, billedMonth, enrolledClass, issue, record, SCHOOL, weekdaysOf } from './fees-fixtures';

let cloud: TestCloud;
let kids: Awaited<ReturnType<typeof enrolledClass>>;
let month: { key: string; from: string; to: string };
let days: string[];
const noticeOf = (studentId: string) => `${appOf(studentId)}:${month.key}`;

beforeAll(async () => {
  cloud = await startTestCloud();
  kids = await enrolledClass(cloud);
  month = billedMonth(cloud);
  days = weekdaysOf(month.from, month.to);
  await record(cloud, days[0], { [kids.child0]: 120, [kids.child1]: 120 });
  await record(cloud, days[1], { [kids.child0]: 25, [kids.child1]: 120 });
  await issue(cloud, month.key);
  await cloud.ok(DEMO.admin, 'fees', 'recordOfflinePayment', { noticeId: noticeOf(kids.child0), method: 'cash', reference: 'SJ-0001' });
});
afterAll(() => cloud.close());

describe('退费 (suifenhe 004 三(五)3(2)): a guardian applies, the school decides', () => {
  it('only a guardian of the child may apply, only for a paid notice, once per notice', async () => {
    const noticeId = noticeOf(kids.child0);
    expect(await cloud.call(kids.parent1, 'fees', 'requestRefund', { noticeId, reason: '孩子生病' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cloud.call(DEMO.otherSchoolParent, 'fees', 'requestRefund', { noticeId, reason: '孩子生病' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cloud.call(null, 'fees', 'requestRefund', { noticeId, reason: '孩子生病' })).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
    expect(await cloud.call(kids.parent1, 'fees', 'requestRefund', { noticeId: noticeOf(kids.child1), reason: '孩子生病' })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: '这份通知还没有缴费，不需要退费',
    });
    const before = (await cloud.ok(kids.parent0, 'fees', 'listMyNotices')).notices[0];
    expect(before).toMatchObject({ state: 'paid', canRequestRefund: true, refund: null });

    const first = await cloud.ok(kids.parent0, 'fees', 'requestRefund', { noticeId, reason: '孩子生病住院' });
    expect(first).toMatchObject({ existing: false, refund: { kind: 'request', status: 'requested', paidFen: 800 } });
    const again = await cloud.ok(kids.parent0, 'fees', 'requestRefund', { noticeId, reason: '再申请一次' });
    expect(again).toMatchObject({ existing: true, refund: { reason: '孩子生病住院' } });
    expect((await cloud.db.collection('refunds').count()).total).toBe(1);
    expect((await cloud.ok(kids.parent0, 'fees', 'listMyNotices')).notices[0].canRequestRefund).toBe(false);
  });

  it('the admin approves: half refund when at most half the month was attended, from the facts frozen on the notice, with the clause', async () => {
    const refundId = noticeOf(kids.child0);
    for (const openid of [DEMO.teacher, DEMO.otherSchoolAdmin, kids.parent0]) {
      const existing = await cloud.call(openid, 'fees', 'decideRefund', { refundId, approve: true });
      expect(existing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await cloud.call(openid, 'fees', 'decideRefund', { refundId: `${refundId}-x`, approve: true })).toEqual(existing);
    }
    // Attendance corrected after billing does not move the refund: it rests on the notice's facts.
    await record(cloud, days[2], { [kids.child0]: 120 }, '补录');
    await record(cloud, days[3], { [kids.child0]: 120 }, '补录');

    const attended: Record<string, number> = { [days[0]]: 120, [days[1]]: 25 };
    const expected = computeRefund({
      policy: 'suifenhe-2021',
      student: { stage: 'primary', hardship: 'none', reductionPercent: 0 },
      school: { planApproved: true, seniorMarkupPercent: 0 },
      period: { from: month.from, to: month.to },
      sessions: days.map((date) => ({ date, minutes: 120, periods: 3, attendedMinutes: attended[date] ?? 0 })),
      paidFen: 800,
    });
    if (!expected.ok) throw new Error('engine refused');
    expect(expected.refundFen).toBe(400);

    const { refund } = await cloud.ok(DEMO.admin, 'fees', 'decideRefund', { refundId, approve: true });
    expect(refund).toMatchObject({ status: 'approved', refundFen: 400 });
    expect(refund.lines[0]).toMatchObject({ amountFen: 400, citation: '关于做好绥芬河市中小学生课后服务工作的实施意见 三(五)3(2)' });
    expect(refund.lines[0].label).toMatch(/退半费/);
    expect((await cloud.sent(kids.parent0)).at(-1)).toMatchObject({
      templateId: 'tmpl-fees-refund',
      data: { phrase2: { value: '已同意' }, amount3: { value: '4.00元' } },
    });
    expect(await cloud.call(DEMO.admin, 'fees', 'decideRefund', { refundId, approve: false })).toMatchObject({ ok: false, code: 'INVALID_STATE' });

    const parentView = (await cloud.ok(kids.parent0, 'fees', 'listMyNotices')).notices[0];
    expect(parentView.refund).toMatchObject({ status: 'approved', refundFen: 400 });
    const adminView = await cloud.ok(DEMO.admin, 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM });
    expect(adminView.rows.find((r: any) => r.noticeId === refundId).refund).toMatchObject({ status: 'approved', refundFen: 400 });
    const decisions = ((await cloud.db.collection('audit').where({ action: 'fees.decideRefund' }).get()).data as any[]).filter((a) =>
      /同意退费/.test(a.summary),
    );
    expect(decisions).toHaveLength(1);
  });

  it('a correction after an approved refund counts the money already given back', async () => {
    const preview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', { schoolId: SCHOOL, termId: TERM, periodKey: month.key });
    await cloud.ok(DEMO.admin, 'fees', 'issueCorrections', {
      schoolId: SCHOOL,
      termId: TERM,
      periodKey: month.key,
      digest: preview.digest,
      reason: '补录考勤',
    });
    const correction = (
      await cloud.db
        .collection('feeNotices')
        .doc(`${noticeOf(kids.child0)}:2`)
        .get()
    ).data as any;
    // Paid 800, 400 refunded: 400 counts as paid; the month now costs 8 + 8 + 8 = 24 元 (the 25-minute day still free).
    expect(correction).toMatchObject({ chargeFen: 2400, paidBeforeFen: 400, dueFen: 2000, creditFen: 0 });
  });
});
