import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindingRef } from '@kehou/shared';
import { CONTRACTS } from '@kehou/shared/contracts';
import fc from 'fast-check';
import writeXlsxFile from 'write-excel-file/node';
import { createRuntime, seedDemoData } from '../../local-cloud/src';
import { type Disk, nodeDisk } from '../../local-cloud/src/database';
import { cloudFunctions } from '../../local-cloud/src/functions';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { SecurityFigures } from '../support/security-figures';
import { SIGNATURE } from '../support/signature';
import { QJ, qijiangContent, SFH, writeAndSubmitQijiangPlan } from './disclosure-support';
import {
  addFamilies,
  applyFor,
  approvedApplication,
  choices,
  listAndFix,
  publishAgreement,
  SCHOOL,
  signAgreement,
  statusOf,
  TERM,
  teacherPass,
  XIAOMING,
  XIAOMING_APP,
} from './enrollment-fixtures';

/**
 * Security and privacy review: attacks on the product's promises (identity from WeChat only, role
 * and scope on every action, no personal data where it does not belong, no duplicates or lost
 * writes, bounded inputs, an audit entry per change). Each finding's describe is named after the
 * rule it broke; the "verified safe" describes are attack paths that were tried and held. At the
 * end it prints what it tried: calls, fuzzed inputs, races and findings.
 */

const figures = new SecurityFigures();
const finding = (title: string, body: () => void) => figures.finding(title, body);
let cloud: TestCloud;
beforeEach(async () => {
  cloud = figures.watch(await startTestCloud());
});
afterEach(() => cloud.close());
afterAll(() => console.log(figures.report()));

// A 1×1 transparent PNG.
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const HARDSHIP = { kind: 'subsistence', note: '父亲失业，低保证号 2301xxxx' };
/** 朱可馨, 三年级(2)班, no guardian in the seed. */
const KEXIN = { studentName: '朱可馨', studentNo: '30202', bindCode: 'SFH302', guardianName: '陈老师', relation: '父亲' };
const KEXIN_ID = 'stu-sfh-30202';

const doc = async (collection: string, id: string) => {
  const { data } = await cloud.db.collection(collection).where({ _id: id }).limit(1).get();
  return (data[0] ?? null) as any;
};
const count = async (collection: string, where: Record<string, unknown> = {}) => (await cloud.db.collection(collection).where(where).count()).total;
const refusal = (answer: any) => ({ ok: answer.ok, code: answer.code, message: answer.message });

async function xlsx(rows: (string | null)[][]): Promise<Buffer> {
  return writeXlsxFile(rows.map((row) => row.map((value) => (value === null ? null : { value }))) as never).toBuffer();
}
const ROSTER_HEADER = ['班级', '学生姓名', '学号', '家长姓名', '家长手机'];

/** 王小明 (with a hardship declaration) and one more family of 三年级(2)班, both listed and fixed, agreement published. */
async function twoFamiliesReadyToSign() {
  await approvedApplication(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
  const [[otherParent, otherChild]] = await addFamilies(cloud, 1);
  const otherApp = await approvedApplication(cloud, otherParent, otherChild);
  await listAndFix(cloud);
  await publishAgreement(cloud);
  return { otherParent, otherApp };
}

const agreementHash = async (openid: string, applicationId: string) =>
  (await cloud.ok(openid, 'agreement', 'getAgreement', { applicationId })).agreement.textHash as string;

// ───────────────────────────── findings ─────────────────────────────

finding('Trust nothing from the client: a signature image is a file the function checked, never one the caller names', () => {
  it('a parent cannot attach another family’s signature image by its fileID (and so get a link to it)', async () => {
    const { otherParent, otherApp } = await twoFamiliesReadyToSign();
    await cloud.ok(DEMO.parent, 'agreement', 'signAgreement', {
      applicationId: XIAOMING_APP,
      version: 1,
      textHash: await agreementHash(DEMO.parent, XIAOMING_APP),
      image: { base64: PNG_1x1 },
    });
    const wangImage = (await doc('signatures', `${XIAOMING_APP}:v1`)).imageFileId as string;

    const attack = await cloud.call(otherParent, 'agreement', 'signAgreement', {
      applicationId: otherApp,
      version: 1,
      textHash: await agreementHash(otherParent, otherApp),
      image: { fileID: wangImage },
    });
    expect(attack).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '签名图片格式不正确，请重新签名' });
    expect(await count('signatures', { applicationId: otherApp })).toBe(0);
    expect(await statusOf(cloud, otherApp)).toBe('listed');
  });

  it('a fileID outside the upload folder, climbing out of it, or not a PNG is refused; nothing is signed', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING);
    await listAndFix(cloud);
    await publishAgreement(cloud);
    const { fileID: roster } = await cloud.runtime.cloud.uploadFile({ cloudPath: `roster/${SCHOOL}/1.xlsx`, fileContent: await xlsx([ROSTER_HEADER]) });
    const { fileID: text } = await cloud.runtime.cloud.uploadFile({ cloudPath: 'signatures/upload/not-a-png.png', fileContent: Buffer.from('hello') });
    const textHash = await agreementHash(DEMO.parent, XIAOMING_APP);
    for (const fileID of [roster, `cloud://local.kehou/signatures/upload/../../roster/${SCHOOL}/1.xlsx`, text]) {
      const answer = await cloud.call(DEMO.parent, 'agreement', 'signAgreement', { applicationId: XIAOMING_APP, version: 1, textHash, image: { fileID } });
      expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '签名图片格式不正确，请重新签名' });
    }
    expect(await count('signatures')).toBe(0);
  });

  it('a drawn signature uploaded by the mini-program is copied to a path no one can guess from the signature id', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING);
    await listAndFix(cloud);
    await publishAgreement(cloud);
    const { fileID: uploaded } = await cloud.runtime.cloud.uploadFile({
      cloudPath: 'signatures/upload/1700000000000-abc.png',
      fileContent: Buffer.from(PNG_1x1, 'base64'),
    });
    await cloud.ok(DEMO.parent, 'agreement', 'signAgreement', {
      applicationId: XIAOMING_APP,
      version: 1,
      textHash: await agreementHash(DEMO.parent, XIAOMING_APP),
      image: { fileID: uploaded },
    });
    const stored = (await doc('signatures', `${XIAOMING_APP}:v1`)).imageFileId as string;
    expect(stored).not.toBe(uploaded);
    expect(stored).not.toBe(`cloud://local.kehou/signatures/${SCHOOL}/${XIAOMING_APP.replace(/:/g, '_')}_v1.png`);
    expect(stored).toMatch(new RegExp(`^cloud://local\\.kehou/signatures/${SCHOOL}/.+-[0-9a-f]{16}\\.png$`));
    expect(cloud.runtime.storage.read(stored)).toEqual(Buffer.from(PNG_1x1, 'base64'));
  });
});

