import { EDITABLE_SECTIONS } from '@kehou/shared';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { applyFor, approvedApplication, choices, listAndFix, SCHOOL, TERM, teacherPass, XIAOMING, XIAOMING_APP } from './enrollment-fixtures';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

const refused = async (openid: string | null, fn: 'enrollment' | 'agreement', action: string, data: unknown) => {
  const answer = await cloud.call(openid, fn, action, data);
  expect(answer.ok).toBe(false);
  expect(['FORBIDDEN', 'NOT_FOUND', 'NOT_SIGNED_IN']).toContain((answer as any).code);
  return answer as { ok: false; code: string; message: string };
};

const HARDSHIP = { kind: 'subsistence', note: '父亲失业，低保证号 2301xxxx' };

describe('every action checks role and scope', () => {
  it('周女士 (a parent of another school) is refused everything at 绥芬河市第一小学', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
    const zhou = DEMO.otherSchoolParent;
    await refused(zhou, 'enrollment', 'getApplicationForm', { studentId: XIAOMING });
    await refused(zhou, 'enrollment', 'submitApplication', { studentId: XIAOMING, termId: TERM, ...choices() });
    await refused(zhou, 'enrollment', 'getApplication', { applicationId: XIAOMING_APP });
    await refused(zhou, 'enrollment', 'resubmitApplication', { applicationId: XIAOMING_APP, revision: 1, ...choices() });
    await refused(zhou, 'enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP });
    await refused(zhou, 'enrollment', 'passFirstReview', { applicationId: XIAOMING_APP, revision: 1 });
    await refused(zhou, 'enrollment', 'approveApplication', { applicationId: XIAOMING_APP, revision: 1 });
    await refused(zhou, 'enrollment', 'getClassQueue', { classId: DEMO_IDS.class32 });
    await refused(zhou, 'enrollment', 'getSchoolQueue', { schoolId: SCHOOL });
    await refused(zhou, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 1 });
    await refused(zhou, 'enrollment', 'getHardship', { applicationId: XIAOMING_APP });
    await refused(zhou, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP });
    await refused(zhou, 'agreement', 'listSignatures', { applicationId: XIAOMING_APP });
    await refused(zhou, 'agreement', 'getTemplateDraft', { schoolId: SCHOOL, termId: TERM });
    expect((await cloud.ok(zhou, 'enrollment', 'listMyApplications')).map((c: any) => c.name)).toEqual(['周子墨']);
    // Nothing was changed by any of it.
    expect((await cloud.db.collection('applications').doc(XIAOMING_APP).get()).data).toMatchObject({ status: 'submitted', revision: 1 });
  });

  it('a parent acts only for their own children; a missing application looks the same as someone else’s', async () => {
    const [a, b] = [
      await refused(DEMO.newParent, 'enrollment', 'getApplication', { applicationId: XIAOMING_APP }),
      await refused(DEMO.newParent, 'enrollment', 'getApplication', { applicationId: 'stu-none:term' }),
    ];
    expect(a).toEqual(b);
    await refused(DEMO.secondGuardian, 'enrollment', 'getApplicationForm', { studentId: DEMO_IDS.childXiaohong });
  });

  it('teachers act only for their class, admins only for their school; a parent cannot review', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    await refused('demo-teacher-wu', 'enrollment', 'passFirstReview', { applicationId: XIAOMING_APP, revision: 1 });
    await refused(DEMO.parent, 'enrollment', 'passFirstReview', { applicationId: XIAOMING_APP, revision: 1 });
    await refused(DEMO.admin, 'enrollment', 'passFirstReview', { applicationId: XIAOMING_APP, revision: 1 });
    await teacherPass(cloud, XIAOMING_APP);
    await refused(DEMO.otherSchoolAdmin, 'enrollment', 'approveApplication', { applicationId: XIAOMING_APP, revision: 2 });
    await refused(DEMO.teacher, 'enrollment', 'approveApplication', { applicationId: XIAOMING_APP, revision: 2 });
    await refused(DEMO.committee, 'enrollment', 'approveApplication', { applicationId: XIAOMING_APP, revision: 2 });
    await refused(DEMO.otherSchoolAdmin, 'enrollment', 'getSchoolQueue', { schoolId: SCHOOL });
    const sections = Object.fromEntries(EDITABLE_SECTIONS.map((key) => [key, '这是一段足够长的协议条款内容。']));
    await refused(DEMO.otherSchoolAdmin, 'agreement', 'publishTemplate', { schoolId: SCHOOL, termId: TERM, sections });
    await refused(DEMO.teacher, 'agreement', 'publishTemplate', { schoolId: SCHOOL, termId: TERM, sections });
    await refused(null, 'enrollment', 'submitApplication', { studentId: XIAOMING, termId: TERM, ...choices() });
  });

  it('withdrawals are decided by the school only', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING);
    await listAndFix(cloud);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await cloud.ok(DEMO.parent, 'enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP, effectiveDate: today });
    await refused(DEMO.parent, 'enrollment', 'decideWithdrawal', { applicationId: XIAOMING_APP, decision: 'approve' });
    await refused(DEMO.teacher, 'enrollment', 'decideWithdrawal', { applicationId: XIAOMING_APP, decision: 'approve' });
    await refused(DEMO.otherSchoolAdmin, 'enrollment', 'decideWithdrawal', { applicationId: XIAOMING_APP, decision: 'approve' });
    await refused(DEMO.otherSchoolAdmin, 'enrollment', 'fixListing', { listingId: `${SCHOOL}:${TERM}:L1` });
  });
});

