import { computeRefund } from '@kehou/shared/policy';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { TERM } from './enrollment-fixtures';
import { appOf, enrolledClass, NOVEMBER, record, SCHOOL } from './fees-fixtures';

let cloud: TestCloud;
let kids: Awaited<ReturnType<typeof enrolledClass>>;
const noticeOf = (studentId: string) => `${appOf(studentId)}:2026-11-01:2026-11-30`;

beforeAll(async () => {
  cloud = await startTestCloud();
  kids = await enrolledClass(cloud);
  await record(cloud, '2026-11-02', { [kids.child0]: 120, [kids.child1]: 120 });
  await record(cloud, '2026-11-03', { [kids.child0]: 25, [kids.child1]: 120 });
  await cloud.ok(DEMO.admin, 'fees', 'issueNotices', { schoolId: SCHOOL, termId: TERM, ...NOVEMBER });
  await cloud.ok(DEMO.admin, 'fees', 'markPaid', { noticeId: noticeOf(kids.child0) });
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
    const before = (await cloud.ok(kids.parent0, 'fees', 'myNotices')).notices[0];
    expect(before).toMatchObject({ status: 'paid', canRequestRefund: true, refund: null });

    const first = await cloud.ok(kids.parent0, 'fees', 'requestRefund', { noticeId, reason: '孩子生病住院' });
    expect(first).toMatchObject({ existing: false, refund: { status: 'requested', paidFen: 800 } });
    const again = await cloud.ok(kids.parent0, 'fees', 'requestRefund', { noticeId, reason: '再申请一次' });
    expect(again).toMatchObject({ existing: true, refund: { reason: '孩子生病住院' } });
    expect((await cloud.db.collection('refunds').count()).total).toBe(1);
    expect((await cloud.ok(kids.parent0, 'fees', 'myNotices')).notices[0].canRequestRefund).toBe(false);
  });

  it('the admin approves: half refund when at most half the month was attended, as the engine computes, with the clause', async () => {
    const refundId = noticeOf(kids.child0);
    expect(await cloud.call(DEMO.teacher, 'fees', 'decideRefund', { refundId, approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'fees', 'decideRefund', { refundId, approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call(kids.parent0, 'fees', 'decideRefund', { refundId, approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const weekdays = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    const attended: Record<string, number> = { '2026-11-02': 120, '2026-11-03': 25 };
    const expected = computeRefund({
      policy: 'suifenhe-2021',
      student: { stage: 'primary', hardship: 'none', reductionPercent: 0 },
      school: { planApproved: true, seniorMarkupPercent: 0 },
      period: NOVEMBER,
      sessions: weekdays.map((date) => ({ date, minutes: 120, periods: 3, attendedMinutes: attended[date] ?? 0 })),
      paidFen: 800,
    });
    if (!expected.ok) throw new Error('engine refused');
    expect(expected.refundFen).toBe(400);

    const { refund } = await cloud.ok(DEMO.admin, 'fees', 'decideRefund', { refundId, approve: true });
    expect(refund).toMatchObject({ status: 'approved', refundFen: 400 });
    expect(refund.lines[0]).toMatchObject({ amountFen: 400, citation: '关于做好绥芬河市中小学生课后服务工作的实施意见 三(五)3(2)' });
    expect(refund.lines[0].label).toMatch(/退半费/);
    expect(cloud.runtime.outbox.list(kids.parent0).at(-1)).toMatchObject({
      templateId: 'tmpl-fees-refund',
      data: { phrase2: { value: '已同意' }, amount3: { value: '4.00元' } },
    });
    expect(await cloud.call(DEMO.admin, 'fees', 'decideRefund', { refundId, approve: false })).toMatchObject({ ok: false, code: 'INVALID_STATE' });

    const parentView = (await cloud.ok(kids.parent0, 'fees', 'myNotices')).notices[0];
    expect(parentView.refund).toMatchObject({ status: 'approved', refundFen: 400 });
    const adminView = await cloud.ok(DEMO.admin, 'fees', 'schoolNotices', { schoolId: SCHOOL, termId: TERM });
    expect(adminView.rows.find((r: any) => r.noticeId === refundId).refund).toMatchObject({ status: 'approved', refundFen: 400 });
    expect((await cloud.db.collection('audit').where({ action: 'fees.decideRefund' }).count()).total).toBe(1);
  });
});