finding('Every action checks scope: a roster is read only from the school’s own upload folder', () => {
  it('the admin of 綦江 cannot import 绥芬河’s uploaded roster (parents’ phones) by its fileID', async () => {
    const file = await xlsx([ROSTER_HEADER, ['四年级(1)班', '欧阳娜娜', '40999', '黄蓉', '13911113333']]);
    const { fileID } = await cloud.runtime.cloud.uploadFile({ cloudPath: `roster/${SCHOOL}/1700000000000.xlsx`, fileContent: file });
    const attack = await cloud.call(DEMO.otherSchoolAdmin, 'enrollment', 'importRoster', { schoolId: DEMO_IDS.qijiangSchool, file: { fileID } });
    expect(attack).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '没有找到上传的文件，请重新选择' });
    const climbing = `cloud://local.kehou/roster/${DEMO_IDS.qijiangSchool}/../${SCHOOL}/1700000000000.xlsx`;
    expect(
      await cloud.call(DEMO.otherSchoolAdmin, 'enrollment', 'importRoster', { schoolId: DEMO_IDS.qijiangSchool, file: { fileID: climbing } }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await count('students', { studentNo: '40999' })).toBe(0);
    expect(await count('guardianContacts')).toBe(0);
  });
});

finding('Trust nothing from the client: a filing attachment must be a file of that very plan', () => {
  it('a fileID that climbs out of the plan’s folder, or only contains it, is refused and no plan is saved', async () => {
    await cloud.runtime.cloud.uploadFile({ cloudPath: `roster/${SCHOOL}/1.xlsx`, fileContent: Buffer.from('secret') });
    const folder = `disclosure/${QJ.schoolId}/${QJ.termId}`;
    for (const fileId of [`cloud://local.kehou/${folder}/../../../roster/${SCHOOL}/1.xlsx`, `cloud://local.kehou/roster/${SCHOOL}/1.xlsx?/${folder}/x.pdf`]) {
      const answer = await cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', {
        ...QJ,
        revision: 0,
        content: qijiangContent([{ key: 'plan', name: '方案.pdf', fileId }]),
      });
      expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '「方案.pdf」不是为本方案上传的文件' });
    }
    expect(await count('plans', { schoolId: QJ.schoolId })).toBe(0);
  });
});

finding('Every action checks role and scope: a class teacher never confirms their own binding', () => {
  it('陈老师 asks to be bound to a child of his class and cannot confirm it himself', async () => {
    const asked = await cloud.ok(DEMO.teacher, 'enrollment', 'bindChild', KEXIN);
    expect(asked.status).toBe('pending');
    const self = await cloud.call(DEMO.teacher, 'enrollment', 'decideBinding', { guardianshipId: bindingRef(asked.guardianshipId), decision: 'confirm' });
    expect(self).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '不能处理自己提交的绑定申请，学校管理员会处理' });
    expect((await doc('guardianships', asked.guardianshipId)).status).toBe('pending');
    // So he cannot act as the child's guardian (apply, sign, the go-home-alone permit).
    expect(await cloud.call(DEMO.teacher, 'enrollment', 'submitApplication', { studentId: KEXIN_ID, termId: TERM, ...choices() })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    // Other parents’ requests he still decides.
    const parent = await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', { ...KEXIN, guardianName: '朱妈妈', relation: '母亲' });
    expect(
      await cloud.ok(DEMO.teacher, 'enrollment', 'decideBinding', { guardianshipId: bindingRef(parent.guardianshipId), decision: 'confirm' }),
    ).toMatchObject({ status: 'confirmed' });
  });

  it('the school admin decides the class teacher’s own request, and only that kind', async () => {
    const asked = await cloud.ok(DEMO.teacher, 'enrollment', 'bindChild', KEXIN);
    const parent = await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', { ...KEXIN, guardianName: '朱妈妈', relation: '母亲' });
    const queue = await cloud.ok(DEMO.admin, 'enrollment', 'listStaffBindings', { schoolId: SCHOOL });
    expect(queue.map((b: { guardianshipId: string }) => b.guardianshipId)).toEqual([bindingRef(asked.guardianshipId)]);
    expect(JSON.stringify(queue)).not.toContain(DEMO.teacher);
    // An ordinary parent's request stays with the class teacher.
    expect(
      await cloud.call(DEMO.admin, 'enrollment', 'decideBinding', { guardianshipId: bindingRef(parent.guardianshipId), decision: 'confirm' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Another school's admin sees and decides nothing here.
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'enrollment', 'listStaffBindings', { schoolId: SCHOOL })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      await cloud.call(DEMO.otherSchoolAdmin, 'enrollment', 'decideBinding', { guardianshipId: bindingRef(asked.guardianshipId), decision: 'confirm' }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cloud.ok(DEMO.admin, 'enrollment', 'decideBinding', { guardianshipId: bindingRef(asked.guardianshipId), decision: 'confirm' })).toMatchObject({
      status: 'confirmed',
    });
    expect((await doc('guardianships', asked.guardianshipId)).status).toBe('confirmed');
    expect(await cloud.ok(DEMO.admin, 'enrollment', 'listStaffBindings', { schoolId: SCHOOL })).toEqual([]);
  });
});

finding('Hardship only for the school admin and the class teacher: a co-guardian never reads it', () => {
  it('the second guardian’s form shows that hardship was declared, not its kind or note', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
    const own = await cloud.ok(DEMO.parent, 'enrollment', 'getApplicationForm', { studentId: XIAOMING });
    expect(own.hardship).toEqual({ kind: 'subsistence', note: HARDSHIP.note });
    const other = await cloud.ok(DEMO.secondGuardian, 'enrollment', 'getApplicationForm', { studentId: XIAOMING });
    expect(other.hardship).toBeNull();
    expect(other.application.hardshipDeclared).toBe(true);
    expect(JSON.stringify(other)).not.toMatch(/subsistence|低保|2301|失业/);
  });

  it('a co-guardian correcting the application does not silently erase the declaration they never saw', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
    await cloud.ok(DEMO.teacher, 'enrollment', 'returnApplication', { applicationId: XIAOMING_APP, revision: 1, reason: '请核对接送人' });
    await cloud.ok(DEMO.secondGuardian, 'enrollment', 'resubmitApplication', { applicationId: XIAOMING_APP, revision: 2, ...choices(), hardship: null });
    expect(await cloud.ok(DEMO.admin, 'enrollment', 'getHardship', { applicationId: XIAOMING_APP })).toMatchObject({ declared: true, kind: 'subsistence' });
    // The guardian who declared it may still withdraw it.
    await cloud.ok(DEMO.teacher, 'enrollment', 'returnApplication', { applicationId: XIAOMING_APP, revision: 3, reason: '请再核对一次' });
    await cloud.ok(DEMO.parent, 'enrollment', 'resubmitApplication', { applicationId: XIAOMING_APP, revision: 4, ...choices(), hardship: null });
    expect(await cloud.ok(DEMO.admin, 'enrollment', 'getHardship', { applicationId: XIAOMING_APP })).toEqual({ declared: false });
  });
});

