import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { SIGNATURE } from '../support/signature';
import {
  adminApprove,
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

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

const revision = async (id: string) => ((await cloud.db.collection('applications').doc(id).get()).data as { revision: number }).revision;
const outboxFor = (openid: string) => cloud.sent(openid);

describe('applying: the parent chooses freely from the published plan', () => {
  it('the form shows the published plan with nothing chosen, and the application is one per child and term', async () => {
    const form = await cloud.ok(DEMO.parent, 'enrollment', 'getApplicationForm', { studentId: XIAOMING });
    expect(form.publication.items.map((i: any) => i.id)).toEqual(['basic-care', 'club-basketball', 'club-calligraphy']);
    expect(form.publication.weekdays).toEqual([1, 2, 3, 4, 5]);
    expect(form.application).toBeNull();
    expect(form.hardship).toBeNull();

    const { application, existing } = await applyFor(cloud, DEMO.parent, XIAOMING, { days: [2, 4], itemIds: ['basic-care', 'club-basketball'] });
    expect(existing).toBe(false);
    expect(application).toMatchObject({ applicationId: XIAOMING_APP, status: 'submitted', days: [2, 4], studentName: '王小明', className: '三年级(2)班' });
    expect(application.items.map((i: any) => `${i.itemId}:${i.placement}`)).toEqual(['basic-care:basic', 'club-basketball:pending']);
  });

  it('bad choices get a Chinese error and write nothing', async () => {
    const nothing = await cloud.call(DEMO.parent, 'enrollment', 'submitApplication', { studentId: XIAOMING, termId: TERM, ...choices({ itemIds: [] }) });
    expect(nothing).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((nothing as any).message).toMatch(/请选择至少一个项目/);
    const noDays = await cloud.call(DEMO.parent, 'enrollment', 'submitApplication', { studentId: XIAOMING, termId: TERM, ...choices({ days: [] }) });
    expect((noDays as any).message).toMatch(/请选择参加哪几天/);
    const offDay = await cloud.call(DEMO.parent, 'enrollment', 'submitApplication', {
      studentId: XIAOMING,
      termId: TERM,
      ...choices({ days: [1], itemIds: ['club-calligraphy'] }),
    });
    expect((offDay as any).message).toBe('「书法社」在周三，请至少选择其中一天');
    const unknown = await cloud.call(DEMO.parent, 'enrollment', 'submitApplication', {
      studentId: XIAOMING,
      termId: TERM,
      ...choices({ itemIds: ['club-chess'] }),
    });
    expect((unknown as any).message).toMatch(/不在学校公布的方案中/);
    const badPhone = await cloud.call(DEMO.parent, 'enrollment', 'submitApplication', {
      studentId: XIAOMING,
      termId: TERM,
      ...choices({ pickup: { mode: 'pickers', pickers: [{ name: '李梅', relation: '母亲', phone: '123' }] } }),
    });
    expect(badPhone).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    const noPickup = await cloud.call(DEMO.parent, 'enrollment', 'submitApplication', {
      studentId: XIAOMING,
      termId: TERM,
      days: [1],
      itemIds: ['basic-care'],
    });
    expect((noPickup as any).message).toMatch(/「接送安排」必须填写/);
    expect((noPickup as any).message).not.toMatch(/pickup/);
    expect((await cloud.db.collection('applications').count()).total).toBe(0);
  });

  it('a double tap and a retry create one application; the second answer is the existing one', async () => {
    const data = { studentId: XIAOMING, termId: TERM, ...choices() };
    const answers = await Promise.all([1, 2, 3].map(() => cloud.call(DEMO.parent, 'enrollment', 'submitApplication', data)));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.map((a: any) => a.data.existing).sort()).toEqual([false, true, true]);
    const retry = await cloud.ok(DEMO.secondGuardian, 'enrollment', 'submitApplication', { ...data, days: [1] });
    expect(retry.existing).toBe(true);
    expect(retry.application.days).toEqual([1, 2, 3, 4, 5]);
    expect((await cloud.db.collection('applications').where({ studentId: XIAOMING }).count()).total).toBe(1);
    expect((await outboxFor(DEMO.parent)).filter((m) => m.templateId === 'tmpl-enrollment-status')).toHaveLength(1);
  });

  it('every status change reaches every confirmed guardian of the child', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    for (const openid of [DEMO.parent, DEMO.secondGuardian]) {
      const [message] = await outboxFor(openid);
      expect(message).toMatchObject({ templateId: 'tmpl-enrollment-status', data: { thing1: { value: '王小明' }, phrase2: { value: '待初审' } } });
    }
    expect(await outboxFor(DEMO.otherSchoolParent)).toHaveLength(0);
  });
});

