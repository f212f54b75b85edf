import { startTestCloud, type TestCloud } from '../support/runtime';
import { DEMO, docs, QJ, qijiangContent, SFH, uploadPlanDocument, writeAndSubmitQijiangPlan } from './disclosure-support';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

const QJ_PLAN = `${QJ.schoolId}:${QJ.termId}`;

describe('bureau review: draft → submitted → returned / approved → published', () => {
  it('the queue shows the bureau’s own schools only, waiting filings first', async () => {
    await writeAndSubmitQijiangPlan(cloud);
    const qijiang = await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'getReviewQueue');
    expect(qijiang.items).toEqual([
      expect.objectContaining({ schoolName: '綦江区古南实验小学', status: 'submitted', submissions: 1, submittedAt: expect.any(String) }),
    ]);
    const suifenhe = await cloud.ok(DEMO.bureau, 'disclosure', 'getReviewQueue');
    expect(suifenhe.items.map((i: any) => `${i.schoolName}:${i.status}`)).toEqual(['绥芬河市第一小学:published']);
    for (const openid of [DEMO.otherSchoolAdmin, DEMO.parent]) {
      expect(await cloud.call(openid, 'disclosure', 'getReviewQueue')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await cloud.call(null, 'disclosure', 'getReviewQueue')).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' });
  });

  it('only reviewers of the school’s bureau decide; school admins cannot approve their own plan', async () => {
    await writeAndSubmitQijiangPlan(cloud);
    for (const openid of [DEMO.bureau, DEMO.otherSchoolAdmin, DEMO.admin, DEMO.otherSchoolParent]) {
      expect(await cloud.call(openid, 'disclosure', 'approvePlan', { ...QJ, version: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await cloud.call(openid, 'disclosure', 'returnPlan', { ...QJ, version: 1, comments: '请补充' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await cloud.call(openid, 'disclosure', 'getReviewDetail', QJ)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect((await docs(cloud, 'plans', { _id: QJ_PLAN }))[0].status).toBe('submitted');
  });

  it('the reviewer sees the filing with its attachments; returning needs comments and tells the admin', async () => {
    await writeAndSubmitQijiangPlan(cloud);
    const detail = await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'getReviewDetail', QJ);
    expect(detail).toMatchObject({ status: 'submitted', issues: [], changesFromPrevious: null, version: { number: 1, decision: 'pending' } });
    expect(detail.attachments).toEqual([
      {
        key: 'plan',
        label: '本校课后服务工作具体方案',
        name: '古南实验小学课后服务方案.pdf',
        url: expect.stringMatching(/^\/files\/disclosure\/school-qj-1\//),
      },
    ]);

    const noComment = await cloud.call(DEMO.qijiangBureau, 'disclosure', 'returnPlan', { ...QJ, version: 1, comments: '' });
    expect(noComment).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((noComment as any).message).toContain('请写明退回的原因');

    const returned = await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'returnPlan', { ...QJ, version: 1, comments: '请补充美术社的场地安排' });
    expect(returned).toEqual({ status: 'returned', version: 1 });
    const [version] = await docs(cloud, 'planVersions', { _id: `${QJ_PLAN}:s1` });
    expect(version).toMatchObject({ decision: 'returned', decidedBy: DEMO.qijiangBureau, comments: '请补充美术社的场地安排' });
    const [message] = await cloud.sent(DEMO.otherSchoolAdmin);
    expect(message).toMatchObject({
      templateId: 'tmpl-plan-review-result',
      page: 'school/plan/index?schoolId=school-qj-1&termId=term-qj-current',
      data: { phrase2: { value: '已退回' }, thing3: { value: '请补充美术社的场地安排' } },
    });
    expect(await cloud.call(DEMO.qijiangBureau, 'disclosure', 'approvePlan', { ...QJ, version: 1 })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect((await docs(cloud, 'audit', { action: 'disclosure.returnPlan' }))[0]).toMatchObject({ openid: DEMO.qijiangBureau });
  });

  it('after a return the school revises and files again; versions are kept and compared; the stale version cannot be approved', async () => {
    await writeAndSubmitQijiangPlan(cloud);
    await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'returnPlan', { ...QJ, version: 1, comments: '请补充美术社的场地安排' });
    const view = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'getPlan', QJ);
    expect(view.plan.status).toBe('returned');
    expect(view.latestVersion).toMatchObject({ number: 1, decision: 'returned', comments: '请补充美术社的场地安排' });

    const content = view.content;
    content.items[1].description = '每周三在美术教室，青少年宫老师授课';
    const saved = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: view.plan.revision, content });
    expect(saved.status).toBe('returned');
    const draftDiff = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'compareVersions', { ...QJ, from: 1, to: 'draft' });
    expect(draftDiff.changes.map((c: any) => c.label)).toEqual(['服务项目「美术社」 · 说明']);
    await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'submitPlan', { ...QJ, revision: saved.revision });

    expect(await cloud.call(DEMO.qijiangBureau, 'disclosure', 'approvePlan', { ...QJ, version: 1 })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    const detail = await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'getReviewDetail', QJ);
    expect(detail.version.number).toBe(2);
    expect(detail.changesFromPrevious).toEqual([
      {
        kind: 'changed',
        path: 'items.1.description',
        label: '服务项目「美术社」 · 说明',
        before: '青少年宫老师授课',
        after: '每周三在美术教室，青少年宫老师授课',
      },
    ]);
    expect(detail.versions.map((v: any) => `${v.number}:${v.decision}`)).toEqual(['1:returned', '2:pending']);
    expect(await cloud.call(DEMO.qijiangBureau, 'disclosure', 'compareVersions', { ...QJ, from: 1, to: 'draft' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const compared = await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'compareVersions', { ...QJ, from: 1, to: 2 });
    expect(compared.changes).toHaveLength(1);

    expect(await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'approvePlan', { ...QJ, version: 2, comments: '同意备案' })).toEqual({
      status: 'approved',
      version: 2,
    });
    expect((await cloud.sent(DEMO.otherSchoolAdmin)).map((m) => m.data.phrase2.value)).toEqual(['已退回', '已通过']);
    const history = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'getPlanHistory', QJ);
    expect(history.versions.map((v: any) => `${v.number}:${v.decision}`)).toEqual(['1:returned', '2:approved']);
    expect(await cloud.call(DEMO.admin, 'disclosure', 'getPlanHistory', QJ)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('nothing is chargeable before approval; publishing needs approval, only the admin publishes, and a retry does not publish twice', async () => {
    await writeAndSubmitQijiangPlan(cloud);
    expect((await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'getPlan', QJ)).chargeable.chargeable).toBe(false);
    await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'approvePlan', { ...QJ, version: 1 });
    expect((await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'getPlan', QJ)).chargeable.chargeable).toBe(true);

    for (const openid of [DEMO.qijiangBureau, DEMO.admin, DEMO.otherSchoolParent]) {
      expect(await cloud.call(openid, 'disclosure', 'publishPlan', QJ)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    const answers = await Promise.all([
      cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'publishPlan', QJ),
      cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'publishPlan', QJ),
    ]);
    expect(answers).toEqual([
      { ok: true, data: { version: 1, status: 'published' } },
      { ok: true, data: { version: 1, status: 'published' } },
    ]);
    const publications = await docs(cloud, 'publications', { schoolId: QJ.schoolId });
    expect(publications).toEqual([
      expect.objectContaining({ _id: `${QJ_PLAN}:v1`, version: 1, current: true, filedVersion: 1, schoolName: '綦江区古南实验小学' }),
    ]);
    expect(publications[0].content.attachments).toEqual([]);
    expect(publications[0].fees.lines[0]).toEqual({ label: '收费标准', text: '每生每课时 2 元', citation: '綦江府办发〔2020〕41号 四(二)' });
    expect(await docs(cloud, 'audit', { action: 'disclosure.publishPlan' })).toHaveLength(1);
  });
});