finding('Every action checks scope: a child who moved class belongs to the new class teacher', () => {
  it('the old class teacher no longer reads the signed agreement; the new one does, with the hardship', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
    await listAndFix(cloud);
    await publishAgreement(cloud);
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    const base64 = (await xlsx([ROSTER_HEADER, ['一年级(1)班', '王小明', '30201', '王建国', '13900000001']])).toString('base64');
    expect(await cloud.ok(DEMO.admin, 'enrollment', 'importRoster', { schoolId: SCHOOL, file: { base64 } })).toMatchObject({ studentsUpdated: 1 });

    const signatureId = `${XIAOMING_APP}:v1`;
    expect(await cloud.call(DEMO.teacher, 'agreement', 'verifySignature', { signatureId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cloud.call(DEMO.teacher, 'agreement', 'listSignatures', { applicationId: XIAOMING_APP })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cloud.call(DEMO.teacher, 'enrollment', 'getHardship', { applicationId: XIAOMING_APP })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await cloud.ok('demo-teacher-wu', 'agreement', 'verifySignature', { signatureId })).verification.valid).toBe(true);
    const row = (await cloud.ok('demo-teacher-wu', 'enrollment', 'listClassApplications', { classId: DEMO_IDS.class11 })).rows.find(
      (r: any) => r.applicationId === XIAOMING_APP,
    );
    expect(row.hardship).toMatchObject({ kind: 'subsistence' });
    const oldRows = (await cloud.ok(DEMO.teacher, 'enrollment', 'listClassApplications', { classId: DEMO_IDS.class32 })).rows;
    expect(oldRows.map((r: any) => r.applicationId)).not.toContain(XIAOMING_APP);
  });
});

finding('Responses carry no more than the caller may see: staff of another school cannot probe applications by id', () => {
  it('an existing application and a missing one get the same refusal', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
    const missing = `stu-sfh-30299:${TERM}`;
    for (const [openid, action, data] of [
      [DEMO.otherSchoolAdmin, 'getHardship', {}],
      [DEMO.otherSchoolAdmin, 'approveApplication', { revision: 1 }],
      ['demo-teacher-he', 'passFirstReview', { revision: 1 }],
      ['demo-teacher-wu', 'getHardship', {}],
    ] as const) {
      const real = await cloud.call(openid, 'enrollment', action, { applicationId: XIAOMING_APP, ...data });
      const none = await cloud.call(openid, 'enrollment', action, { applicationId: missing, ...data });
      expect(real.ok).toBe(false);
      expect(refusal(none)).toEqual(refusal(real));
    }
    // Binding requests likewise (their id is `${studentId}:${openid}`).
    const real = await cloud.call('demo-teacher-he', 'enrollment', 'decideBinding', { guardianshipId: `${XIAOMING}:${DEMO.parent}`, decision: 'reject' });
    const none = await cloud.call('demo-teacher-he', 'enrollment', 'decideBinding', { guardianshipId: `${XIAOMING}:someone-else`, decision: 'reject' });
    expect(real.ok).toBe(false);
    expect(refusal(none)).toEqual(refusal(real));
    expect(await doc('applications', XIAOMING_APP)).toMatchObject({ status: 'submitted', revision: 1 });
  });
});

finding('Responses carry no more than the caller may see: no openids in the filing views', () => {
  it('the bureau’s review and another admin’s plan editor do not carry who submitted or saved', async () => {
    await writeAndSubmitQijiangPlan(cloud);
    await cloud.db.collection('users').add({ data: { _id: 'qj-admin-2', name: '副校长', roles: [{ kind: 'admin', schoolId: QJ.schoolId }] } });
    const review = await cloud.ok(DEMO.qijiangBureau, 'disclosure', 'getReviewDetail', QJ);
    expect(review.version).toMatchObject({ number: 1, decision: 'pending' });
    expect(JSON.stringify(review)).not.toContain(DEMO.otherSchoolAdmin);
    const editor = await cloud.ok('qj-admin-2', 'disclosure', 'getPlan', QJ);
    expect(editor.plan).toMatchObject({ status: 'submitted' });
    expect(JSON.stringify(editor)).not.toContain(DEMO.otherSchoolAdmin);
  });
});

