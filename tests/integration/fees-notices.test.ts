import { computeCharge } from '@kehou/shared/policy';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { TERM } from './enrollment-fixtures';
import { appOf, enrolledClass, NOVEMBER, record, SCHOOL } from './fees-fixtures';

let cloud: TestCloud;
let kids: Awaited<ReturnType<typeof enrolledClass>>;
const PERIOD = { schoolId: SCHOOL, termId: TERM, ...NOVEMBER };

beforeAll(async () => {
  cloud = await startTestCloud();
  kids = await enrolledClass(cloud);
  await record(cloud, '2026-11-02', { [kids.child0]: 120, [kids.child1]: 120, [kids.hardshipChild]: 120 });
  await record(cloud, '2026-11-03', { [kids.child0]: 25, [kids.child1]: 120, [kids.hardshipChild]: 120 });
  await record(cloud, '2026-11-04', { [kids.child0]: 90, [kids.child1]: 0, [kids.hardshipChild]: 60 });
});
afterAll(() => cloud.close());

/** November 2026's Monday–Friday dates: the engine's own input, written out by hand. */
const weekdaysOfNovember = () =>
  Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`).filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
const engine = (attended: Record<string, number>, hardship: 'none' | 'registered-poor' = 'none') =>
  computeCharge({
    policy: 'suifenhe-2021',
    student: { stage: 'primary', hardship, reductionPercent: 0 },
    school: { planApproved: true, seniorMarkupPercent: 0 },
    period: NOVEMBER,
    enrolled: { from: '2026-09-01', to: '2027-01-15' },
    sessions: weekdaysOfNovember().map((date) => ({ date, minutes: 120, periods: 3, attendedMinutes: attended[date] ?? 0 })),
  });

const HARDSHIP_WORDS = /建档立卡|低保|贫困|registered-poor|subsistence|hardship/;

describe('收费通知: preview and issue (suifenhe, a month by actual attendance)', () => {
  it('the preview matches the engine, a day under 30 minutes is not charged (004 三(五)2), and writes nothing', async () => {
    const preview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', PERIOD);
    expect(preview.rows.map((r: any) => r.applicationId).sort()).toEqual([appOf(kids.hardshipChild), appOf(kids.child0), appOf(kids.child1)].sort());
    const row0 = preview.rows.find((r: any) => r.applicationId === appOf(kids.child0));
    const expected = engine({ '2026-11-02': 120, '2026-11-03': 25, '2026-11-04': 90 });
    if (!expected.ok) throw new Error('engine refused');
    expect(row0).toMatchObject({ grossFen: expected.grossFen, chargeFen: expected.chargeFen, exemptFen: 0 });
    expect(row0.chargeFen).toBe(1400); // 210 minutes × 4 元/h
    expect(row0.lines.map((l: any) => l.label)).toContain('当天不足 30 分钟不收费');
    expect(row0.lines[0].citation).toBe('关于做好绥芬河市中小学生课后服务工作的实施意见 三(五)2');
    expect(row0.unrecordedDays).toBe(18);
    expect((await cloud.db.collection('feeNotices').count()).total).toBe(0);
  });

  it('issues one notice per child; issuing twice creates nothing twice and changes nothing', async () => {
    const first = await cloud.ok(DEMO.admin, 'fees', 'issueNotices', PERIOD);
    expect(first).toMatchObject({ created: 3, existing: 0 });
    const before = (await cloud.db.collection('feeNotices').doc(`${appOf(kids.child0)}:2026-11-01:2026-11-30`).get()).data as any;
    await record(cloud, '2026-11-05', { [kids.child0]: 120 }); // attendance after issue does not rewrite the notice
    const second = await cloud.ok(DEMO.admin, 'fees', 'issueNotices', PERIOD);
    expect(second).toMatchObject({ created: 0, existing: 3 });
    expect((await cloud.db.collection('feeNotices').count()).total).toBe(3);
    const after = (await cloud.db.collection('feeNotices').doc(before._id).get()).data as any;
    expect(after).toEqual(before);
    expect(before).toMatchObject({ studentId: kids.child0, classId: DEMO_IDS.class32, period: NOVEMBER, chargeFen: 1400, profileId: 'suifenhe-2021', status: 'issued' });
    expect((await cloud.db.collection('audit').where({ action: 'fees.issueNotices' }).count()).total).toBe(1);
  });

  it('every confirmed guardian is told, once', async () => {
    for (const openid of [DEMO.parent, DEMO.secondGuardian, kids.parent0]) {
      expect(cloud.runtime.outbox.list(openid).filter((m) => m.templateId === 'tmpl-fees-notice')).toHaveLength(1);
    }
  });

  it('the hardship child: exempt, and the city bears 50 % (004 三(五)2); the notice never names the hardship kind', async () => {
    const mine = await cloud.ok(DEMO.parent, 'fees', 'myNotices');
    const notice = mine.notices.find((n: any) => n.studentName === '王小明');
    const expected = engine({ '2026-11-02': 120, '2026-11-03': 120, '2026-11-04': 60 }, 'registered-poor');
    if (!expected.ok) throw new Error('engine refused');
    expect(notice).toMatchObject({ grossFen: 2000, chargeFen: 0, exemptFen: 2000, governmentShareFen: 1000 });
    expect(notice).toMatchObject({ grossFen: expected.grossFen, exemptFen: expected.exemptFen, governmentShareFen: expected.governmentShareFen });
    const waiver = notice.lines.find((l: any) => l.amountFen < 0);
    expect(waiver).toMatchObject({ label: '家庭经济困难：免收课后服务费', citation: expect.stringContaining('三(五)2') });
    expect(waiver.detail).toMatch(/由政府统筹解决/);
    expect(JSON.stringify(await cloud.db.collection('feeNotices').get())).not.toMatch(HARDSHIP_WORDS);
  });

  it('a parent sees the notices of their own children only, with every line and clause', async () => {
    const own = await cloud.ok(kids.parent0, 'fees', 'myNotices');
    expect(own.notices.map((n: any) => n.noticeId)).toEqual([`${appOf(kids.child0)}:2026-11-01:2026-11-30`]);
    expect(own.notices[0].lines.every((l: any) => l.citation.length > 0)).toBe(true);
    expect(own.notices[0].refundMethod).toMatch(/整月未上课的全额退费/);
    expect(JSON.stringify(own)).not.toMatch(HARDSHIP_WORDS);
    expect(JSON.stringify(own)).not.toMatch(/王小明/);
    expect((await cloud.ok(DEMO.otherSchoolParent, 'fees', 'myNotices')).notices).toEqual([]);
    expect((await cloud.ok(DEMO.newParent, 'fees', 'myNotices')).notices).toEqual([]);
    expect(await cloud.call(null, 'fees', 'myNotices')).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
  });

  it('the class teacher sees their class: what is owed and paid, no waivers, no lines, no reason', async () => {
    const view = await cloud.ok(DEMO.teacher, 'fees', 'schoolNotices', { schoolId: SCHOOL, termId: TERM });
    expect(view.as).toBe('teacher');
    expect(view.rows).toHaveLength(3);
    expect(Object.keys(view.rows[0]).sort()).toEqual(['chargeFen', 'className', 'noticeId', 'period', 'status', 'studentName']);
    expect(JSON.stringify(view)).not.toMatch(/exempt|government|lines|家庭经济困难|建档立卡/);
    const other = await cloud.ok('demo-teacher-wu', 'fees', 'schoolNotices', { schoolId: SCHOOL, termId: TERM });
    expect(other.rows).toEqual([]);
  });

  it('the admin sees totals with exempt amounts and the government share, never the hardship kind', async () => {
    const view = await cloud.ok(DEMO.admin, 'fees', 'schoolNotices', { schoolId: SCHOOL, termId: TERM });
    expect(view.as).toBe('admin');
    expect(view.totals).toMatchObject({ exemptFen: 2000, governmentShareFen: 1000, chargeFen: 1400 + 1600, paidFen: 0 });
    expect(JSON.stringify(view)).not.toMatch(HARDSHIP_WORDS);
  });

  it('mark paid: the admin, once; others are refused', async () => {
    const noticeId = `${appOf(kids.child0)}:2026-11-01:2026-11-30`;
    expect(await cloud.call(DEMO.teacher, 'fees', 'markPaid', { noticeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'fees', 'markPaid', { noticeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call(kids.parent0, 'fees', 'markPaid', { noticeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.ok(DEMO.admin, 'fees', 'markPaid', { noticeId })).toMatchObject({ status: 'paid', existing: false });
    expect(await cloud.ok(DEMO.admin, 'fees', 'markPaid', { noticeId })).toMatchObject({ status: 'paid', existing: true });
    expect((await cloud.ok(DEMO.admin, 'fees', 'schoolNotices', { schoolId: SCHOOL, termId: TERM })).totals.paidFen).toBe(1400);
  });
});

describe('收费通知: who may issue, and when nothing may be charged', () => {
  it('teacher, parent, admin of another school and signed-out are refused', async () => {
    for (const [openid, code] of [
      [DEMO.teacher, 'FORBIDDEN'],
      [DEMO.parent, 'FORBIDDEN'],
      [DEMO.otherSchoolAdmin, 'FORBIDDEN'],
      [null, 'NOT_SIGNED_IN'],
    ] as const) {
      expect(await cloud.call(openid, 'fees', 'previewNotices', PERIOD)).toMatchObject({ ok: false, code });
      expect(await cloud.call(openid, 'fees', 'issueNotices', PERIOD)).toMatchObject({ ok: false, code });
    }
    expect(await cloud.call(DEMO.parent, 'fees', 'schoolNotices', { schoolId: SCHOOL, termId: TERM })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'fees', 'schoolNotices', { schoolId: SCHOOL, termId: TERM })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('a term whose plan is not approved (綦江 demo school, no plan) is refused with the reason', async () => {
    const term = { startDate: '2026-09-01', endDate: '2027-01-22' };
    const answer = await cloud.call(DEMO.otherSchoolAdmin, 'fees', 'issueNotices', { schoolId: DEMO_IDS.qijiangSchool, termId: DEMO_IDS.qijiangTerm, from: term.startDate, to: term.endDate });
    expect(answer).toMatchObject({ ok: false, code: 'POLICY_VIOLATION', message: expect.stringMatching(/没有课后服务方案|不能收费/) });
    await cloud.db.collection('plans').add({ data: { _id: `${DEMO_IDS.qijiangSchool}:${DEMO_IDS.qijiangTerm}`, schoolId: DEMO_IDS.qijiangSchool, termId: DEMO_IDS.qijiangTerm, profileId: 'qijiang-2020', status: 'submitted', revision: 1, submissions: 1, publishedVersion: 0 } });
    const submitted = await cloud.call(DEMO.otherSchoolAdmin, 'fees', 'previewNotices', { schoolId: DEMO_IDS.qijiangSchool, termId: DEMO_IDS.qijiangTerm, from: term.startDate, to: term.endDate });
    expect(submitted).toMatchObject({ ok: false, code: 'POLICY_VIOLATION', message: expect.stringMatching(/尚未通过.*备案审核.*不得收费/) });
    expect((await cloud.db.collection('feeNotices').where({ schoolId: DEMO_IDS.qijiangSchool }).count()).total).toBe(0);
  });

  it('xxcity: the service is free, no notice is ever issued, and the app says so', async () => {
    await cloud.db.collection('schools').add({ data: { _id: 'school-xx', name: 'XX市实验小学', district: 'XX市', bureauId: 'b-xx', bureauName: 'XX市教育局', profileId: 'xxcity-2024', stages: ['primary'] } });
    await cloud.db.collection('terms').add({ data: { _id: 'term-xx', schoolId: 'school-xx', name: '学期', startDate: '2026-09-01', endDate: '2027-01-15', current: true } });
    await cloud.db.collection('users').add({ data: { _id: 'admin-xx', name: '管理员', roles: [{ kind: 'admin', schoolId: 'school-xx' }] } });
    const answer = await cloud.call('admin-xx', 'fees', 'issueNotices', { schoolId: 'school-xx', termId: 'term-xx', ...NOVEMBER });
    expect(answer).toMatchObject({ ok: false, code: 'POLICY_VIOLATION', message: expect.stringMatching(/免费.*不发收费通知/) });
  });

  it('suifenhe bills by the month: a period across two months is refused', async () => {
    const answer = await cloud.call(DEMO.admin, 'fees', 'previewNotices', { ...PERIOD, from: '2026-10-15', to: '2026-11-15' });
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringMatching(/不能跨月/) });
  });
});
