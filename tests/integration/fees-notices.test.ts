import { computeCharge } from '@kehou/shared/policy';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { TERM } from './enrollment-fixtures';
import { appOf, billedMonth, enrolledClass, issue, record, SCHOOL, termOf, todayOf, weekdaysOf } from './fees-fixtures';

let cloud: TestCloud;
let kids: Awaited<ReturnType<typeof enrolledClass>>;
let month: { key: string; from: string; to: string };
let days: string[];
const PERIOD = () => ({ schoolId: SCHOOL, termId: TERM, periodKey: month.key });
const noticeId = (studentId: string, sequence = 1) => `${appOf(studentId)}:${month.key}${sequence > 1 ? `:${sequence}` : ''}`;
const notices = () => cloud.db.collection('feeNotices');

beforeAll(async () => {
  cloud = await startTestCloud();
  kids = await enrolledClass(cloud);
  month = billedMonth(cloud);
  days = weekdaysOf(month.from, month.to);
  await record(cloud, days[0], { [kids.child0]: 120, [kids.child1]: 120, [kids.hardshipChild]: 120 });
  await record(cloud, days[1], { [kids.child0]: 25, [kids.child1]: 120, [kids.hardshipChild]: 120 });
  await record(cloud, days[2], { [kids.child0]: 90, [kids.child1]: 0, [kids.hardshipChild]: 60 });
});
afterAll(() => cloud.close());

/** The engine's own input, written out: every weekday of the month, attended as given, else 0. */
const engine = (attended: Record<string, number>, hardship: 'none' | 'registered-poor' = 'none') => {
  const result = computeCharge({
    policy: 'suifenhe-2021',
    student: { stage: 'primary', hardship, reductionPercent: 0 },
    school: { planApproved: true, seniorMarkupPercent: 0 },
    period: { from: month.from, to: month.to },
    enrolled: { from: month.from, to: month.to },
    sessions: days.map((date) => ({ date, minutes: 120, periods: 3, attendedMinutes: attended[date] ?? 0 })),
  });
  if (!result.ok) throw new Error('engine refused');
  return result;
};

const HARDSHIP_WORDS = /建档立卡|低保|贫困|registered-poor|subsistence|hardship/;

describe('billing periods come from the profile (suifenhe: each calendar month, 004 三(五)2)', () => {
  it('the fee page is offered the term’s months, with what is issued and what cannot be issued yet', async () => {
    const { periods, notChargeable } = await cloud.ok(DEMO.admin, 'fees', 'listNoticePeriods', { schoolId: SCHOOL, termId: TERM });
    const term = await termOf(cloud);
    expect(notChargeable).toBeNull();
    expect(periods[0]).toMatchObject({ from: term.startDate, byAttendance: true, issued: 0, citation: expect.stringContaining('三(五)2') });
    expect(periods.at(-1).to).toBe(term.endDate);
    expect(periods.find((p: any) => p.key === month.key)).toMatchObject({ from: month.from, to: month.to, notYet: null });
    const current = periods.find((p: any) => p.from <= todayOf(cloud) && todayOf(cloud) <= p.to);
    expect(current.notYet).toMatch(/结束后/);
  });
});