finding('Every input is bounded: the action name', () => {
  it('an oversized action name is refused without being echoed back', async () => {
    const answer = await cloud.call(null, 'enrollment', 'x'.repeat(100_000));
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((answer as any).message.length).toBeLessThan(100);
  });
});

finding('What a stranger can learn: the masked name on the public list and the class code do not give a child’s full name', () => {
  it('guessing the hidden character is cut off after 5 failures a day, and a match shows the name masked until the teacher confirms', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING);
    await listAndFix(cloud);
    const [listed] = (await cloud.ok(null, 'disclosure', 'getPublicTerm', SFH)).enrolled;
    expect(listed).toEqual({ className: '三年级(2)班', name: '王*明' });
    // A stranger who knows the masked name, the class code and a student number tries every middle character.
    const guesses = Array.from('一二三四五六七八九十大小中天地人和平安乐'.repeat(9)).slice(0, 168);
    const answers = [];
    for (const c of guesses) {
      answers.push(
        (await cloud.call(DEMO.newParent, 'enrollment', 'bindChild', {
          studentName: `王${c}明`,
          studentNo: '30201',
          bindCode: 'SFH302',
          guardianName: '路人',
          relation: '其他',
        })) as any,
      );
    }
    expect(answers.filter((a) => a.code === 'NOT_FOUND')).toHaveLength(5);
    expect(answers.slice(5).every((a) => a.code === 'TOO_MANY_ATTEMPTS')).toBe(true);
    const right = await cloud.call(DEMO.newParent, 'enrollment', 'bindChild', {
      studentName: '王小明',
      studentNo: '30201',
      bindCode: 'SFH302',
      guardianName: '路人',
      relation: '其他',
    });
    expect(right).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' });
    // Thirty guesses at once from another account fare no better: the count is taken in a transaction.
    const [[other]] = await addFamilies(cloud, 1, 7);
    const burst = await figures.race(
      guesses
        .filter((c) => c !== '小')
        .slice(0, 30)
        .map((c) =>
          cloud.call(other, 'enrollment', 'bindChild', {
            studentName: `王${c}明`,
            studentNo: '30201',
            bindCode: 'SFH302',
            guardianName: '路人',
            relation: '其他',
          }),
        ),
    );
    expect(burst.filter((a: any) => a.code === 'NOT_FOUND')).toHaveLength(5);
    // Someone who does know the name gets a pending request that shows it masked, nowhere in full.
    const known = await cloud.ok(DEMO.otherSchoolParent, 'enrollment', 'bindChild', {
      studentName: '王小明',
      studentNo: '30201',
      bindCode: 'SFH302',
      guardianName: '周女士',
      relation: '其他',
    });
    const home = await cloud.ok(DEMO.otherSchoolParent, 'enrollment', 'getHome');
    expect(JSON.stringify([known, home])).not.toContain('王小明');
    expect(known.studentName).toBe('王*明');
  });

  it('a compound surname keeps the given name hidden on the public list (司马光 → 司马*)', async () => {
    const [[family, child]] = await addFamilies(cloud, 1);
    await cloud.db
      .collection('students')
      .doc(child)
      .update({ data: { name: '司马光' } });
    await approvedApplication(cloud, family, child);
    await listAndFix(cloud);
    const page = await cloud.ok(null, 'disclosure', 'getPublicTerm', SFH);
    expect(page.enrolled).toEqual([{ className: '三年级(2)班', name: '司马*' }]);
    expect(JSON.stringify(page)).not.toContain('光');
  });
});