describe('a change after publication publishes a new version; published versions never change', () => {
  it('赵主任 edits the published plan: back to draft, v1 stays public, a new filing, then v2 becomes the one current version', async () => {
    const view = await cloud.ok(DEMO.admin, 'disclosure', 'getPlan', SFH);
    expect(view.plan).toMatchObject({ status: 'published', publishedVersion: 1 });
    expect(view.issues).toEqual([]);
    const [v1Before] = await docs(cloud, 'publications', { _id: `${SFH.schoolId}:${SFH.termId}:v1` });

    const content = view.content;
    content.items[1].capacity = 25;
    const saved = await cloud.ok(DEMO.admin, 'disclosure', 'savePlan', { ...SFH, revision: view.plan.revision, content });
    expect(saved.status).toBe('draft');
    expect((await docs(cloud, 'audit', { action: 'disclosure.savePlan' }))[0].summary).toContain('需重新提交备案');
    expect(await cloud.call(DEMO.admin, 'disclosure', 'publishPlan', SFH)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    // Fees still rest on the approved, published version while the revision is being filed.
    expect((await cloud.ok(DEMO.admin, 'disclosure', 'getPlan', SFH)).chargeable.chargeable).toBe(true);
    const publicMeanwhile = await cloud.ok(null, 'disclosure', 'getPublicTerm', SFH);
    expect(publicMeanwhile.publication.version).toBe(1);

    const submitted = await cloud.ok(DEMO.admin, 'disclosure', 'submitPlan', { ...SFH, revision: saved.revision });
    expect(submitted.version).toBe(2);
    await cloud.ok(DEMO.bureau, 'disclosure', 'approvePlan', { ...SFH, version: 2 });
    expect(await cloud.ok(DEMO.admin, 'disclosure', 'publishPlan', SFH)).toEqual({ version: 2, status: 'published' });

    const publications = await docs(cloud, 'publications', { schoolId: SFH.schoolId, termId: SFH.termId });
    expect(publications.map((p) => `v${p.version}:${p.current}`).sort()).toEqual(['v1:false', 'v2:true']);
    expect(await docs(cloud, 'publications', { schoolId: SFH.schoolId, termId: SFH.termId, current: true })).toHaveLength(1);
    const v1After = publications.find((p) => p.version === 1);
    expect({ ...v1After, current: true }).toEqual(v1Before);

    const page = await cloud.ok(null, 'disclosure', 'getPublicTerm', SFH);
    expect(page.publication.version).toBe(2);
    expect(page.versions.map((v: any) => `${v.version}:${v.current}`)).toEqual(['1:false', '2:true']);
    expect(page.changesFromPrevious).toEqual([expect.objectContaining({ label: '服务项目「篮球社」 · 名额', before: '20 人', after: '25 人' })]);
    const old = await cloud.ok(null, 'disclosure', 'getPublicTerm', { ...SFH, version: 1 });
    expect(old.publication.content.items[1].capacity).toBe(20);
  });

  it('the enrolment contract: exactly one current publication per school and term', async () => {
    const current = await docs(cloud, 'publications', { schoolId: SFH.schoolId, termId: SFH.termId, current: true });
    expect(current).toEqual([expect.objectContaining({ version: 1, content: expect.objectContaining({ items: expect.any(Array) }) })]);
  });

  it('an approved (not yet published) plan edited again goes back to draft and must be filed again', async () => {
    await writeAndSubmitQijiangPlan(cloud);
    await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'approvePlan', { ...QJ, version: 1 });
    const view = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'getPlan', QJ);
    const saved = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: view.plan.revision, content: view.content });
    expect(saved.status).toBe('draft');
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'publishPlan', QJ)).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect((await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'getPlan', QJ)).chargeable.chargeable).toBe(false);
  });

  it('submitting an approved plan without changes is refused', async () => {
    const attachment = await uploadPlanDocument(cloud);
    const saved = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent([attachment]) });
    const submitted = await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'submitPlan', { ...QJ, revision: saved.revision });
    await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'approvePlan', { ...QJ, version: 1 });
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'submitPlan', { ...QJ, revision: submitted.revision + 1 })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
  });
});
