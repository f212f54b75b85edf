import { sha256 } from '@kehou/shared';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { PNG_1x1, SIGNATURE } from '../support/signature';
import {
  addFamilies,
  adoptRules,
  approvedApplication,
  listAndFix,
  publishAgreement,
  SCHOOL,
  signAgreement,
  statusOf,
  TERM,
  XIAOMING,
  XIAOMING_APP,
} from './enrollment-fixtures';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

async function readyToSign(extra: Record<string, unknown> = {}) {
  await approvedApplication(cloud, DEMO.parent, XIAOMING, extra);
  await listAndFix(cloud);
  await publishAgreement(cloud);
}

describe('agreement templates: drawn from the published plan, versioned, published by the school', () => {
  it('the draft restates the plan (rules, content, form, pick-up, rights and duties) and only the admin publishes', async () => {
    const draft = await cloud.ok(DEMO.admin, 'agreement', 'getTemplateDraft', { schoolId: SCHOOL, termId: TERM });
    expect(draft.sections.map((s: any) => s.heading)).toEqual([
      '课后服务管理制度',
      '服务内容',
      '服务形式与时间',
      '接送时间与方式',
      '安全保障',
      '收费与退费',
      '学校的权利和义务',
      '服务人员的权利和义务',
      '学生的权利和义务',
      '家长的权利和义务',
    ]);
    const body = (key: string) => draft.sections.find((s: any) => s.key === key).body;
    expect(body('content')).toMatch(/书法社（自愿选择的社团，限 2 人，额满后按审核顺序候补；周三）/);
    expect(body('form')).toMatch(/小学：周一、周二、周三、周四、周五 15:30—17:30/);
    expect(body('pickup')).toMatch(/^接送时间：17:30。/);
    expect(body('fees')).toMatch(/每生每小时 4 元/);

    const published = await publishAgreement(cloud);
    expect(published).toMatchObject({ templateId: `${SCHOOL}:${TERM}:v1`, version: 1, needResign: 0, job: { state: 'done' } });
    const template = await cloud.ok(DEMO.newParent, 'agreement', 'getTemplate', { schoolId: SCHOOL, termId: TERM });
    expect(template.version).toBe(1);

    const tooShort = await cloud.call(DEMO.admin, 'agreement', 'publishTemplate', {
      schoolId: SCHOOL,
      termId: TERM,
      sections: { ...draft.editable, rules: '太短' },
    });
    expect(tooShort).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('signing: the exact text, hashed, for one child, never changed', () => {
  it('the parent reads the agreement filled with the child’s choices and signs it; the child is active', async () => {
    await readyToSign({ days: [2, 3, 4], itemIds: ['basic-care', 'club-calligraphy'] });
    const view = await cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP });
    expect(view).toMatchObject({ canSign: true, reason: null, template: { version: 1 }, permit: { required: false } });
    expect(view.agreement.text).toMatch(/乙方（家长）：王建国（父亲）/);
    expect(view.agreement.text).toMatch(/学生：王小明（三年级\(2\)班）/);
    expect(view.agreement.text).toMatch(/参加日：周二、周三、周四/);
    expect(view.agreement.text).toMatch(/参加项目：基础托管（作业辅导＋体育锻炼）；书法社（已录取）/);
    expect(view.agreement.text).toMatch(/接送安排：由以下人员到校接送：王建国（父亲，13900000001）/);
    // The client can verify the hash itself with the same pure function.
    expect(sha256(view.agreement.text)).toBe(view.agreement.textHash);

    const signed = await cloud.ok(DEMO.parent, 'agreement', 'signAgreement', {
      applicationId: XIAOMING_APP,
      version: 1,
      textHash: view.agreement.textHash,
      image: { base64: PNG_1x1 },
    });
    expect(signed).toEqual({ signatureId: `${XIAOMING_APP}:v1`, status: 'active', existing: false });

    const record = (await cloud.db.collection('signatures').doc(`${XIAOMING_APP}:v1`).get()).data as any;
    expect(record).toMatchObject({
      kind: 'agreement',
      version: 1,
      studentId: XIAOMING,
      signerOpenid: DEMO.parent,
      signerName: '王建国',
      text: view.agreement.text,
      textHash: sha256(view.agreement.text),
    });
    expect(record.imageFileId).toMatch(/^cloud:\/\//);
    expect(record.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // The other guardian (and a retry) creates nothing twice.
    const second = await signAgreement(cloud, DEMO.secondGuardian, XIAOMING_APP);
    expect(second).toMatchObject({ signatureId: `${XIAOMING_APP}:v1`, existing: true });
    expect((await cloud.db.collection('signatures').count()).total).toBe(1);
    expect((await cloud.sent(DEMO.secondGuardian)).at(-1)?.data.phrase2.value).toBe('已生效');
  });

  it('signing a text other than the one rendered now, or an old version, is refused', async () => {
    await readyToSign();
    const view = await cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP });
    const wrongHash = await cloud.call(DEMO.parent, 'agreement', 'signAgreement', {
      applicationId: XIAOMING_APP,
      version: 1,
      textHash: sha256(view.agreement.text + ' '),
      image: SIGNATURE,
    });
    expect(wrongHash).toMatchObject({ ok: false, code: 'CONFLICT' });
    await publishAgreement(cloud, '（第二版）');
    const oldVersion = await cloud.call(DEMO.parent, 'agreement', 'signAgreement', {
      applicationId: XIAOMING_APP,
      version: 1,
      textHash: view.agreement.textHash,
      image: SIGNATURE,
    });
    expect(oldVersion).toMatchObject({ ok: false, code: 'CONFLICT', message: '协议已更新为第 2 版，请重新阅读后签署' });
    expect(await statusOf(cloud, XIAOMING_APP)).toBe('listed');
    const notPng = await cloud.call(DEMO.parent, 'agreement', 'signAgreement', {
      applicationId: XIAOMING_APP,
      version: 2,
      textHash: (await cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP })).agreement.textHash,
      image: { base64: Buffer.from('hello').toString('base64') },
    });
    expect(notPng).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '签名图片格式不正确，请重新签名' });
  });

  it('a new template version asks parents to sign again; the old signature stays as it was', async () => {
    await readyToSign();
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    const published = await publishAgreement(cloud, '（经家委会修订）');
    expect(published).toMatchObject({ version: 2, needResign: 1 });
    expect((await cloud.sent(DEMO.parent)).at(-1)?.data.thing3.value).toMatch(/请重新签署/);

    const view = await cloud.ok(DEMO.parent, 'enrollment', 'getApplication', { applicationId: XIAOMING_APP });
    expect(view).toMatchObject({ status: 'active', signedVersion: 1, agreementVersion: 2, needsResign: true, canSign: true });
    const again = await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    expect(again).toMatchObject({ signatureId: `${XIAOMING_APP}:v2`, status: 'active' });
    expect((await cloud.ok(DEMO.parent, 'enrollment', 'getApplication', { applicationId: XIAOMING_APP })).needsResign).toBe(false);

    const list = await cloud.ok(DEMO.admin, 'agreement', 'listSignatures', { applicationId: XIAOMING_APP });
    expect(list.map((s: any) => s.version)).toEqual([1, 2]);
    const first = await cloud.ok(DEMO.parent, 'agreement', 'verifySignature', { signatureId: `${XIAOMING_APP}:v1` });
    expect(first.verification.valid).toBe(true);
    expect(first.text).not.toMatch(/经家委会修订/);
  });

  it('a child who goes home alone needs the separately signed permit before being active', async () => {
    await readyToSign({ pickup: { mode: 'alone' } });
    const view = await cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP });
    expect(view.agreement.text).toMatch(/学生服务结束后独自回家（须另行签署《独自回家证》）/);
    expect(view.permit).toMatchObject({ required: true, signed: false, canSign: true });
    expect(view.permit.document.text).toMatch(/^独自回家证/);
    expect(sha256(view.permit.document.text)).toBe(view.permit.document.textHash);

    expect((await signAgreement(cloud, DEMO.parent, XIAOMING_APP)).status).toBe('signed');
    const permit = await cloud.ok(DEMO.parent, 'agreement', 'signPermit', {
      applicationId: XIAOMING_APP,
      textHash: view.permit.document.textHash,
      image: SIGNATURE,
    });
    expect(permit).toMatchObject({ signatureId: `${XIAOMING_APP}:permit`, status: 'active' });
    expect(await statusOf(cloud, XIAOMING_APP)).toBe('active');
    const detail = await cloud.ok(DEMO.teacher, 'agreement', 'verifySignature', { signatureId: `${XIAOMING_APP}:permit` });
    expect(detail).toMatchObject({ kind: 'permit', verification: { valid: true } });
  });

  it('the permit signed first, then the agreement: active at once', async () => {
    await readyToSign({ pickup: { mode: 'alone' } });
    const view = await cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP });
    expect(
      (await cloud.ok(DEMO.parent, 'agreement', 'signPermit', { applicationId: XIAOMING_APP, textHash: view.permit.document.textHash, image: SIGNATURE }))
        .status,
    ).toBe('listed');
    expect((await signAgreement(cloud, DEMO.parent, XIAOMING_APP)).status).toBe('active');
  });

  it('no permit for a child who is collected', async () => {
    await readyToSign();
    expect(await cloud.call(DEMO.parent, 'agreement', 'signPermit', { applicationId: XIAOMING_APP, textHash: '0'.repeat(64), image: SIGNATURE })).toMatchObject(
      {
        ok: false,
        code: 'INVALID_STATE',
      },
    );
  });
});