finding('Safe under failures: a write the disk refused is nowhere, and every change lands with its audit entry', () => {
  it('disk full: three feedback submissions answer an error, and none shows in the parent’s list or the audit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehou-full-'));
    let full = false;
    const disk: Disk = {
      ...nodeDisk,
      append: async (file, text) => (full ? Promise.reject(new Error('ENOSPC: no space left on device')) : nodeDisk.append(file, text)),
    };
    const runtime = await createRuntime({ dataDir, disk });
    try {
      await seedDemoData(runtime.database);
      const auditBefore = (await runtime.database.collection('audit').count()).total;
      full = true;
      const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      for (let i = 1; i <= 3; i++) {
        const answer = await runtime.call(
          'feedback',
          { action: 'submitFeedback', data: { studentId: XIAOMING, requestId: `req-full-000${i}`, topic: 'other', text: '放学时校门口车辆太多。' } },
          DEMO.parent,
        );
        expect(answer).toMatchObject({ ok: false, code: 'INTERNAL' });
      }
      error.mockRestore();
      full = false;
      expect(await runtime.call('feedback', { action: 'listMyFeedback', data: {} }, DEMO.parent)).toMatchObject({ ok: true, data: [] });
      expect((await runtime.database.collection('feedback').count()).total).toBe(0);
      expect((await runtime.database.collection('audit').count()).total).toBe(auditBefore);
      // Once the disk has room again, the same submission goes through, with its entry.
      expect(
        await runtime.call(
          'feedback',
          { action: 'submitFeedback', data: { studentId: XIAOMING, requestId: 'req-full-0001', topic: 'other', text: '放学时校门口车辆太多。' } },
          DEMO.parent,
        ),
      ).toMatchObject({ ok: true });
      expect((await runtime.database.collection('audit').count()).total).toBe(auditBefore + 1);
    } finally {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

// ───────────────────────── attack paths verified safe ─────────────────────────

describe('Parents act only for their own children (verified safe)', () => {
  it('another family of the same class sees another child’s application, agreement and signatures exactly as missing ones', async () => {
    const { otherParent } = await twoFamiliesReadyToSign();
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    const before = await doc('applications', XIAOMING_APP);
    const missingApp = `stu-sfh-30299:${TERM}`;
    for (const [fn, action, real, none] of [
      ['enrollment', 'getApplication', { applicationId: XIAOMING_APP }, { applicationId: missingApp }],
      ['agreement', 'getAgreement', { applicationId: XIAOMING_APP }, { applicationId: missingApp }],
      ['agreement', 'listSignatures', { applicationId: XIAOMING_APP }, { applicationId: missingApp }],
      ['agreement', 'verifySignature', { signatureId: `${XIAOMING_APP}:v1` }, { signatureId: `${missingApp}:v1` }],
    ] as const) {
      const a = await cloud.call(otherParent, fn, action, real);
      expect(a.ok).toBe(false);
      expect(refusal(a)).toEqual(refusal(await cloud.call(otherParent, fn, action, none)));
    }
    const hash = '0'.repeat(64);
    for (const [fn, action, data] of [
      ['enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP, effectiveDate: '2026-12-01' }],
      ['enrollment', 'resubmitApplication', { applicationId: XIAOMING_APP, revision: before.revision, ...choices() }],
      ['enrollment', 'getApplicationForm', { studentId: XIAOMING }],
      ['agreement', 'signAgreement', { applicationId: XIAOMING_APP, version: 1, textHash: hash, image: SIGNATURE }],
      ['agreement', 'signPermit', { applicationId: XIAOMING_APP, textHash: hash, image: SIGNATURE }],
      ['feedback', 'submitFeedback', { studentId: XIAOMING, requestId: 'req-attack-1', topic: 'other', text: '冒名提交的意见内容' }],
    ] as const) {
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(((await cloud.call(otherParent, fn, action, data)) as any).code);
    }
    expect(await doc('applications', XIAOMING_APP)).toEqual(before);
    expect(await count('feedback')).toBe(0);
  });
});

describe('Teachers act only for their class, admins and reviewers only for their school (verified safe)', () => {
  it('through ids of another class or school nothing is read or changed', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
    const listingId = (await cloud.ok(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 3 })).listingId;
    const feedback = await cloud.ok(DEMO.parent, 'feedback', 'submitFeedback', {
      studentId: XIAOMING,
      requestId: 'req-00000001',
      topic: 'safety',
      text: '放学时校门口车辆太多。',
    });
    const auditBefore = await count('audit');
    const attempts: [string, 'enrollment' | 'agreement' | 'disclosure' | 'feedback', string, unknown][] = [
      ['demo-teacher-wu', 'enrollment', 'returnApplication', { applicationId: XIAOMING_APP, revision: 3, reason: '请修改' }],
      ['demo-teacher-wu', 'enrollment', 'getClassQueue', { classId: DEMO_IDS.class32 }],
      ['demo-teacher-wu', 'agreement', 'listSignatures', { applicationId: XIAOMING_APP }],
      [DEMO.otherSchoolAdmin, 'enrollment', 'getSchoolQueue', { schoolId: SCHOOL }],
      [DEMO.otherSchoolAdmin, 'enrollment', 'fixListing', { listingId }],
      [DEMO.otherSchoolAdmin, 'enrollment', 'decideWithdrawal', { applicationId: XIAOMING_APP, decision: 'approve' }],
      [DEMO.otherSchoolAdmin, 'enrollment', 'importRoster', { schoolId: SCHOOL, file: { base64: 'AAAA' } }],
      [DEMO.otherSchoolAdmin, 'agreement', 'getTemplateDraft', { schoolId: SCHOOL, termId: TERM }],
      [DEMO.otherSchoolAdmin, 'disclosure', 'getPlan', SFH],
      [DEMO.otherSchoolAdmin, 'disclosure', 'getPlanHistory', SFH],
      [DEMO.otherSchoolAdmin, 'disclosure', 'exportReport', { schoolId: SCHOOL, reportKey: 'semiannual-report', year: 2026, half: 1 }],
      [DEMO.otherSchoolAdmin, 'disclosure', 'getPlan', { schoolId: QJ.schoolId, termId: SFH.termId }],
      [DEMO.qijiangBureau, 'disclosure', 'getReviewDetail', SFH],
      [DEMO.otherSchoolAdmin, 'feedback', 'listSchoolFeedback', { schoolId: SCHOOL }],
      [DEMO.otherSchoolAdmin, 'feedback', 'markFeedbackReviewed', { feedbackId: feedback.id }],
      [DEMO.otherSchoolAdmin, 'feedback', 'answerFeedback', { feedbackId: feedback.id, text: '收到', revision: 0 }],
      [DEMO.committee, 'enrollment', 'getHardship', { applicationId: XIAOMING_APP }],
      [DEMO.bureau, 'enrollment', 'getSchoolQueue', { schoolId: SCHOOL }],
    ];
    for (const [openid, fn, action, data] of attempts) {
      const answer = (await cloud.call(openid, fn, action, data)) as any;
      expect({ action, openid, ok: answer.ok }).toEqual({ action, openid, ok: false });
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(answer.code);
    }
    expect(await count('audit')).toBe(auditBefore);
    expect((await doc('listings', listingId)).fixedAt).toBeUndefined();
  });
});

describe('Public pages carry nothing personal (verified safe)', () => {
  it('the public term page, the article, the agreement template, the shared enrolment page and home, signed out', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
    await listAndFix(cloud);
    await publishAgreement(cloud);
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    const answers = [
      await cloud.ok(null, 'disclosure', 'getPublicTerm', SFH),
      await cloud.ok(null, 'disclosure', 'getPublicArticle', SFH),
      await cloud.ok(null, 'agreement', 'getTemplate', { schoolId: SCHOOL, termId: TERM }),
      await cloud.ok(null, 'enrollment', 'getEnrolmentEntry', { schoolId: SCHOOL }),
      await cloud.ok(null, 'enrollment', 'getHome'),
      await cloud.ok(DEMO.otherSchoolParent, 'enrollment', 'getEnrolmentEntry', { schoolId: SCHOOL }),
    ];
    expect(answers[0].enrolled).toEqual([{ className: '三年级(2)班', name: '王*明' }]);
    const text = JSON.stringify(answers);
    expect(text).not.toMatch(/王小明|王建国|李梅|demo-|stu-sfh|1390000|subsistence|2301|失业/);
  });
});