describe('reviews can pass or send back, never refuse', () => {
  it('submitted → teacher-reviewed → approved, each notified', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    expect((await teacherPass(cloud, XIAOMING_APP)).status).toBe('teacher-reviewed');
    expect((await adminApprove(cloud, XIAOMING_APP)).status).toBe('approved');
    expect((await outboxFor(DEMO.secondGuardian)).map((m) => m.data.phrase2.value)).toEqual(['待初审', '待学校审核', '审核通过']);
  });

  it('the class teacher sends an application back with a reason; the parent corrects and resubmits', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    const noReason = await cloud.call(DEMO.teacher, 'enrollment', 'returnApplication', { applicationId: XIAOMING_APP, revision: 1 });
    expect((noReason as any).message).toMatch(/退回时请写明需要修改的地方/);
    await cloud.ok(DEMO.teacher, 'enrollment', 'returnApplication', { applicationId: XIAOMING_APP, revision: 1, reason: '请补充第二位接送人' });
    const returned = await cloud.ok(DEMO.parent, 'enrollment', 'getApplication', { applicationId: XIAOMING_APP });
    expect(returned).toMatchObject({ status: 'returned', returnReason: '请补充第二位接送人' });

    const resubmitted = await cloud.ok(DEMO.parent, 'enrollment', 'resubmitApplication', {
      applicationId: XIAOMING_APP,
      revision: returned.revision,
      ...choices({
        pickup: {
          mode: 'pickers',
          pickers: [
            { name: '王建国', relation: '父亲', phone: '13900000001' },
            { name: '李梅', relation: '母亲', phone: '13900000002' },
          ],
        },
      }),
    });
    expect(resubmitted.application.status).toBe('submitted');
    expect(resubmitted.application.returnReason).toBeUndefined();
    expect(resubmitted.application.pickup.pickers).toHaveLength(2);
  });

  it('the school can only review after the class teacher, and may also send back', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    const early = await cloud.call(DEMO.admin, 'enrollment', 'approveApplication', { applicationId: XIAOMING_APP, revision: 1 });
    expect(early).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '班主任尚未审核这份报名' });
    await teacherPass(cloud, XIAOMING_APP);
    await cloud.ok(DEMO.admin, 'enrollment', 'returnApplication', { applicationId: XIAOMING_APP, revision: 2, reason: '接送人电话有误' });
    expect(await statusOf(cloud, XIAOMING_APP)).toBe('returned');
  });

  it('a review based on an older version of the application is refused (refresh first)', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    const stale = await cloud.call(DEMO.teacher, 'enrollment', 'passFirstReview', { applicationId: XIAOMING_APP, revision: 0 });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('two reviews of the same application at once: exactly one wins', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    const answers = await Promise.all([
      cloud.call(DEMO.teacher, 'enrollment', 'passFirstReview', { applicationId: XIAOMING_APP, revision: 1 }),
      cloud.call(DEMO.teacher, 'enrollment', 'returnApplication', { applicationId: XIAOMING_APP, revision: 1, reason: '请核对' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)[0]).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('public listing, fixing the list, signing, active', () => {
  it('the admin posts approved applications for a listing period; signing waits until the list is fixed', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING);
    const posted = await cloud.ok(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 3 });
    expect(posted.count).toBe(1);
    const listed = await cloud.ok(DEMO.parent, 'enrollment', 'getApplication', { applicationId: XIAOMING_APP });
    expect(listed).toMatchObject({ status: 'listed', listFixed: false });

    const app = (await cloud.db.collection('applications').doc(XIAOMING_APP).get()).data as any;
    expect({ studentName: app.studentName, className: app.className }).toEqual({ studentName: '王小明', className: '三年级(2)班' });

    const early = await cloud.call(DEMO.admin, 'enrollment', 'fixListing', { listingId: posted.listingId });
    expect(early).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect((early as any).message).toMatch(/公示期到 .* 结束，结束后才能确定名单/);

    await publishAgreement(cloud);
    const view = await cloud.ok(DEMO.parent, 'agreement', 'getAgreement', { applicationId: XIAOMING_APP });
    expect(view.canSign).toBe(false);
    expect(view.reason).toMatch(/名单公示中/);
    const sign = await cloud.call(DEMO.parent, 'agreement', 'signAgreement', {
      applicationId: XIAOMING_APP,
      version: 1,
      textHash: view.agreement.textHash,
      image: SIGNATURE,
    });
    expect(sign).toMatchObject({ ok: false, code: 'INVALID_STATE' });

    // The listing period ends: the clock moves on three days.
    cloud.runtime.clock.advanceDays(3.01);
    await cloud.ok(DEMO.admin, 'enrollment', 'fixListing', { listingId: posted.listingId });
    expect((await cloud.ok(DEMO.parent, 'enrollment', 'getApplication', { applicationId: XIAOMING_APP })).canSign).toBe(true);
    expect((await outboxFor(DEMO.parent)).filter((m) => m.templateId === 'tmpl-enrollment-agreement').map((m) => m.data.thing3.value)).toEqual([
      '名单已确定，请阅读并签署协议',
    ]);
    expect((await signAgreement(cloud, DEMO.parent, XIAOMING_APP)).status).toBe('active');
  });

  it('nothing to post is said plainly; fixing twice is harmless', async () => {
    expect(await cloud.call(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 0 })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('公示期至少 1 天'),
    });
    expect(await cloud.call(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 1 })).toMatchObject({
      ok: false,
      message: '没有待公示的报名',
    });
    await approvedApplication(cloud, DEMO.parent, XIAOMING);
    const listingId = await listAndFix(cloud);
    expect((await cloud.ok(DEMO.admin, 'enrollment', 'fixListing', { listingId })).count).toBe(0);
  });

  it('the home pages count what waits for the teacher and the admin', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    expect((await cloud.ok(DEMO.teacher, 'enrollment', 'getHome')).tasks).toMatchObject({ toReview: 1, pendingBindings: 0 });
    await teacherPass(cloud, XIAOMING_APP);
    expect((await cloud.ok(DEMO.admin, 'enrollment', 'getHome')).tasks).toMatchObject({ toApprove: 1, toList: 0 });
    await adminApprove(cloud, XIAOMING_APP);
    expect((await cloud.ok(DEMO.admin, 'enrollment', 'getHome')).tasks).toMatchObject({ toApprove: 0, toList: 1 });
    await cloud.ok(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 1 });
    expect((await cloud.ok(DEMO.admin, 'enrollment', 'getHome')).tasks).toMatchObject({ toList: 0, listingsToFix: 0 });
    cloud.runtime.clock.advanceDays(1.01);
    expect((await cloud.ok(DEMO.admin, 'enrollment', 'getHome')).tasks).toMatchObject({ toList: 0, listingsToFix: 1 });
    expect((await cloud.ok(DEMO.parent, 'enrollment', 'getHome')).tasks).toBeUndefined();
  });
});