describe('verifying a signed agreement', () => {
  it('parents and the school can view and verify; others cannot', async () => {
    await readyToSign();
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    for (const openid of [DEMO.parent, DEMO.secondGuardian, DEMO.admin, DEMO.teacher]) {
      const detail = await cloud.ok(openid, 'agreement', 'verifySignature', { signatureId: `${XIAOMING_APP}:v1` });
      expect(detail.verification).toEqual({
        valid: true,
        checks: [
          { label: '协议全文与签署时的摘要一致', ok: true },
          { label: '协议模板第 1 版未被改动', ok: true },
          { label: '按模板和所选内容重新生成的全文与签署的全文一致', ok: true },
        ],
      });
    }
    for (const openid of [DEMO.newParent, DEMO.otherSchoolParent, DEMO.otherSchoolAdmin, 'demo-teacher-wu', DEMO.committee]) {
      expect(await cloud.call(openid, 'agreement', 'verifySignature', { signatureId: `${XIAOMING_APP}:v1` })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
  });

  it('a tampered text, tampered choices or a tampered template fail verification', async () => {
    await readyToSign();
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    const id = `${XIAOMING_APP}:v1`;
    const signatures = cloud.db.collection('signatures');
    const original = (await signatures.doc(id).get()).data as any;

    await signatures.doc(id).update({ data: { text: original.text.replace('王建国（父亲）', '王建国（母亲）') } });
    let result = (await cloud.ok(DEMO.admin, 'agreement', 'verifySignature', { signatureId: id })).verification;
    expect(result.valid).toBe(false);
    expect(result.checks[0]).toEqual({ label: '协议全文与签署时的摘要一致', ok: false });

    await signatures.doc(id).update({ data: { text: original.text, fill: cloud.db.command.set({ ...original.fill, days: [1] }) } });
    result = (await cloud.ok(DEMO.admin, 'agreement', 'verifySignature', { signatureId: id })).verification;
    expect(result.valid).toBe(false);
    expect(result.checks.map((c: any) => c.ok)).toEqual([true, true, false]);

    await signatures.doc(id).update({ data: { fill: cloud.db.command.set(original.fill) } });
    expect((await cloud.ok(DEMO.admin, 'agreement', 'verifySignature', { signatureId: id })).verification.valid).toBe(true);
    const templates = cloud.db.collection('agreementTemplates');
    const template = (await templates.doc(`${SCHOOL}:${TERM}:v1`).get()).data as any;
    const sections = template.sections.map((s: any) => (s.key === 'parent-duties' ? { ...s, body: s.body + '家长须额外缴纳管理费。' } : s));
    await templates.doc(`${SCHOOL}:${TERM}:v1`).update({ data: { sections } });
    result = (await cloud.ok(DEMO.admin, 'agreement', 'verifySignature', { signatureId: id })).verification;
    expect(result.checks.map((c: any) => c.ok)).toEqual([true, false, false]);
  });

  it('club places in the agreement are as they stand when signing; a change asks to read again', async () => {
    const families = await addFamilies(cloud, 3);
    for (const [openid, studentId] of families) await approvedApplication(cloud, openid, studentId, { days: [3], itemIds: ['basic-care', 'club-calligraphy'] });
    await listAndFix(cloud);
    await publishAgreement(cloud);
    const [openid, studentId] = families[2];
    const view = await cloud.ok(openid, 'agreement', 'getAgreement', { applicationId: `${studentId}:${TERM}` });
    expect(view.agreement.text).toMatch(/书法社（候补中，递补成功后参加）/);

    // A place frees before signing: the text changes, so the old hash is refused.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await cloud.ok(families[0][0], 'enrollment', 'withdrawApplication', { applicationId: `${families[0][1]}:${TERM}`, effectiveDate: today });
    await cloud.ok(DEMO.admin, 'enrollment', 'decideWithdrawal', { applicationId: `${families[0][1]}:${TERM}`, decision: 'approve' });
    const stale = await cloud.call(openid, 'agreement', 'signAgreement', {
      applicationId: `${studentId}:${TERM}`,
      version: 1,
      textHash: view.agreement.textHash,
      image: SIGNATURE,
    });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', message: '协议内容有变化（例如社团名额），请重新阅读后签署' });
    const fresh = await cloud.ok(openid, 'agreement', 'getAgreement', { applicationId: `${studentId}:${TERM}` });
    expect(fresh.agreement.text).toMatch(/书法社（已录取）/);
    expect((await signAgreement(cloud, openid, `${studentId}:${TERM}`)).status).toBe('active');
  });
});

describe('signing needs the handwritten signature, kept with the record in a bounded size', () => {
  it('no signature, an empty one, two at once or one too large is refused, and nothing is signed', async () => {
    await readyToSign();
    const view = await cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP });
    const sign = (image: unknown) =>
      cloud.call(DEMO.parent, 'agreement', 'signAgreement', {
        applicationId: XIAOMING_APP,
        version: 1,
        textHash: view.agreement.textHash,
        ...(image === undefined ? {} : { image }),
      });
    expect(await sign(undefined)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('「手写签名」必须填写') });
    expect(await sign({})).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('请先手写签名') });
    expect(await sign({ base64: PNG_1x1, fileID: 'cloud://x/signatures/upload/a.png' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('请先手写签名'),
    });
    expect(await sign({ base64: 'A'.repeat(300_000) })).toMatchObject({ ok: false, message: expect.stringContaining('签名图片不能超过 200 KB') });
    expect(await sign({ base64: '<svg onload=alert(1)>' })).toMatchObject({ ok: false, message: expect.stringContaining('签名图片格式不正确') });
    const permitless = await cloud.call(DEMO.parent, 'agreement', 'signPermit', { applicationId: XIAOMING_APP, textHash: '0'.repeat(64) });
    expect(permitless).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('「手写签名」必须填写') });
    expect((await cloud.db.collection('signatures').count()).total).toBe(0);
    expect(await statusOf(cloud, XIAOMING_APP)).toBe('listed');

    // A data URL (what a canvas gives) is accepted; the image is kept, verification is still by hash.
    expect(await sign({ base64: `data:image/png;base64,${PNG_1x1}` })).toMatchObject({ ok: true, data: { status: 'active' } });
    const detail = await cloud.ok(DEMO.parent, 'agreement', 'verifySignature', { signatureId: `${XIAOMING_APP}:v1` });
    expect(detail).toMatchObject({ hasImage: true, imageUrl: expect.any(String), verification: { valid: true } });
  });
});