describe('Staff and parent views carry no openids and no other guardian’s private data (verified safe)', () => {
  it('queues, application views, agreements, signatures and feedback lists', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
    await listAndFix(cloud);
    await publishAgreement(cloud);
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    await cloud.ok(DEMO.parent, 'feedback', 'submitFeedback', {
      studentId: XIAOMING,
      requestId: 'req-00000001',
      topic: 'safety',
      text: '放学时校门口车辆太多。',
    });
    const views = [
      (await cloud.ok(DEMO.teacher, 'enrollment', 'listClassApplications', { classId: DEMO_IDS.class32 })).rows,
      await cloud.ok(DEMO.admin, 'enrollment', 'listSchoolApplications', { schoolId: SCHOOL, limit: 50 }),
      await cloud.ok(DEMO.secondGuardian, 'enrollment', 'getApplication', { applicationId: XIAOMING_APP }),
      await cloud.ok(DEMO.secondGuardian, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP }),
      await cloud.ok(DEMO.admin, 'agreement', 'verifySignature', { signatureId: `${XIAOMING_APP}:v1` }),
      await cloud.ok(DEMO.admin, 'agreement', 'listSignatures', { applicationId: XIAOMING_APP }),
      await cloud.ok(DEMO.committee, 'feedback', 'listSchoolFeedback', { schoolId: SCHOOL }),
    ];
    expect(JSON.stringify(views)).not.toMatch(/demo-(parent|guardian|teacher|admin|committee)/);
    // The committee sees neither the child nor an unsigned author.
    expect(JSON.stringify(views[6])).not.toMatch(/王小明|王建国/);
    // A parent's view has no hardship kind or note, only that it was declared.
    expect(JSON.stringify(views.slice(2, 4))).not.toMatch(/subsistence|2301/);
  });
});

describe('Double taps, retries and concurrent calls create nothing twice and lose no write (verified safe)', () => {
  it('both guardians applying at once, a double-tapped review, both guardians signing at once', async () => {
    const applies = await figures.race([
      applyFor(cloud, DEMO.parent, XIAOMING),
      applyFor(cloud, DEMO.parent, XIAOMING),
      applyFor(cloud, DEMO.secondGuardian, XIAOMING),
    ]);
    expect(applies.filter((a) => !a.existing)).toHaveLength(1);
    expect(await count('applications')).toBe(1);

    const reviews = await figures.race(
      [1, 2].map(() => cloud.call(DEMO.teacher, 'enrollment', 'passFirstReview', { applicationId: XIAOMING_APP, revision: 1 })),
    );
    expect(reviews.filter((r) => r.ok)).toHaveLength(1);
    expect(reviews.find((r) => !r.ok)).toMatchObject({ code: expect.stringMatching(/CONFLICT|INVALID_STATE/) });
    expect(await doc('applications', XIAOMING_APP)).toMatchObject({ status: 'teacher-reviewed', revision: 2 });
    expect((await doc('applications', XIAOMING_APP)).history).toHaveLength(2);

    await cloud.ok(DEMO.admin, 'enrollment', 'approveApplication', { applicationId: XIAOMING_APP, revision: 2 });
    await listAndFix(cloud);
    await publishAgreement(cloud);
    const signs = await figures.race([signAgreement(cloud, DEMO.parent, XIAOMING_APP), signAgreement(cloud, DEMO.secondGuardian, XIAOMING_APP)]);
    expect(signs.filter((s) => !s.existing)).toHaveLength(1);
    expect(await count('signatures')).toBe(1);
    expect(await statusOf(cloud, XIAOMING_APP)).toBe('active');
  });

  it('two admins saving the same plan revision at once: one wins, the other is told to refresh', async () => {
    await cloud.db.collection('users').add({ data: { _id: 'qj-admin-2', name: '副校长', roles: [{ kind: 'admin', schoolId: QJ.schoolId }] } });
    await cloud.ok(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent() });
    const a = { ...qijiangContent(), funding: '甲的修改' };
    const b = { ...qijiangContent(), funding: '乙的修改' };
    const saves = await figures.race([
      cloud.call(DEMO.otherSchoolAdmin, 'disclosure', 'savePlan', { ...QJ, revision: 1, content: a }),
      cloud.call('qj-admin-2', 'disclosure', 'savePlan', { ...QJ, revision: 1, content: b }),
    ]);
    expect(saves.filter((s) => s.ok)).toHaveLength(1);
    expect(saves.find((s) => !s.ok)).toMatchObject({ code: 'CONFLICT' });
    const winner = saves[0].ok ? a : b;
    expect(await doc('plans', `${QJ.schoolId}:${QJ.termId}`)).toMatchObject({ revision: 2, content: { funding: winner.funding } });
  });
});

