import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { driveJob } from '../support/school-of';
import { rawOf, seedSchool } from './bureau-fixtures';
import { todayOf } from './committee-fixtures';
import { TERM } from './enrollment-fixtures';
import { billedMonth, enrolledClass, record, weekdaysOf } from './fees-fixtures';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

const refreshAll = async () => {
  for (let i = 0; i < 50; i++) {
    const step = await cloud.ok(DEMO.bureau, 'bureau', 'refreshSummaries', {});
    if (step.remaining === 0) return;
  }
  throw new Error('refresh did not finish');
};
const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);

/** A dashboard row's figures against the sums computed here from the school's raw documents. */
async function expectRawSums(row: any, schoolId: string, termId: string) {
  const students = await rawOf(cloud, 'students', { schoolId });
  const apps = await rawOf(cloud, 'applications', { schoolId, termId });
  const notices = (await rawOf(cloud, 'feeNotices', { schoolId, termId })).filter((n) => !n.supersededBy);
  const payments = await rawOf(cloud, 'payments', { schoolId, termId });
  const refunds = await rawOf(cloud, 'refunds', { schoolId, termId });
  const feedback = await rawOf(cloud, 'feedback', { schoolId });
  const clubs = await rawOf(cloud, 'clubSeats', { schoolId, termId });
  const enrolled = apps.filter((a) => ['approved', 'listed', 'signed', 'active', 'withdrawal-requested'].includes(a.status));
  expect(row.participation).toMatchObject({
    onRoll: students.length,
    enrolled: enrolled.length,
    applied: apps.filter((a) => !['withdrawn', 'returned'].includes(a.status)).length,
  });
  const classes = await rawOf(cloud, 'classes', { schoolId });
  const stageOf = new Map(classes.map((c) => [c._id, c.stage]));
  const byStage = [...new Set(classes.map((c) => c.stage))].map((stage) => ({
    stage,
    onRoll: students.filter((s) => stageOf.get(s.classId) === stage).length,
    enrolled: enrolled.filter((a) => stageOf.get(a.classId) === stage).length,
  }));
  expect(row.participation.byStage).toHaveLength(byStage.length);
  expect(row.participation.byStage).toEqual(expect.arrayContaining(byStage));
  expect(row.fees).toMatchObject({
    notices: notices.length,
    grossFen: sum(notices, (n) => n.grossFen),
    waivedFen: sum(notices, (n) => n.exemptFen),
    governmentShareFen: sum(notices, (n) => n.governmentShareFen),
    paidFen: sum(
      payments.filter((p) => p.status === 'paid'),
      (p) => p.amountFen,
    ),
  });
  expect(row.refunds).toMatchObject({
    requested: refunds.filter((r) => r.status === 'requested').length,
    approved: refunds.filter((r) => r.status === 'approved').length,
    refundFen: sum(
      refunds.filter((r) => r.status === 'approved'),
      (r) => r.refundFen,
    ),
  });
  expect(row.feedback.open).toBe(feedback.filter((f) => f.status === 'open').length);
  expect(row.clubs).toEqual({
    clubs: clubs.length,
    capacity: sum(clubs, (c) => c.capacity),
    taken: sum(clubs, (c) => c.seats.length),
    waiting: sum(clubs, (c) => c.waiting.length),
  });
}

/** The district: the demo school and four seeded ones, one of them late with its filing. */
async function district() {
  // Only yueyang-2019 sets a filing deadline (001 §五2: 10 working days after the term starts).
  const late = await seedSchool(cloud, 1, { startedDaysAgo: 40, plan: 'none', profileId: 'yueyang-2019' });
  const filed = await seedSchool(cloud, 2, { startedDaysAgo: 40, plan: 'approved', profileId: 'yueyang-2019' });
  const fresh = await seedSchool(cloud, 3, { startedDaysAgo: 2, plan: 'none', profileId: 'yueyang-2019' });
  const big = await seedSchool(cloud, 4, { startedDaysAgo: 10, plan: 'submitted', size: 12 });
  return { late, filed, fresh, big };
}