describe('收费通知: preview and issue (suifenhe, a month by actual attendance)', () => {
  it('the preview matches the engine, a day under 30 minutes is not charged (004 三(五)2), lists unrecorded days, and writes nothing', async () => {
    const preview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', PERIOD());
    expect(preview.rows.map((r: any) => r.applicationId).sort()).toEqual([appOf(kids.hardshipChild), appOf(kids.child0), appOf(kids.child1)].sort());
    const row0 = preview.rows.find((r: any) => r.applicationId === appOf(kids.child0));
    const expected = engine({ [days[0]]: 120, [days[1]]: 25, [days[2]]: 90 });
    expect(row0).toMatchObject({ grossFen: expected.grossFen, chargeFen: expected.chargeFen, exemptFen: 0, state: 'new', notice: null });
    expect(row0.chargeFen).toBe(1400); // 210 minutes × 4 元/h
    expect(row0.lines.map((l: any) => l.label)).toContain('当天不足 30 分钟不收费');
    expect(row0.lines[0].citation).toBe('关于做好绥芬河市中小学生课后服务工作的实施意见 三(五)2');
    expect(row0.unrecordedDays).toBe(days.length - 3);
    expect(preview.unrecorded).toEqual([{ classId: DEMO_IDS.class32, className: '三年级(2)班', dates: days.slice(3) }]);
    expect(preview).toMatchObject({
      periodKey: month.key,
      blocked: null,
      counts: { new: 3, issued: 0, changed: 0 },
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await notices().count()).total).toBe(0);
  });

  it('free dates are not an input any more: a period is named by its key, and only the term’s keys exist', async () => {
    const count = async () => (await notices().count()).total;
    expect(await cloud.call(DEMO.admin, 'fees', 'previewNotices', { schoolId: SCHOOL, termId: TERM, from: month.from, to: month.to })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await cloud.call(DEMO.admin, 'fees', 'previewNotices', { ...PERIOD(), periodKey: '2026-13' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/收费期间/),
    });
    expect(await cloud.call(DEMO.admin, 'fees', 'previewNotices', { ...PERIOD(), periodKey: 'term' })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: expect.stringMatching(/没有「term」/),
    });
    expect(await cloud.call(DEMO.admin, 'fees', 'previewNotices', { ...PERIOD(), periodKey: '1999-01' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await count()).toBe(0);
  });

  it('issuing sends exactly what was previewed: a digest from before a change is refused and nothing is written', async () => {
    const stale = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', PERIOD());
    await record(cloud, days[3], { [kids.child1]: 60 });
    const refused = await cloud.call(DEMO.admin, 'fees', 'issueNotices', { ...PERIOD(), digest: stale.digest });
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/重新预览/) });
    expect((await notices().count()).total).toBe(0);
  });

  it('a month billed by attendance cannot be issued before it ends (004 三(五)2 据实收取)', async () => {
    const { periods } = await cloud.ok(DEMO.admin, 'fees', 'listNoticePeriods', { schoolId: SCHOOL, termId: TERM });
    const current = periods.find((p: any) => p.from <= todayOf(cloud) && todayOf(cloud) <= p.to);
    const preview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', { ...PERIOD(), periodKey: current.key });
    expect(preview.blocked).toMatch(/三\(五\)2.*还没有结束/);
    const answer = await cloud.call(DEMO.admin, 'fees', 'issueNotices', { ...PERIOD(), periodKey: current.key, digest: preview.digest });
    expect(answer).toMatchObject({ ok: false, code: 'POLICY_VIOLATION' });
    expect((await notices().count()).total).toBe(0);
  });

  it('one notice per child and period: repeated and concurrent issuing creates nothing twice', async () => {
    const preview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', PERIOD());
    const answers = await Promise.all(Array.from({ length: 5 }, () => cloud.call(DEMO.admin, 'fees', 'issueNotices', { ...PERIOD(), digest: preview.digest })));
    const created = answers.filter((a) => a.ok).reduce((t, a: any) => t + a.data.created, 0);
    expect(created).toBe(3);
    expect((await notices().count()).total).toBe(3);
    const before = (await notices().doc(noticeId(kids.child0)).get()).data as any;
    const again = await issue(cloud, month.key);
    expect(again).toMatchObject({ created: 0, existing: 3 });
    expect((await notices().count()).total).toBe(3);
    expect((await notices().doc(noticeId(kids.child0)).get()).data).toEqual(before);
    expect(before).toMatchObject({
      studentId: kids.child0,
      periodKey: month.key,
      period: { from: month.from, to: month.to },
      chargeFen: 1400,
      dueFen: 1400,
      status: 'issued',
      sequence: 1,
    });
    expect(before.facts).toMatchObject({ profileVersion: expect.stringMatching(/^suifenhe-2021@[0-9a-f]{12}$/), stage: 'primary', waived: false });
    expect(before.facts.sessions.find((s: any) => s.date === days[1])).toEqual({ date: days[1], minutes: 120, periods: 3, attendedMinutes: 25 });
    const periods = (await cloud.ok(DEMO.admin, 'fees', 'listNoticePeriods', { schoolId: SCHOOL, termId: TERM })).periods;
    expect(periods.find((p: any) => p.key === month.key).issued).toBe(3);
    const issuedPreview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', PERIOD());
    expect(issuedPreview.counts).toEqual({ new: 0, issued: 3, changed: 0 });
  });

  it('every confirmed guardian is told, once', async () => {
    for (const openid of [DEMO.parent, DEMO.secondGuardian, kids.parent0]) {
      expect((await cloud.sent(openid)).filter((m) => m.templateId === 'tmpl-fees-notice')).toHaveLength(1);
    }
  });

  it('the hardship child: exempt, the city bears 50 % (004 三(五)2), 0.00 元 reads as nothing to pay; no hardship kind on the notice', async () => {
    const mine = await cloud.ok(DEMO.parent, 'fees', 'listMyNotices');
    const notice = mine.notices.find((n: any) => n.studentName === '王小明');
    const expected = engine({ [days[0]]: 120, [days[1]]: 120, [days[2]]: 60 }, 'registered-poor');
    expect(notice).toMatchObject({ grossFen: 2000, chargeFen: 0, dueFen: 0, exemptFen: 2000, governmentShareFen: 1000, state: 'nothing-due' });
    expect(notice).toMatchObject({ grossFen: expected.grossFen, exemptFen: expected.exemptFen, governmentShareFen: expected.governmentShareFen });
    const waiver = notice.lines.find((l: any) => l.amountFen < 0);
    expect(waiver).toMatchObject({ label: '家庭经济困难：免收课后服务费', citation: expect.stringContaining('三(五)2') });
    expect(waiver.detail).toMatch(/由政府统筹解决/);
    expect(JSON.stringify(await notices().get())).not.toMatch(HARDSHIP_WORDS);
    // The kind stays in the private waiver record the engine reads when a notice is recomputed.
    expect(((await cloud.db.collection('feeNoticeWaivers').doc(noticeId(kids.hardshipChild)).get()).data as any).hardship).toBe('registered-poor');
    expect((await cloud.sent(DEMO.parent)).find((m) => m.templateId === 'tmpl-fees-notice')?.data.thing4.value).toBe('本期无需缴费');
  });

  it('a parent sees the notices of their own children only, with every line and clause', async () => {
    const own = await cloud.ok(kids.parent0, 'fees', 'listMyNotices');
    expect(own.notices.map((n: any) => n.noticeId)).toEqual([noticeId(kids.child0)]);
    expect(own.notices[0]).toMatchObject({ state: 'due', dueFen: 1400, periodKey: month.key, difference: null, earlier: [] });
    expect(own.notices[0].lines.every((l: any) => l.citation.length > 0)).toBe(true);
    expect(own.notices[0].refundMethod).toMatch(/整月未上课的全额退费/);
    expect(JSON.stringify(own)).not.toMatch(HARDSHIP_WORDS);
    expect(JSON.stringify(own)).not.toMatch(/王小明/);
    expect((await cloud.ok(DEMO.otherSchoolParent, 'fees', 'listMyNotices')).notices).toEqual([]);
    expect((await cloud.ok(DEMO.newParent, 'fees', 'listMyNotices')).notices).toEqual([]);
    expect(await cloud.call(null, 'fees', 'listMyNotices')).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
  });

  it('the class teacher sees their class: what is owed and paid, no waivers, no lines, no reason', async () => {
    const view = await cloud.ok(DEMO.teacher, 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM });
    expect(view.as).toBe('teacher');
    expect(view.rows).toHaveLength(3);
    expect(Object.keys(view.rows[0]).sort()).toEqual(['className', 'dueFen', 'noticeId', 'period', 'periodKey', 'state', 'studentName']);
    expect(JSON.stringify(view)).not.toMatch(/exempt|government|lines|家庭经济困难|建档立卡/);
    const other = await cloud.ok('demo-teacher-wu', 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM });
    expect(other.rows).toEqual([]);
  });

  it('the admin sees totals with exempt amounts and the government share, never the hardship kind', async () => {
    const view = await cloud.ok(DEMO.admin, 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM });
    expect(view.as).toBe('admin');
    expect(view.totals).toMatchObject({ exemptFen: 2000, governmentShareFen: 1000, chargeFen: 1400 + 2000, dueFen: 1400 + 2000, paidFen: 0 });
    expect(JSON.stringify(view)).not.toMatch(HARDSHIP_WORDS);
  });

  it('mark paid: the admin, once; others are refused alike for existing and missing notices; a 0.00 notice cannot be paid', async () => {
    const id = noticeId(kids.child0);
    for (const openid of [DEMO.teacher, DEMO.otherSchoolAdmin, kids.parent0]) {
      const existing = await cloud.call(openid, 'fees', 'recordOfflinePayment', { noticeId: id, method: 'cash', reference: 'SJ-0001' });
      const missing = await cloud.call(openid, 'fees', 'recordOfflinePayment', { noticeId: `${id}-nope`, method: 'cash', reference: 'SJ-0001' });
      expect(existing).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(missing).toEqual(existing);
    }
    expect(await cloud.ok(DEMO.admin, 'fees', 'recordOfflinePayment', { noticeId: id, method: 'cash', reference: 'SJ-0001' })).toMatchObject({
      existing: false,
    });
    expect(await cloud.ok(DEMO.admin, 'fees', 'recordOfflinePayment', { noticeId: id, method: 'cash', reference: 'SJ-0001' })).toMatchObject({
      existing: true,
    });
    expect(
      await cloud.call(DEMO.admin, 'fees', 'recordOfflinePayment', { noticeId: noticeId(kids.hardshipChild), method: 'cash', reference: 'SJ-0001' }),
    ).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '这份通知无需缴费' });
    expect((await cloud.ok(DEMO.admin, 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM })).totals.paidFen).toBe(1400);
  });
});

