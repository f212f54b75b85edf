import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../support/runtime';
import { DEMO, docs, QJ, qijiangContent, SFH } from './disclosure-support';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

/** The pages of the mini-program as client/src/app.config.ts lists them (subpackage roots joined). */
function appPages(): string[] {
  const config = readFileSync(join(__dirname, '../../client/src/app.config.ts'), 'utf8');
  const quoted = (text: string) => [...text.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const main = quoted(/pages:\s*\[([^\]]*)\]/.exec(config)![1]);
  const sub = [...config.matchAll(/root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]/g)].flatMap((m) => quoted(m[2]).map((page) => `${m[1]}/${page}`));
  return [...main, ...sub];
}

function application(n: number, studentName: string, className: string, status: string) {
  return {
    _id: `stu-${n}:${SFH.termId}`,
    studentId: `stu-${n}`,
    studentName,
    classId: 'class-sfh-3-2',
    className,
    schoolId: SFH.schoolId,
    termId: SFH.termId,
    status,
    itemIds: ['basic-care', 'club-basketball'],
    days: [1, 2, 3, 4, 5],
    pickup: { mode: 'pickers', pickers: [{ name: '王建国', relation: '父亲', phone: '13900000001' }] },
    appliedBy: DEMO.parent,
    appliedByName: '王建国',
    hardship: 'registered-poor',
  };
}

async function seedApplications() {
  const rows = [
    application(1, '王小明', '三年级(2)班', 'listed'),
    application(2, '欧阳娜娜', '三年级(2)班', 'signed'),
    application(3, '李雷', '一年级(1)班', 'active'),
    application(4, '韩梅梅', '一年级(1)班', 'pending'),
    application(5, '张伟', '一年级(1)班', 'withdrawn'),
  ];
  for (const row of rows) await cloud.db.collection('applications').add({ data: row });
  await cloud.db
    .collection('hardshipDeclarations')
    .add({ data: { _id: `stu-1:${SFH.termId}`, kind: 'registered-poor', studentId: 'stu-1' } })
    .catch(() => undefined);
}

describe('the public list at a school’s size (issue 10): a page at a time, of one class or all', () => {
  it('300 listed: the page under 30 round trips and 100 KB, its pages cover everyone once, one class on its own', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      ...application(100 + i, `学生${i}`, i % 2 ? '三年级(2)班' : '一年级(1)班', 'listed'),
      classId: i % 2 ? 'class-sfh-3-2' : 'class-sfh-1-1',
    }));
    for (let i = 0; i < rows.length; i += 100) await cloud.db.collection('applications').add({ data: rows.slice(i, i + 100) as never });
    const first = await cloud.runtime.meter.measure(() => cloud.ok(null, 'disclosure', 'getPublicTerm', SFH));
    expect(first.figures.roundTrips).toBeLessThanOrEqual(30);
    expect(first.figures.largestAnswerBytes).toBeLessThan(100 * 1024);
    expect(first.result).toMatchObject({ enrolledTotal: 300, enrolledNextSkip: 100 });
    const seen: string[] = [];
    for (let skip: number | null = 0; skip !== null; ) {
      const page: any = await cloud.ok(null, 'disclosure', 'getPublicTerm', { ...SFH, skip, limit: 120 });
      seen.push(...page.enrolled.map((e: any) => `${e.className}${e.name}`));
      skip = page.enrolledNextSkip;
    }
    expect(seen).toHaveLength(300);
    const one = await cloud.ok(null, 'disclosure', 'getPublicTerm', { ...SFH, classId: 'class-sfh-1-1', limit: 200 });
    expect(one.enrolledTotal).toBe(150);
    expect(one.enrolled.every((e: any) => e.className === '一年级(1)班')).toBe(true);
    expect(one.classes.map((c: any) => c.classId)).toEqual(expect.arrayContaining(['class-sfh-1-1', 'class-sfh-3-2']));
  });
});

