import { startTestCloud, type TestCloud } from '../support/runtime';
import { DEMO, docs, PDF, QJ, qijiangContent, SFH, uploadPlanDocument } from './disclosure-support';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

describe('writing the plan: only the school’s own admin', () => {
  it('a new plan starts empty, with the profile’s filing documents, fee settings and problems listed', async () => {
    const view = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'getPlan', QJ);
    expect(view.plan).toBeNull();
    expect(view.school).toMatchObject({ name: '綦江区古南实验小学', profileId: 'qijiang-2020' });
    expect(view.content.items).toEqual([]);
    expect(view.filingDocuments.map((d: any) => d.key)).toEqual(['plan']);
    expect(view.feeSettings.map((s: any) => s.key)).toEqual(['otherHardshipReductionPercent']);
    expect(view.issues.map((i: any) => i.path)).toContain('attachments.plan');
    expect(view.chargeable).toEqual({ chargeable: false, reason: expect.stringContaining('还没有课后服务方案') });
  });

  it.each([
    ['the admin of another school', DEMO.admin, 'FORBIDDEN'],
    ['a class teacher', 'demo-teacher-he', 'FORBIDDEN'],
    ['a parent', DEMO.otherSchoolParent, 'FORBIDDEN'],
    ['the school’s bureau reviewer', DEMO.qijiangBureau, 'FORBIDDEN'],
    ['someone not signed in', null, 'NOT_SIGNED_IN'],
  ])('%s can neither read nor save the plan', async (_who, openid, code) => {
    expect(await cloud.call(openid, 'disclosure', 'getPlan', QJ)).toMatchObject({ ok: false, code });
    expect(await cloud.call(openid, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent() })).toMatchObject({ ok: false, code });
    expect(await cloud.call(openid, 'disclosure', 'uploadAttachment', { ...QJ, key: 'plan', fileName: 'a.pdf', contentBase64: PDF })).toMatchObject({
      ok: false,
      code,
    });
    expect(await docs(cloud, 'plans', { schoolId: QJ.schoolId })).toEqual([]);
  });

  it('a term of another school is not found', async () => {
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'getPlan', { schoolId: QJ.schoolId, termId: SFH.termId })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('saving creates the plan as a draft and reports its problems; a stale revision is a conflict', async () => {
    const first = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent() });
    expect(first).toMatchObject({ revision: 1, status: 'draft' });
    expect(first.issues.map((i: any) => `${i.ruleId}@${i.path}`)).toEqual(['filing.missing-document@attachments.plan']);

    const second = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 1, content: qijiangContent() });
    expect(second.revision).toBe(2);
    const stale = await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 1, content: qijiangContent() });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', message: '方案已被他人修改，请刷新后再试' });
    const again = await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent() });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' });
    const [plan] = await docs(cloud, 'plans', { _id: `${QJ.schoolId}:${QJ.termId}` });
    expect(plan).toMatchObject({ revision: 2, status: 'draft', profileId: 'qijiang-2020', updatedBy: DEMO.otherSchoolAdmin });
  });

  it('two saves of the same revision at once: exactly one wins, no write is lost silently', async () => {
    await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent() });
    const a = qijiangContent();
    a.funding = '甲';
    const b = qijiangContent();
    b.funding = '乙';
    const answers = await Promise.all([
      cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 1, content: a }),
      cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 1, content: b }),
    ]);
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    expect(answers.filter((x) => !x.ok)).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const [plan] = await docs(cloud, 'plans', { schoolId: QJ.schoolId });
    expect(plan.revision).toBe(2);
    expect(['甲', '乙']).toContain(plan.content.funding);
  });

  it('bad input gets a Chinese error and nothing is written', async () => {
    const content = qijiangContent();
    (content.schedules[0] as any).end = '25:99';
    const bad = await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((bad as any).message).toMatch(/输入有误/);
    expect(await docs(cloud, 'plans', { schoolId: QJ.schoolId })).toEqual([]);
  });

  it('a day whose blocks last longer than the service time is refused, even as a draft, saying by how much', async () => {
    const content = qijiangContent();
    const schedule = content.schedules[0];
    const serviceMinutes =
      (Number(schedule.end.slice(0, 2)) - Number(schedule.start.slice(0, 2))) * 60 + Number(schedule.end.slice(3)) - Number(schedule.start.slice(3));
    const planned = schedule.blocks.reduce((sum, b) => sum + b.minutes, 0);
    schedule.blocks.push({ category: 'reading', minutes: serviceMinutes - planned + 5 });
    const refused = await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((refused as any).message).toContain(`合计 ${serviceMinutes + 5} 分钟，超过了服务时间 ${schedule.start}—${schedule.end} 的 ${serviceMinutes} 分钟`);
    expect(await docs(cloud, 'plans', { schoolId: QJ.schoolId })).toEqual([]);
  });

  it('fee settings the profile does not let the school choose are refused (qijiang has no term fee)', async () => {
    const content = qijiangContent();
    content.feeSettings = { termFeeFen: 50000 };
    const refused = await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '本地政策不允许学校设置：每生每期收费标准' });
    content.feeSettings = { otherHardshipReductionPercent: 50 };
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content })).toMatchObject({ ok: true });
  });

  it('attachments go to the plan’s own folder in cloud storage; others are refused', async () => {
    const attachment = await uploadPlanDocument(cloud);
    expect(attachment).toMatchObject({ key: 'plan', name: '古南实验小学课后服务方案.pdf' });
    expect(attachment.fileId).toMatch(/^cloud:\/\/.+\/disclosure\/school-qj-1\/term-qj-current\/plan-/);
    expect(cloud.runtime.storage.read(attachment.fileId)?.toString()).toContain('%PDF');

    expect(
      await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'uploadAttachment', { ...QJ, key: 'funding', fileName: 'a.pdf', contentBase64: PDF }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '本地政策没有要求这项备案材料',
    });
    expect(
      await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'uploadAttachment', { ...QJ, key: 'plan', fileName: 'a.exe', contentBase64: PDF }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });

    const foreign = { key: 'plan', name: 'x.pdf', fileId: 'cloud://local.kehou/disclosure/school-sfh-1/term-sfh-current/plan-1.pdf' };
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent([foreign]) })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '「x.pdf」不是为本方案上传的文件',
    });
    const saved = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent([attachment]) });
    expect(saved.issues).toEqual([]);
  });
});