describe('corrections instead of rewrites (a new notice supersedes; the family owes or gets back the difference)', () => {
  it('attendance corrected after billing: the preview shows the child as changed; the correction supersedes and refunds the difference of a paid notice', async () => {
    await record(cloud, days[0], { [kids.child0]: 0 }, '系统外补录：当天请假');
    await record(cloud, days[4], { [kids.child1]: 120 }, '补录漏记的考勤');
    const preview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', PERIOD());
    const row = preview.rows.find((r: any) => r.applicationId === appOf(kids.child0));
    expect(row).toMatchObject({ state: 'changed', chargeFen: 600, notice: { noticeId: noticeId(kids.child0), chargeFen: 1400, state: 'paid' } });
    expect(preview.counts.changed).toBe(2);

    const stale = { ...PERIOD(), digest: 'f'.repeat(64), reason: '考勤更正' };
    expect(await cloud.call(DEMO.admin, 'fees', 'issueCorrections', stale)).toMatchObject({ ok: false, code: 'CONFLICT' });
    const before = (await notices().doc(noticeId(kids.child0)).get()).data as any;
    const result = await cloud.ok(DEMO.admin, 'fees', 'issueCorrections', { ...PERIOD(), digest: preview.digest, reason: '考勤更正' });
    expect(result.corrected).toBe(2);

    const old = (await notices().doc(noticeId(kids.child0)).get()).data as any;
    const { supersededBy, supersededAt, revision, ...unchanged } = old;
    const { revision: _r, ...was } = before;
    expect(unchanged).toEqual(was);
    expect(supersededBy).toBe(noticeId(kids.child0, 2));
    const correction = (await notices().doc(noticeId(kids.child0, 2)).get()).data as any;
    expect(correction).toMatchObject({
      sequence: 2,
      supersedes: noticeId(kids.child0),
      chargeFen: 600,
      paidBeforeFen: 1400,
      dueFen: 0,
      creditFen: 800,
      status: 'nothing-due',
      correctionReason: '考勤更正',
    });
    expect(correction.difference).toMatchObject({ previousChargeFen: 1400, differenceFen: -800 });
    expect(correction.difference.lines).toEqual([expect.objectContaining({ amountFen: -800, citation: expect.stringContaining('三(五)2') })]);
    expect((await cloud.db.collection('refunds').doc(noticeId(kids.child0, 2)).get()).data as any).toMatchObject({
      kind: 'correction',
      status: 'approved',
      refundFen: 800,
    });

    const parent = (await cloud.ok(kids.parent0, 'fees', 'listMyNotices')).notices;
    expect(parent).toHaveLength(1);
    expect(parent[0]).toMatchObject({
      noticeId: noticeId(kids.child0, 2),
      state: 'nothing-due',
      difference: { differenceFen: -800, creditFen: 800, reason: '考勤更正' },
    });
    expect(parent[0].earlier).toEqual([expect.objectContaining({ noticeId: noticeId(kids.child0), chargeFen: 1400, state: 'superseded' })]);
    expect((await cloud.sent(kids.parent0)).at(-1)?.data.thing4.value).toMatch(/退还/);
    // The old notice can no longer be paid or corrected again; issuing again creates nothing.
    expect((await cloud.ok(DEMO.admin, 'fees', 'previewNotices', PERIOD())).counts).toEqual({ new: 0, issued: 3, changed: 0 });
  });

  it('an unpaid notice corrected upward: the family owes the whole new amount, nothing twice', async () => {
    const notice = (await notices().doc(noticeId(kids.child1, 2)).get()).data as any;
    expect(notice).toMatchObject({ supersedes: noticeId(kids.child1), paidBeforeFen: 0, chargeFen: 2000 + 800, dueFen: 2800, status: 'issued' });
    expect(
      await cloud.call(DEMO.admin, 'fees', 'recordOfflinePayment', { noticeId: noticeId(kids.child1), method: 'cash', reference: 'SJ-0001' }),
    ).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringMatching(/已被更正/) });
  });

  it('hardship declared late: the correction shows the waiver with its clause, and the paid amount comes back', async () => {
    await cloud.ok(DEMO.admin, 'fees', 'recordOfflinePayment', { noticeId: noticeId(kids.child1, 2), method: 'cash', reference: 'SJ-0001' });
    const app = (await cloud.db.collection('applications').doc(appOf(kids.child1)).get()).data as any;
    await cloud.db.collection('hardshipDeclarations').add({
      data: {
        _id: app._id,
        applicationId: app._id,
        studentId: kids.child1,
        schoolId: SCHOOL,
        classId: app.classId,
        termId: TERM,
        kind: 'subsistence',
        note: '',
        declaredBy: kids.parent1,
        declaredAt: new Date().toISOString(),
      },
    });
    const preview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', PERIOD());
    await cloud.ok(DEMO.admin, 'fees', 'issueCorrections', { ...PERIOD(), digest: preview.digest, reason: '补报家庭经济困难' });
    const third = (await notices().doc(noticeId(kids.child1, 3)).get()).data as any;
    expect(third).toMatchObject({ chargeFen: 0, exemptFen: 2800, governmentShareFen: 1400, paidBeforeFen: 2800, creditFen: 2800, dueFen: 0 });
    expect(third.difference.lines).toEqual([
      expect.objectContaining({ label: '家庭经济困难：免收课后服务费', amountFen: -2800, citation: expect.stringContaining('三(五)2') }),
    ]);
    expect(JSON.stringify(third)).not.toMatch(HARDSHIP_WORDS);
    const view = (await cloud.ok(kids.parent1, 'fees', 'listMyNotices')).notices[0];
    expect(view.earlier.map((e: any) => e.noticeId)).toEqual([noticeId(kids.child1, 2), noticeId(kids.child1)]);
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
      expect(await cloud.call(openid, 'fees', 'listNoticePeriods', { schoolId: SCHOOL, termId: TERM })).toMatchObject({ ok: false, code });
      expect(await cloud.call(openid, 'fees', 'previewNotices', PERIOD())).toMatchObject({ ok: false, code });
      expect(await cloud.call(openid, 'fees', 'issueNotices', { ...PERIOD(), digest: '0'.repeat(64) })).toMatchObject({ ok: false, code });
      expect(await cloud.call(openid, 'fees', 'issueCorrections', { ...PERIOD(), digest: '0'.repeat(64), reason: '更正' })).toMatchObject({ ok: false, code });
    }
    expect(await cloud.call(DEMO.parent, 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('a term whose plan is not approved (綦江 demo school, no plan) is refused with the reason', async () => {
    const period = { schoolId: DEMO_IDS.qijiangSchool, termId: DEMO_IDS.qijiangTerm, periodKey: 'term' };
    const answer = await cloud.call(DEMO.otherSchoolAdmin, 'fees', 'previewNotices', period);
    expect(answer).toMatchObject({ ok: false, code: 'POLICY_VIOLATION', message: expect.stringMatching(/没有课后服务方案|不能收费/) });
    await cloud.db.collection('plans').add({
      data: {
        _id: `${DEMO_IDS.qijiangSchool}:${DEMO_IDS.qijiangTerm}`,
        schoolId: DEMO_IDS.qijiangSchool,
        termId: DEMO_IDS.qijiangTerm,
        profileId: 'qijiang-2020',
        status: 'submitted',
        revision: 1,
        submissions: 1,
        publishedVersion: 0,
      },
    });
    const submitted = await cloud.call(DEMO.otherSchoolAdmin, 'fees', 'previewNotices', period);
    expect(submitted).toMatchObject({ ok: false, code: 'POLICY_VIOLATION', message: expect.stringMatching(/尚未通过.*备案审核.*不得收费.*五/) });
    const offered = await cloud.ok(DEMO.otherSchoolAdmin, 'fees', 'listNoticePeriods', { schoolId: DEMO_IDS.qijiangSchool, termId: DEMO_IDS.qijiangTerm });
    expect(offered.periods.map((p: any) => p.key)).toEqual(['term']);
    expect(offered.notChargeable.reason).toMatch(/尚未通过/);
    expect((await notices().where({ schoolId: DEMO_IDS.qijiangSchool }).count()).total).toBe(0);
  });

  it('xxcity: the service is free, no period is offered, no notice is ever issued, and the app says so', async () => {
    const term = await termOf(cloud);
    await cloud.db.collection('schools').add({
      data: {
        _id: 'school-xx',
        name: 'XX市实验小学',
        district: 'XX市',
        bureauId: 'b-xx',
        bureauName: 'XX市教育局',
        profileId: 'xxcity-2024',
        stages: ['primary'],
      },
    });
    await cloud.db
      .collection('terms')
      .add({ data: { _id: 'term-xx', schoolId: 'school-xx', name: '学期', startDate: term.startDate, endDate: term.endDate, current: true } });
    await cloud.db.collection('users').add({ data: { _id: 'admin-xx', name: '管理员', roles: [{ kind: 'admin', schoolId: 'school-xx' }] } });
    const offered = await cloud.ok('admin-xx', 'fees', 'listNoticePeriods', { schoolId: 'school-xx', termId: 'term-xx' });
    expect(offered.periods).toEqual([]);
    expect(offered.notChargeable).toMatchObject({ reason: expect.stringMatching(/不向家长收取/), citation: expect.stringContaining('二(三)') });
    const answer = await cloud.call('admin-xx', 'fees', 'previewNotices', { schoolId: 'school-xx', termId: 'term-xx', periodKey: month.key });
    expect(answer).toMatchObject({ ok: false, code: 'POLICY_VIOLATION', message: expect.stringMatching(/免费.*不发收费通知/) });
  });
});