describe('the public page: open without signing in, no personal data', () => {
  it('shows the current publication, the history and the disclosure items with their clauses', async () => {
    const page = await cloud.ok(null, 'disclosure', 'getPublicTerm', SFH);
    const term = (await cloud.db.collection('terms').doc(SFH.termId).get()).data as any;
    expect(page).toMatchObject({ schoolName: '绥芬河市第一小学', termName: term.name, profileName: '黑龙江省绥芬河市（2021）' });
    expect(page.publication).toMatchObject({ version: 1, current: true });
    expect(page.publication.content.safety.measures).toContain('门卫登记');
    expect(page.publication.fees.refundMethod).toContain('整月未上课全额退费');
    const published = (await cloud.db.collection('publications').doc(`${SFH.schoolId}:${SFH.termId}:v1`).get()).data as any;
    expect(page.versions).toEqual([{ version: 1, publishedAt: published.publishedAt, current: true }]);
    expect(published.publishedAt < `${term.startDate}T00:00:00.000Z`).toBe(true);
    expect(page.disclosureItems.map((d: any) => d.label)).toEqual(['服务时间', '服务方式', '服务内容', '安全保障措施', '收费标准', '退费办法', '课后服务人员']);
    expect(page.sharePath).toBe('public/term/index?schoolId=school-sfh-1&termId=term-sfh-current');
  });

  it('the enrolled list: class and masked name only, for listed, signed and active applications', async () => {
    await seedApplications();
    const page = await cloud.ok(null, 'disclosure', 'getPublicTerm', SFH);
    expect(page.enrolled).toEqual([
      { className: '一年级(1)班', name: '李*' },
      { className: '三年级(2)班', name: '欧阳*娜' },
      { className: '三年级(2)班', name: '王*明' },
    ]);
    const text = JSON.stringify(page);
    for (const secret of [
      '王小明',
      '欧阳娜娜',
      '李雷',
      '韩梅梅',
      '13900000001',
      'registered-poor',
      'hardship',
      'demo-',
      'stu-',
      'cloud://',
      'appliedBy',
      'pickers',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('a term without a publication shows none; an unknown school or version is not found', async () => {
    expect(await cloud.ok(null, 'disclosure', 'getPublicTerm', QJ)).toMatchObject({ publication: null, enrolled: [], versions: [] });
    expect(await cloud.call(null, 'disclosure', 'getPublicTerm', { schoolId: 'nope', termId: SFH.termId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cloud.call(null, 'disclosure', 'getPublicTerm', { ...SFH, version: 9 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cloud.call(null, 'disclosure', 'getPublicTerm', { schoolId: '../x', termId: SFH.termId })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('filing attachments never reach the public page', async () => {
    const attachment = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'uploadAttachment', {
      ...QJ,
      key: 'plan',
      fileName: '方案.pdf',
      contentBase64: Buffer.from('%PDF').toString('base64'),
    });
    const saved = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent([attachment]) });
    await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'submitPlan', { ...QJ, revision: saved.revision });
    await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'approvePlan', { ...QJ, version: 1 });
    await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'publishPlan', QJ);
    const page = await cloud.ok(null, 'disclosure', 'getPublicTerm', QJ);
    expect(page.publication.content.attachments).toEqual([]);
    expect(JSON.stringify(page)).not.toContain('cloud://');
  });
});

describe('the official-account article', () => {
  it('is the current publication as HTML with inline styles and the mini-program path, readable without signing in', async () => {
    const article = await cloud.ok(null, 'disclosure', 'getPublicArticle', SFH);
    const term = (await cloud.db.collection('terms').doc(SFH.termId).get()).data as any;
    expect(article.title).toBe(`绥芬河市第一小学${term.name}课后服务公告`);
    // The article's mini-program link opens the enrolment entry (a page of the app), not a dead end.
    expect(article.path).toBe('parent/enrol/index?schoolId=school-sfh-1&termId=term-sfh-current');
    expect(appPages()).toContain(article.path.split('?')[0]);
    expect(article.html).toContain('小程序路径：parent/enrol/index?schoolId=school-sfh-1&amp;termId=term-sfh-current');
    expect(article.html).toContain('篮球社');
    expect(article.html).toContain('每生每小时 4 元');
    expect(article.html).not.toMatch(/class=|<script/);
    expect(await cloud.call(null, 'disclosure', 'getPublicArticle', QJ)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '已公开的方案不存在' });
  });
});

describe('reports from recorded data', () => {
  async function addSchool(profileId: 'yueyang-2019' | 'xxcity-2024', id: string) {
    await cloud.db
      .collection('schools')
      .add({ data: { _id: id, name: `${id} 小学`, district: '测试', bureauId: `bureau-${id}`, bureauName: '测试教育局', profileId, stages: ['primary'] } });
    await cloud.db
      .collection('terms')
      .add({ data: { _id: `${id}-2026-autumn`, schoolId: id, name: '2026—2027 学年第一学期', startDate: '2026-09-01', endDate: '2027-01-15', current: true } });
    await cloud.db.collection('users').add({ data: { _id: `admin-${id}`, name: '管理员', roles: [{ kind: 'admin', schoolId: id }] } });
    await cloud.db.collection('users').add({ data: { _id: `reviewer-${id}`, name: '审核员', roles: [{ kind: 'bureau', bureauId: `bureau-${id}` }] } });
  }

  it('yueyang: the overview shows the deadline and the half-year report, and the report exports as CSV', async () => {
    await addSchool('yueyang-2019', 'yy');
    const overview = await cloud.ok('admin-yy', 'disclosure', 'getSchoolOverview', { schoolId: 'yy' });
    expect(overview.terms[0].deadline).toMatchObject({ deadline: '2026-09-15', citation: { section: '五2' } });
    expect(overview.reports).toEqual([expect.objectContaining({ key: 'semiannual-report', label: '课后服务工作情况报市教育体育局' })]);

    const exported = await cloud.ok('admin-yy', 'disclosure', 'exportReport', { schoolId: 'yy', reportKey: 'semiannual-report', year: 2026, half: 2 });
    expect(exported).toMatchObject({ fileName: 'semiannual-report-2026-H2.csv', url: expect.stringMatching(/^\/files\/disclosure\/yy\/reports\//) });
    const csv = cloud.runtime.storage.read(exported.fileId)!.toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('方案状态,未制定方案');
    expect(await cloud.ok('reviewer-yy', 'disclosure', 'exportReport', { schoolId: 'yy', reportKey: 'semiannual-report', year: 2026, half: 1 })).toMatchObject({
      fileName: 'semiannual-report-2026-H1.csv',
    });
    expect(await cloud.call('admin-yy', 'disclosure', 'exportReport', { schoolId: 'yy', reportKey: 'semiannual-report', year: 2026 })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect((await docs(cloud, 'audit', { action: 'disclosure.exportReport' })).length).toBe(2);
  });

  it('xxcity: the previous year’s spending disclosure', async () => {
    await addSchool('xxcity-2024', 'xx');
    const exported = await cloud.ok('admin-xx', 'disclosure', 'exportReport', { schoolId: 'xx', reportKey: 'annual-expenditure', year: 2026 });
    expect(cloud.runtime.storage.read(exported.fileId)!.toString('utf8')).toContain('年度课后服务经费支出情况公示');
  });

  it('only the school’s admin or its bureau; only the reports the profile requires', async () => {
    await addSchool('yueyang-2019', 'yy');
    for (const openid of [DEMO.admin, DEMO.parent, DEMO.bureau]) {
      expect(await cloud.call(openid, 'disclosure', 'exportReport', { schoolId: 'yy', reportKey: 'semiannual-report', year: 2026, half: 1 })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    expect(
      await cloud.call(DEMO.admin, 'disclosure', 'exportReport', { schoolId: SFH.schoolId, reportKey: 'semiannual-report', year: 2026, half: 1 }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '本地政策没有规定这项报告',
    });
  });
});