describe('hardship: the school admin and the child’s class teacher only, never on a list', () => {
  it('is stored apart from the application and read only by the admin and the class teacher', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
    const app = (await cloud.db.collection('applications').doc(XIAOMING_APP).get()).data;
    expect(JSON.stringify(app)).not.toMatch(/subsistence|低保|hardship/);

    for (const openid of [DEMO.teacher, DEMO.admin]) {
      expect(await cloud.ok(openid, 'enrollment', 'getHardship', { applicationId: XIAOMING_APP })).toMatchObject({
        declared: true,
        kind: 'subsistence',
        label: '低保家庭',
        note: HARDSHIP.note,
      });
    }
    for (const openid of [
      DEMO.parent,
      DEMO.secondGuardian,
      DEMO.newParent,
      'demo-teacher-wu',
      DEMO.committee,
      DEMO.bureau,
      DEMO.otherSchoolAdmin,
      DEMO.otherSchoolParent,
    ]) {
      await refused(openid, 'enrollment', 'getHardship', { applicationId: XIAOMING_APP });
    }
    const teacherRow = (await cloud.ok(DEMO.teacher, 'enrollment', 'listClassApplications', { classId: DEMO_IDS.class32, status: ['submitted'] })).rows[0];
    expect(teacherRow.hardship).toMatchObject({ kind: 'subsistence' });
  });

  it('never reaches a parent’s view, the public list fields or the notifications', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
    await listAndFix(cloud);
    const view = await cloud.ok(DEMO.secondGuardian, 'enrollment', 'getApplication', { applicationId: XIAOMING_APP });
    expect(view.hardshipDeclared).toBe(true);
    expect(JSON.stringify(view)).not.toMatch(/subsistence|低保|2301/);
    const home = await cloud.ok(DEMO.parent, 'enrollment', 'listMyApplications');
    expect(JSON.stringify(home)).not.toMatch(/subsistence|低保|2301/);
    const outbox = JSON.stringify(await cloud.sent());
    expect(outbox).not.toMatch(/subsistence|低保|困难|2301/);
    // What the public page reads: applications on the list, with name and class only.
    const listed = (await cloud.db.collection('applications').where({ schoolId: SCHOOL, termId: TERM, status: 'listed' }).get()).data;
    expect(JSON.stringify(listed)).not.toMatch(/subsistence|低保|2301/);
  });

  it('can be withdrawn by the family when correcting the application', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING, { hardship: HARDSHIP });
    await cloud.ok(DEMO.teacher, 'enrollment', 'returnApplication', { applicationId: XIAOMING_APP, revision: 1, reason: '请核对接送人' });
    const form = await cloud.ok(DEMO.parent, 'enrollment', 'getApplicationForm', { studentId: XIAOMING });
    expect(form.hardship).toEqual({ kind: 'subsistence', note: HARDSHIP.note });
    await cloud.ok(DEMO.parent, 'enrollment', 'resubmitApplication', { applicationId: XIAOMING_APP, revision: 2, ...choices(), hardship: null });
    expect(await cloud.ok(DEMO.admin, 'enrollment', 'getHardship', { applicationId: XIAOMING_APP })).toEqual({ declared: false });
  });
});