describe('a request to sign again says what changed from the signed version', () => {
  it('the new version’s changed sections, with the lines removed and added; nothing once signed again', async () => {
    await readyToSign();
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    expect((await cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP })).changes).toBeNull();
    const before = (await cloud.ok(DEMO.admin, 'agreement', 'getTemplateDraft', { schoolId: SCHOOL, termId: TERM })).editable.rules;
    await publishAgreement(cloud, '（经家委会修订）');

    const view = await cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP });
    expect(view).toMatchObject({ needsResign: true, signedVersion: 1, template: { version: 2 } });
    expect(view.changes).toEqual([
      {
        heading: '课后服务管理制度',
        change: 'changed',
        edits: [{ before: `…${before.slice(-24)}`, removed: '', added: '（经家委会修订）', after: '' }],
        removed: [],
        added: [],
        more: 0,
      },
    ]);

    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    expect((await cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP })).changes).toBeNull();
  });
});

describe('the re-sign request stays small', () => {
  it('every section the school writes at its longest and all of it rewritten: the answer stays under 100 KB in a few round trips', async () => {
    await readyToSign();
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    const { editable } = await cloud.ok(DEMO.admin, 'agreement', 'getTemplateDraft', { schoolId: SCHOOL, termId: TERM });
    // 3,000 characters a section (the most a school may write), in 30 lines, every line then changed.
    const longest = (tag: string) =>
      Array.from({ length: 30 }, (_, i) => `${tag}第 ${i + 1} 条：${'家长学校共同遵守的约定'.repeat(9)}`.slice(0, 99)).join('\n');
    const sections = Object.fromEntries(Object.keys(editable).map((key) => [key, longest('修订后')]));
    await adoptRules(cloud, sections);
    await cloud.ok(DEMO.admin, 'agreement', 'publishTemplate', { schoolId: SCHOOL, termId: TERM, sections });

    const measured = await cloud.runtime.meter.measure(() => cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP }));
    const view = measured.result;
    expect(view.changes.length).toBeGreaterThanOrEqual(5);
    for (const change of view.changes) expect(change.removed.length + change.added.length + change.edits.length).toBeLessThanOrEqual(6);
    expect(measured.figures.roundTrips).toBeLessThanOrEqual(30);
    expect(measured.figures.largestAnswerBytes).toBeLessThan(100 * 1024);
    console.info(`getAgreement with a full re-sign diff: ${measured.figures.roundTrips} round trips, ${measured.figures.largestAnswerBytes} bytes`);
  });
});