describe('A bad input gets a clear error in Chinese and changes nothing (verified safe)', () => {
  it('oversized texts, lists and images, unknown fields and client-chosen statuses are refused before any write', async () => {
    const big = (n: number) => '字'.repeat(n);
    const apply = (extra: object) => ({ studentId: XIAOMING, termId: TERM, ...choices(), ...extra });
    const picker = { name: '王建国', relation: '父亲', phone: '13900000001' };
    const attempts: [string, 'enrollment' | 'agreement' | 'feedback' | 'disclosure', string, unknown][] = [
      [DEMO.parent, 'enrollment', 'submitApplication', apply({ status: 'active' })],
      [DEMO.parent, 'enrollment', 'submitApplication', apply({ hardship: { kind: 'other', note: big(201) } })],
      [DEMO.parent, 'enrollment', 'submitApplication', apply({ pickup: { mode: 'pickers', pickers: Array(6).fill(picker) } })],
      [DEMO.parent, 'enrollment', 'submitApplication', apply({ itemIds: Array.from({ length: 13 }, (_, i) => `item-${i}`) })],
      [DEMO.parent, 'enrollment', 'submitApplication', apply({ pickup: { mode: 'pickers', pickers: [{ ...picker, phone: '12345' }] } })],
      [DEMO.newParent, 'enrollment', 'bindChild', { ...KEXIN, studentName: big(31) }],
      [DEMO.parent, 'enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP, reason: big(201) }],
      [
        DEMO.parent,
        'agreement',
        'signAgreement',
        { applicationId: XIAOMING_APP, version: 1, textHash: '0'.repeat(64), image: { base64: 'A'.repeat(300_000) } },
      ],
      [DEMO.parent, 'feedback', 'submitFeedback', { studentId: XIAOMING, requestId: 'req-00000001', topic: 'other', text: big(501) }],
      [DEMO.admin, 'agreement', 'publishTemplate', { schoolId: SCHOOL, termId: TERM, sections: { rules: big(3001) } }],
      [DEMO.otherSchoolAdmin, 'disclosure', 'uploadAttachment', { ...QJ, key: 'plan', fileName: '方案.pdf', contentBase64: 'A'.repeat(3_000_000) }],
    ];
    const guardianships = await count('guardianships');
    for (const [openid, fn, action, data] of attempts) {
      const answer = (await cloud.call(openid, fn, action, data)) as any;
      expect({ action, code: answer.code }).toEqual({ action, code: 'INVALID_INPUT' });
      expect(answer.message).toMatch(/^输入有误：.*[\u4e00-\u9fff]/);
    }
    for (const collection of ['applications', 'hardshipDeclarations', 'signatures', 'feedback', 'agreementTemplates', 'audit']) {
      expect({ collection, total: await count(collection) }).toEqual({ collection, total: 0 });
    }
    expect(await count('guardianships')).toBe(guardianships);
  });

  it('binding never tells whether a child exists: a wrong name, number or code all get the same answer and count the same', async () => {
    const answers = [];
    for (const input of [
      { ...KEXIN, studentName: '朱可欣' }, // the child exists, the name is wrong
      { ...KEXIN, studentNo: '39999' }, // no such child
      { ...KEXIN, studentNo: '10101', studentName: '王小红' }, // a real child of another class
      { ...KEXIN, bindCode: 'NOPE99' }, // no such class
    ]) {
      answers.push((await cloud.call(DEMO.newParent, 'enrollment', 'bindChild', { ...input, guardianName: '新家长' })) as any);
    }
    expect(answers.map((a) => a.details.attemptsLeft)).toEqual([4, 3, 2, 1]);
    const withoutCount = (a: any) => ({ ...refusal(a), message: a.message.replace(/（.*）$/, '') });
    for (const answer of answers)
      expect(withoutCount(answer)).toEqual({ ok: false, code: 'NOT_FOUND', message: '信息不匹配：请核对孩子的姓名、学号和班主任发的班级码' });
    expect(await count('guardianships', { openid: DEMO.newParent })).toBe(0);
  });
});

describe('Identity comes from the WeChat context only: signed-out callers change nothing (verified safe)', () => {
  it('every writing action refuses a caller without an openid', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    const auditBefore = await count('audit');
    const before = await doc('applications', XIAOMING_APP);
    const attempts: ['enrollment' | 'agreement' | 'disclosure' | 'feedback', string, unknown][] = [
      ['enrollment', 'bindChild', KEXIN],
      ['enrollment', 'submitApplication', { studentId: XIAOMING, termId: TERM, ...choices() }],
      ['enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP }],
      ['enrollment', 'passFirstReview', { applicationId: XIAOMING_APP, revision: 1 }],
      ['enrollment', 'decideBinding', { guardianshipId: `${XIAOMING}:${DEMO.parent}`, decision: 'reject' }],
      ['enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 1 }],
      ['enrollment', 'importRoster', { schoolId: SCHOOL, file: { base64: 'AAAA' } }],
      ['agreement', 'signAgreement', { applicationId: XIAOMING_APP, version: 1, textHash: '0'.repeat(64), image: SIGNATURE }],
      ['agreement', 'publishTemplate', { schoolId: SCHOOL, termId: TERM, sections: {} }],
      ['disclosure', 'savePlan', { ...QJ, revision: 0, content: qijiangContent() }],
      ['disclosure', 'approvePlan', { ...QJ, version: 1 }],
      ['feedback', 'submitFeedback', { studentId: XIAOMING, requestId: 'req-00000001', topic: 'other', text: '没有登录的意见' }],
    ];
    for (const [fn, action, data] of attempts) {
      const answer = (await cloud.call(null, fn, action, data)) as any;
      expect({ action, ok: answer.ok }).toEqual({ action, ok: false });
      expect(['NOT_SIGNED_IN', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT']).toContain(answer.code);
    }
    expect(await count('audit')).toBe(auditBefore);
    expect(await doc('applications', XIAOMING_APP)).toEqual(before);
  });
});

describe('Every state change writes an audit entry (verified safe)', () => {
  it('a whole journey: binding, application, reviews, list, agreement, feedback', async () => {
    const bound = await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', { ...KEXIN, guardianName: '朱妈妈', relation: '母亲' });
    await cloud.ok(DEMO.teacher, 'enrollment', 'decideBinding', { guardianshipId: bindingRef(bound.guardianshipId), decision: 'confirm' });
    const { application } = await applyFor(cloud, DEMO.newParent, KEXIN_ID, {
      hardship: HARDSHIP,
      pickup: { mode: 'pickers', pickers: [{ name: '朱妈妈', relation: '母亲', phone: '13911112222' }] },
    });
    const id = application.applicationId as string;
    await teacherPass(cloud, id);
    await cloud.ok(DEMO.admin, 'enrollment', 'approveApplication', { applicationId: id, revision: 2 });
    await listAndFix(cloud);
    await publishAgreement(cloud);
    await signAgreement(cloud, DEMO.newParent, id);
    const fb = await cloud.ok(DEMO.newParent, 'feedback', 'submitFeedback', {
      studentId: KEXIN_ID,
      requestId: 'req-00000009',
      topic: 'time',
      text: '希望延长到六点。',
    });
    await cloud.ok(DEMO.committee, 'feedback', 'markFeedbackReviewed', { feedbackId: fb.id });
    await cloud.ok(DEMO.committee, 'feedback', 'answerFeedback', { feedbackId: fb.id, text: '已转学校研究', revision: 1 });

    const { data: audit } = await cloud.db.collection('audit').limit(100).get();
    const actions = new Set(audit.map((a: any) => a.action));
    for (const action of [
      'enrollment.bindChild',
      'enrollment.decideBinding',
      'enrollment.submitApplication',
      'enrollment.passFirstReview',
      'enrollment.approveApplication',
      'enrollment.postListing',
      'enrollment.fixListing',
      'agreement.publishTemplate',
      'agreement.signAgreement',
      'feedback.submitFeedback',
      'feedback.markFeedbackReviewed',
      'feedback.answerFeedback',
    ]) {
      expect(actions).toContain(action);
    }
    for (const entry of audit as any[]) expect(entry).toMatchObject({ openid: expect.stringMatching(/.+/), at: expect.anything(), targets: expect.any(Array) });
    // Each status change of the application has its entry (history: submitted → … → active).
    const app = await doc('applications', id);
    const onApp = (audit as any[]).filter((a) => a.targets.some((t: any) => t.collection === 'applications' && t.id === id));
    expect(onApp.length).toBeGreaterThanOrEqual(app.history.length);
    expect((audit as any[]).some((a) => a.targets.some((t: any) => t.collection === 'hardshipDeclarations' && t.id === id))).toBe(true);
    expect((audit as any[]).some((a) => a.targets.some((t: any) => t.collection === 'clubSeats' || t.collection === 'signatures'))).toBe(true);
  });
});

describe('Every input is bounded: fuzzed inputs to every action by every kind of caller (verified safe)', () => {
  const CALLERS = [null, DEMO.parent, DEMO.secondGuardian, DEMO.newParent, DEMO.teacher, DEMO.admin, DEMO.committee, DEMO.bureau, DEMO.otherSchoolAdmin];
  const KEYS = [
    'schoolId',
    'termId',
    'classId',
    'studentId',
    'applicationId',
    'guardianshipId',
    'feedbackId',
    'noticeId',
    'refundId',
    'signatureId',
    'listingId',
    'revision',
    'version',
    'decision',
    'reason',
    'text',
    'studentName',
    'studentNo',
    'bindCode',
    'guardianName',
    'relation',
    'days',
    'itemIds',
    'pickup',
    'hardship',
    'image',
    'file',
    'content',
    'sections',
    'from',
    'to',
    'date',
    'entries',
    'approve',
    'requestId',
    'topic',
    'listingDays',
    'effectiveDate',
    'comments',
    'reportKey',
    'year',
    'half',
    'key',
    'fileName',
    'contentBase64',
  ];
  const REAL = [XIAOMING, XIAOMING_APP, SCHOOL, TERM, DEMO_IDS.class32, DEMO.parent, `${XIAOMING_APP}:v1`, 'SFH302', '王小明', '2026-12-01'];
  const value = fc.oneof(
    fc.constantFrom(...REAL),
    fc.constantFrom(
      '',
      ' ',
      '../../etc/passwd',
      'cloud://local.kehou/roster/school-sfh-1/1.xlsx',
      '<script>alert(1)</script>',
      '__proto__',
      '字'.repeat(5000),
      '0'.repeat(64),
    ),
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 20 }),
    fc.object({ maxDepth: 2 }),
  );
  const input = fc.oneof(fc.constant({}), fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }), fc.jsonValue({ maxDepth: 2 }));

  /** Documents per collection; a failed binding attempt is counted (with its entry) by design, so those are left out. */
  const fingerprint = async () => {
    const counts: Record<string, number> = {};
    const _ = cloud.db.command;
    for (const name of cloud.runtime.database.listCollections().filter((c) => c !== 'bindAttempts')) {
      const where = name === 'audit' ? { summary: _.neq('绑定孩子：信息不匹配') } : {};
      counts[name] = (await cloud.db.collection(name).where(where).count()).total;
    }
    return counts;
  };

  // The action-based functions (the payments function takes WeChat Pay's results: fees-payments.test.ts forges them).
  it.each(Object.keys(CONTRACTS) as (keyof typeof CONTRACTS)[])(
    '%s: no input makes an action fail unhandled, answer too much, or write when it refuses',
    async (name) => {
      await approvedApplication(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
      const actions = cloudFunctions[name].actionNames ?? [];
      expect(actions.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const [a, action] of actions.entries()) {
        const samples = fc.sample(input, { numRuns: 6, seed: 13_000 + a + name.length * 100 });
        const before = await fingerprint();
        let answered = false;
        for (const data of samples) {
          for (const openid of CALLERS) {
            figures.fuzzed += 1;
            const answer = (await cloud.call(openid, name, action, data)) as any;
            const size = JSON.stringify(answer).length;
            answered ||= answer.ok;
            if (answer.code === 'INTERNAL') problems.push(`${name}.${action} as ${openid}: unhandled with ${JSON.stringify(data).slice(0, 200)}`);
            if (size > 100_000) problems.push(`${name}.${action} as ${openid}: answered ${size} bytes`);
            if (!answer.ok && !/[\u4e00-\u9fff]/.test(answer.message ?? '')) problems.push(`${name}.${action}: a refusal not in Chinese: ${answer.message}`);
          }
        }
        const after = await fingerprint();
        if (!answered && JSON.stringify(after) !== JSON.stringify(before))
          problems.push(`${name}.${action}: refused calls changed ${JSON.stringify({ before, after })}`);
      }
      expect(problems).toEqual([]);
    },
    60_000,
  );
});