describe('the bureau’s dashboard over its schools (precomputed summaries)', () => {
  it('every figure equals the sums computed here from the raw documents', async () => {
    const schools = await district();
    await refreshAll();
    const dash = await cloud.ok(DEMO.bureau, 'bureau', 'getDashboard');
    expect(dash.missing).toBe(0);
    expect(dash.rows.map((r: any) => r.schoolId).sort()).toEqual([DEMO_IDS.suifenheSchool, ...Object.values(schools).map((s) => s.schoolId)].sort());
    for (const { schoolId, termId } of Object.values(schools)) {
      const row = dash.rows.find((r: any) => r.schoolId === schoolId);
      await expectRawSums(row, schoolId, termId);
      // Six answers: 4·2+5·4, 3+4·2+5·3, 5·6, 2+3+4·2+5·2, 4·3+5·3 over 30 ratings.
      expect(row.satisfaction).toEqual({ answers: 6, average: Math.round(((28 + 26 + 30 + 23 + 27) / 30) * 10) / 10 });
    }
    const all = dash.rows;
    expect(dash.totals).toMatchObject({
      schools: 5,
      onRoll: sum(all, (r: any) => r.participation.onRoll),
      grossFen: sum(all, (r: any) => r.fees.grossFen),
    });
  });

  it('approving, issuing notices and payments mark the school’s summary; the refresh the dashboard asks for brings it to the raw sums', async () => {
    await refreshAll();
    const school = DEMO_IDS.suifenheSchool;
    const rowOf = async () => {
      const dash = await cloud.ok(DEMO.bureau, 'bureau', 'getDashboard');
      return { dash, row: dash.rows.find((r: any) => r.schoolId === school) };
    };
    const refreshed = async () => {
      const { dash } = await rowOf();
      // The dashboard counts the marked summary among those still to summarise, as the screen shows it.
      expect(dash.missing).toBe(1);
      await refreshAll();
      const after = await rowOf();
      expect(after.dash.missing).toBe(0);
      await expectRawSums(after.row, school, TERM);
      return after.row;
    };
    // Applications, reviews, approvals, the list, the agreements: through the actions and jobs.
    const before = (await rowOf()).row;
    const kids = await enrolledClass(cloud);
    let row = await refreshed();
    expect(row.participation.enrolled).toBe(before.participation.enrolled + 4);
    // Last month's notices, issued by the job.
    const month = billedMonth(cloud);
    for (const day of weekdaysOf(month.from, month.to)) await record(cloud, day, { [kids.hardshipChild]: 120, [kids.child0]: 120, [kids.child1]: 120 });
    const preview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', { schoolId: school, termId: TERM, periodKey: month.key });
    const run = await driveJob(
      cloud,
      () => cloud.call(DEMO.admin, 'fees', 'issueNotices', { schoolId: school, termId: TERM, periodKey: month.key, digest: preview.digest }),
      (jobId) => cloud.call(DEMO.admin, 'fees', 'advanceJob', { jobId }),
    );
    expect(run.last.state).toBe('done');
    row = await refreshed();
    expect(row.fees.notices).toBe(3);
    expect(row.fees.grossFen).toBeGreaterThan(0);
    // A family pays at the school's office.
    const [notice] = (await rawOf(cloud, 'feeNotices', { schoolId: school, studentId: kids.child0 })) as { _id: string }[];
    await cloud.ok(DEMO.admin, 'fees', 'recordOfflinePayment', { noticeId: notice._id, method: 'cash', reference: '现金收讫' });
    row = await refreshed();
    expect(row.fees.paidFen).toBeGreaterThan(0);
  });

  it('late and near-deadline filings come first, and the late one drills down to its school', async () => {
    const { late, filed } = await district();
    await refreshAll();
    const dash = await cloud.ok(DEMO.bureau, 'bureau', 'getDashboard');
    expect(dash.rows[0]).toMatchObject({ schoolId: late.schoolId, plan: { status: 'none', deadlineState: 'past' } });
    expect(dash.rows.find((r: any) => r.schoolId === filed.schoolId).plan).toMatchObject({ status: 'approved', deadlineState: 'filed' });
    expect(dash.totals.lateFilings).toBeGreaterThanOrEqual(1);
    const detail = await cloud.ok(DEMO.bureau, 'bureau', 'getSchoolDetail', { schoolId: late.schoolId });
    expect(detail.summary).toMatchObject({ schoolId: late.schoolId, plan: { deadlineState: 'past' } });
    expect(detail.clubs).toEqual([{ name: 'club-a', capacity: 4, taken: 4, waiting: 1 }]);
    // With a plan, the club is named as the plan names it.
    expect((await cloud.ok(DEMO.bureau, 'bureau', 'getSchoolDetail', { schoolId: filed.schoolId })).clubs).toEqual([
      { name: '篮球社', capacity: 4, taken: 4, waiting: 2 },
    ]);
    expect(detail.feedbackByTopic).toEqual([{ topic: 'safety', label: '安全与接送', open: 1, total: 1 }, expect.objectContaining({ topic: 'fees' })]);
    // Another bureau's reviewer cannot open it.
    expect(await cloud.call(DEMO.qijiangBureau, 'bureau', 'getSchoolDetail', { schoolId: late.schoolId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await cloud.ok(DEMO.qijiangBureau, 'bureau', 'getDashboard')).rows.every((r: any) => r.schoolId !== late.schoolId)).toBe(true);
  });

  it('the bureau never sees a child’s name, hardship status or a family’s fee', async () => {
    await district();
    await refreshAll();
    const answers = [
      await cloud.ok(DEMO.bureau, 'bureau', 'getDashboard'),
      ...(await Promise.all(
        ['sch-d1', 'sch-d2', 'sch-d3', 'sch-d4', DEMO_IDS.suifenheSchool].map((schoolId) => cloud.ok(DEMO.bureau, 'bureau', 'getSchoolDetail', { schoolId })),
      )),
    ];
    const text = JSON.stringify(answers);
    const students = await rawOf(cloud, 'students', {});
    for (const s of students) {
      expect(text).not.toContain(s.name);
      expect(text).not.toContain(s._id);
    }
    const notices = await rawOf(cloud, 'feeNotices', {});
    for (const n of notices) expect(text).not.toContain(n._id);
    for (const word of ['低保', 'subsistence', 'hardship', 'studentName', 'exemptionKind', '王建国', DEMO.parent]) expect(text).not.toContain(word);
    // No single family's fee: no field of a row is a per-child amount list.
    expect(text).not.toMatch(/"(dueFen|chargeFen|lines)"/);
  });

  it('the summaries follow the actions that change them, and the timer refreshes the rest', async () => {
    const { late } = await district();
    await refreshAll();
    await cloud.ok(DEMO.bureau, 'bureau', 'recordInspection', {
      schoolId: late.schoolId,
      requestId: 'insp-00000001',
      date: todayOf(cloud),
      findings: '未按期备案课后服务方案',
      followUp: '一周内补报',
    });
    let row = (await cloud.ok(DEMO.bureau, 'bureau', 'getDashboard')).rows.find((r: any) => r.schoolId === late.schoolId);
    expect(row.supervision).toEqual({ notes: 1, unanswered: 1 });
    // A parent's feedback through the action is counted at once.
    const before = (await cloud.ok(DEMO.bureau, 'bureau', 'getDashboard')).rows.find((r: any) => r.schoolId === DEMO_IDS.suifenheSchool).feedback.open;
    await cloud.ok(DEMO.parent, 'feedback', 'submitFeedback', {
      studentId: DEMO_IDS.childXiaoming,
      requestId: 'dash-00000001',
      topic: 'time',
      text: '希望延长到 18 点。',
    });
    const after = (await cloud.ok(DEMO.bureau, 'bureau', 'getDashboard')).rows.find((r: any) => r.schoolId === DEMO_IDS.suifenheSchool).feedback.open;
    expect(after).toBe(before + 1);
    // New feedback is counted by the timer's next run.
    await cloud.db
      .collection('feedback')
      .add({ data: { _id: 'fb-new', schoolId: late.schoolId, topic: 'other', status: 'open', text: 'x', authorOpenid: 'y', revision: 0 } });
    cloud.runtime.clock.advanceDays(0.05);
    for (let i = 0; i < 3; i++) await cloud.runtime.trigger('bureau');
    row = (await cloud.ok(DEMO.bureau, 'bureau', 'getDashboard')).rows.find((r: any) => r.schoolId === late.schoolId);
    expect(row.feedback.open).toBe((await rawOf(cloud, 'feedback', { schoolId: late.schoolId, status: 'open' })).length);
  });

  it('supervision: the reviewer records, the school answers, the history stays', async () => {
    const school = DEMO_IDS.suifenheSchool;
    const note = await cloud.ok(DEMO.bureau, 'bureau', 'recordInspection', {
      schoolId: school,
      requestId: 'insp-00000002',
      date: todayOf(cloud),
      findings: '三年级课后服务有讲新课现象',
      followUp: '立即整改并报告',
    });
    expect(note).toMatchObject({ byName: '孙科长', answers: [] });
    // A retry of the same form is the same note.
    expect(
      await cloud.ok(DEMO.bureau, 'bureau', 'recordInspection', {
        schoolId: school,
        requestId: 'insp-00000002',
        date: todayOf(cloud),
        findings: '重复',
        followUp: '重复',
      }),
    ).toMatchObject({ noteId: note.noteId, findings: '三年级课后服务有讲新课现象' });
    const first = { schoolId: school, noteId: note.noteId, requestId: 'answer-00000001', text: '已整改：改为阅读与作业辅导' };
    await cloud.ok(DEMO.admin, 'bureau', 'answerInspection', first);
    await cloud.ok(DEMO.admin, 'bureau', 'answerInspection', first); // a retried tap adds nothing
    await cloud.ok(DEMO.admin, 'bureau', 'answerInspection', {
      schoolId: school,
      noteId: note.noteId,
      requestId: 'answer-00000002',
      text: '补充：已组织教师学习文件',
    });
    const history = await cloud.ok(DEMO.bureau, 'bureau', 'listInspections', { schoolId: school });
    expect(history).toHaveLength(1);
    expect(history[0].answers.map((a: any) => a.text)).toEqual(['已整改：改为阅读与作业辅导', '补充：已组织教师学习文件']);
    expect(await cloud.ok(DEMO.admin, 'bureau', 'listInspections', { schoolId: school })).toEqual(history);
    // Only the bureau records; only the school answers; nobody else reads.
    for (const who of [DEMO.admin, DEMO.committee, DEMO.qijiangBureau]) {
      expect(
        await cloud.call(who, 'bureau', 'recordInspection', {
          schoolId: school,
          requestId: 'insp-00000003',
          date: todayOf(cloud),
          findings: '无',
          followUp: '无',
        }),
      ).toMatchObject({
        ok: false,
      });
    }
    expect(
      await cloud.call(DEMO.bureau, 'bureau', 'answerInspection', {
        schoolId: school,
        noteId: note.noteId,
        requestId: 'answer-00000003',
        text: '审核员不能答复',
      }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await cloud.call(DEMO.committee, 'bureau', 'listInspections', { schoolId: school })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('reports due and which are in (001 §六5: 每年6月30日和12月31日)', async () => {
    const { fresh } = await district();
    await refreshAll();
    let row = (await cloud.ok(DEMO.bureau, 'bureau', 'getDashboard')).rows.find((r: any) => r.schoolId === fresh.schoolId);
    expect(row.reports).toEqual([expect.objectContaining({ key: 'semiannual-report', submitted: false, due: expect.stringMatching(/-(06-30|12-31)$/) })]);
    await cloud.db.collection('users').add({ data: { _id: 'admin-d3', name: '第五小学管理员', roles: [{ kind: 'admin', schoolId: fresh.schoolId }] } });
    const due = row.reports[0].due as string;
    const half = due.endsWith('06-30') ? 1 : 2;
    await cloud.ok('admin-d3', 'bureau', 'fileReport', { schoolId: fresh.schoolId, reportKey: 'semiannual-report', year: Number(due.slice(0, 4)), half });
    row = (await cloud.ok(DEMO.bureau, 'bureau', 'getDashboard')).rows.find((r: any) => r.schoolId === fresh.schoolId);
    expect(row.reports[0].submitted).toBe(true);
  });

  it('100 schools: the dashboard is at most 30 round trips and under 100 KB; the export is an .xlsx', async () => {
    for (let i = 1; i <= 99; i++) await seedSchool(cloud, i, { startedDaysAgo: (i * 7) % 60, plan: i % 3 ? 'submitted' : 'none', size: 1 });
    for (let i = 0; i < 10; i++) await cloud.runtime.trigger('bureau');
    const measured = await cloud.meter.measure(() => cloud.call(DEMO.bureau, 'bureau', 'getDashboard'));
    const answer = measured.result as any;
    expect(answer.ok).toBe(true);
    expect(answer.data.rows).toHaveLength(100);
    expect(measured.figures.roundTrips).toBeLessThanOrEqual(30);
    expect(measured.figures.largestAnswerBytes).toBeLessThan(100_000);
    console.log(`教育局看板（100 所学校）：${measured.figures.roundTrips} 次数据库往返，回答 ${(measured.figures.largestAnswerBytes / 1024).toFixed(1)} KB`);
    const file = await cloud.ok(DEMO.bureau, 'bureau', 'exportDashboard');
    expect(file).toMatchObject({ fileName: '辖区课后服务看板.xlsx', rows: 100 });
  }, 180_000);
});