describe('withdrawal', () => {
  it('before approval the parent cancels at once; the application can be submitted again', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    const { application } = await cloud.ok(DEMO.parent, 'enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP });
    expect(application.status).toBe('withdrawn');
    const again = await cloud.ok(DEMO.parent, 'enrollment', 'resubmitApplication', {
      applicationId: XIAOMING_APP,
      revision: application.revision,
      ...choices(),
    });
    expect(again.application.status).toBe('submitted');
  });

  it('after approval the parent applies with an effective date and the school approves or declines', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING);
    await listAndFix(cloud);
    await publishAgreement(cloud);
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);

    const noDate = await cloud.call(DEMO.parent, 'enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP });
    expect(noDate).toMatchObject({ ok: false, message: '请填写退出的生效日期' });
    const past = await cloud.call(DEMO.parent, 'enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP, effectiveDate: '2020-01-01' });
    expect((past as any).message).toBe('生效日期不能早于今天');

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const requested = await cloud.ok(DEMO.secondGuardian, 'enrollment', 'withdrawApplication', {
      applicationId: XIAOMING_APP,
      effectiveDate: today,
      reason: '家里老人可以接送',
    });
    expect(requested.application).toMatchObject({ status: 'withdrawal-requested', withdrawal: { effectiveDate: today, reason: '家里老人可以接送' } });
    expect(
      (await cloud.ok(DEMO.admin, 'enrollment', 'listSchoolApplications', { schoolId: SCHOOL, status: ['withdrawal-requested'] })).rows.map(
        (r: any) => r.applicationId,
      ),
    ).toEqual([XIAOMING_APP]);

    await cloud.ok(DEMO.admin, 'enrollment', 'decideWithdrawal', { applicationId: XIAOMING_APP, decision: 'reject', note: '本月已缴费，请下月再申请' });
    expect(await statusOf(cloud, XIAOMING_APP)).toBe('active');

    await cloud.ok(DEMO.parent, 'enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP, effectiveDate: today });
    await cloud.ok(DEMO.admin, 'enrollment', 'decideWithdrawal', { applicationId: XIAOMING_APP, decision: 'approve' });
    expect(await statusOf(cloud, XIAOMING_APP)).toBe('withdrawn');
    expect((await outboxFor(DEMO.parent)).at(-1)?.data.phrase2.value).toBe('已退出');
  });

  it('joining again mid-term after withdrawing follows the normal flow and signs anew', async () => {
    await approvedApplication(cloud, DEMO.parent, XIAOMING);
    await listAndFix(cloud);
    await publishAgreement(cloud);
    await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await cloud.ok(DEMO.parent, 'enrollment', 'withdrawApplication', { applicationId: XIAOMING_APP, effectiveDate: today });
    await cloud.ok(DEMO.admin, 'enrollment', 'decideWithdrawal', { applicationId: XIAOMING_APP, decision: 'approve' });

    const again = await cloud.ok(DEMO.parent, 'enrollment', 'resubmitApplication', {
      applicationId: XIAOMING_APP,
      revision: await revision(XIAOMING_APP),
      ...choices(),
    });
    expect(again.application).toMatchObject({ status: 'submitted', signedVersion: 0 });
    await teacherPass(cloud, XIAOMING_APP);
    await adminApprove(cloud, XIAOMING_APP);
    await listAndFix(cloud);
    const signed = await signAgreement(cloud, DEMO.parent, XIAOMING_APP);
    expect(signed).toMatchObject({ status: 'active', existing: false, signatureId: `${XIAOMING_APP}:r2:v1` });
  });
});