describe('one version number: the filing, the publication and the agreement say the same plan version', () => {
  const SFH = { schoolId: SCHOOL, termId: TERM };

  /** The school changes its published plan; the bureau returns the first filing of it and approves the second. */
  async function fileTwiceAndPublish() {
    const edit = async (capacity: number) => {
      const view = await cloud.ok(DEMO.admin, 'disclosure', 'getPlan', SFH);
      view.content.items[1].capacity = capacity;
      const saved = await cloud.ok(DEMO.admin, 'disclosure', 'savePlan', { ...SFH, revision: view.plan.revision, content: view.content });
      return cloud.ok(DEMO.admin, 'disclosure', 'submitPlan', { ...SFH, revision: saved.revision });
    };
    expect((await edit(25)).version).toBe(2);
    await cloud.ok(DEMO.bureau, 'disclosure', 'returnPlan', { ...SFH, version: 2, comments: '名额请与场地核对' });
    expect((await edit(22)).version).toBe(3);
    await cloud.ok(DEMO.bureau, 'disclosure', 'approvePlan', { ...SFH, version: 3 });
    return cloud.ok(DEMO.admin, 'disclosure', 'publishPlan', SFH);
  }

  it('the bureau approves 第 3 版 and the public page, the article and the agreement template say 第 3 版', async () => {
    expect(await fileTwiceAndPublish()).toEqual({ version: 3, status: 'published' });
    const review = await cloud.ok(DEMO.bureau, 'disclosure', 'getReviewDetail', SFH);
    expect(review.version).toMatchObject({ number: 3, decision: 'approved' });

    const page = await cloud.ok(null, 'disclosure', 'getPublicTerm', SFH);
    expect(page.publication).toMatchObject({ version: 3, filedVersion: 3, current: true });
    expect(page.versions.map((v: any) => v.version)).toEqual([1, 3]);
    expect(page).toMatchObject({ previousVersion: 1 });
    expect(page.changesFromPrevious).toEqual([expect.objectContaining({ before: '20 人', after: '22 人' })]);
    expect((await cloud.ok(null, 'disclosure', 'getPublicArticle', SFH)).html).toContain('第 3 版');

    const draft = await cloud.ok(DEMO.admin, 'agreement', 'getTemplateDraft', SFH);
    expect(draft).toMatchObject({ planVersion: 3, currentVersion: null });
    await approvedApplication(cloud, DEMO.parent, XIAOMING);
    await listAndFix(cloud);
    expect(await publishAgreement(cloud)).toMatchObject({ version: 1 });
    expect(await cloud.ok(null, 'agreement', 'getTemplate', SFH)).toMatchObject({ version: 1, planVersion: 3 });
    const view = await cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP });
    expect(view.template).toMatchObject({ version: 1, planVersion: 3 });
    expect(view.agreement.text.split('\n')[1]).toMatch(/ · 第 1 版（依据课后服务方案第 3 版）$/);
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    const signed = await cloud.ok(DEMO.parent, 'agreement', 'verifySignature', { signatureId: `${XIAOMING_APP}:v1` });
    expect(signed.verification.valid).toBe(true);
  });

  it('the template page counts the signatures of the current version only', async () => {
    await readyToSign();
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    const draft = () => cloud.ok(DEMO.admin, 'agreement', 'getTemplateDraft', SFH);
    expect(await draft()).toMatchObject({ currentVersion: 1, signedCount: 1 });
    await publishAgreement(cloud, '（第二版）');
    expect(await draft()).toMatchObject({ currentVersion: 2, signedCount: 0 });
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    expect(await draft()).toMatchObject({ currentVersion: 2, signedCount: 1 });
  });
});