describe('submitting for filing', () => {
  it('is refused while any problem remains, with every problem, its field and its clause; nothing is written', async () => {
    const content = qijiangContent();
    content.providers[1].vetted = false;
    const saved = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content });
    const refused = await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'submitPlan', { ...QJ, revision: saved.revision });
    expect(refused).toMatchObject({ ok: false, code: 'POLICY_VIOLATION' });
    const issues = (refused as any).details.issues;
    expect(issues.map((i: any) => `${i.ruleId}@${i.path}`)).toEqual(['provider.not-vetted@items.1.providerId', 'filing.missing-document@attachments.plan']);
    expect(issues[0].citation).toMatchObject({ doc: '綦江府办发〔2020〕41号', section: '四(四)' });
    expect(await docs(cloud, 'planVersions', { planId: `${QJ.schoolId}:${QJ.termId}` })).toEqual([]);
    expect((await docs(cloud, 'plans', { schoolId: QJ.schoolId }))[0]).toMatchObject({ status: 'draft', submissions: 0 });
  });

  it('keeps the submitted version, freezes the plan until the decision, and a retry does not file twice', async () => {
    const attachment = await uploadPlanDocument(cloud);
    const saved = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent([attachment]) });
    const submitted = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'submitPlan', { ...QJ, revision: saved.revision });
    expect(submitted).toEqual({ version: 1, status: 'submitted', revision: saved.revision + 1 });
    const retry = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'submitPlan', { ...QJ, revision: saved.revision });
    expect(retry).toEqual(submitted);
    const versions = await docs(cloud, 'planVersions', { planId: `${QJ.schoolId}:${QJ.termId}` });
    expect(versions).toEqual([
      expect.objectContaining({ _id: 'school-qj-1:term-qj-current:s1', number: 1, decision: 'pending', submittedBy: DEMO.otherSchoolAdmin }),
    ]);
    expect(versions[0].content.attachments).toEqual([attachment]);

    expect(
      await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: submitted.revision, content: qijiangContent([attachment]) }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: '方案已提交备案，审核结束前不能修改',
    });
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'publishPlan', QJ)).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: '方案正在审核，通过备案后才能公开',
    });
    const audit = await docs(cloud, 'audit', { action: 'disclosure.submitPlan' });
    expect(audit).toEqual([expect.objectContaining({ openid: DEMO.otherSchoolAdmin, summary: '提交第 1 版方案备案' })]);
  });

  it('only the school’s admin submits', async () => {
    const attachment = await uploadPlanDocument(cloud);
    const saved = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent([attachment]) });
    for (const openid of [DEMO.admin, DEMO.qijiangBureau, DEMO.otherSchoolParent]) {
      expect(await cloud.call(openid, 'disclosure', 'submitPlan', { ...QJ, revision: saved.revision })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('school overview: the terms with their plan status and the filing deadline', async () => {
    const overview = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'getSchoolOverview', { schoolId: QJ.schoolId });
    expect(overview.terms).toEqual([expect.objectContaining({ termId: QJ.termId, status: 'none', deadline: expect.objectContaining({ state: 'none' }) })]);
    expect(overview.reports).toEqual([]);
    expect(await cloud.call(DEMO.admin, 'disclosure', 'getSchoolOverview', { schoolId: QJ.schoolId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
