import { bindingRef } from '@kehou/shared';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

// 朱可馨, 三年级(2)班, 学号 30202: a child of the seeded roster without a guardian.
const KEXIN = { studentName: '朱可馨', studentNo: '30202', bindCode: 'SFH302', guardianName: '新家长', relation: '母亲', phone: '13900000099' };
const KEXIN_ID = 'stu-sfh-30202';
const GUARDIANSHIP = `${KEXIN_ID}:${DEMO.newParent}`;
/** What the teacher's queue shows and decides on: an opaque reference, not the id with the openid. */
const REF = bindingRef(GUARDIANSHIP);

describe('binding a parent to a child: name, student number and the class code, then the teacher confirms', () => {
  it('a new parent asks, the class teacher sees it and confirms, the parent is told and can apply', async () => {
    const asked = await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', KEXIN);
    expect(asked).toEqual({ guardianshipId: GUARDIANSHIP, status: 'pending', studentName: '朱可馨', className: '三年级(2)班', existing: false });

    const home = await cloud.ok(DEMO.newParent, 'enrollment', 'getHome');
    expect(home.children).toMatchObject([{ name: '朱可馨', bindingStatus: 'pending' }]);
    const pendingApply = await cloud.call(DEMO.newParent, 'enrollment', 'getApplicationForm', { studentId: KEXIN_ID });
    expect(pendingApply).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '您与孩子的绑定还在等待班主任确认' });

    const queue = await cloud.ok(DEMO.teacher, 'enrollment', 'getClassQueue', { classId: DEMO_IDS.class32 });
    expect(queue.bindings).toMatchObject([{ guardianshipId: REF, studentName: '朱可馨', studentNo: '30202', guardianName: '新家长', rosterMatch: false }]);
    expect(JSON.stringify(queue)).not.toContain(DEMO.newParent); // the teacher never sees the parent's openid
    expect((await cloud.ok(DEMO.teacher, 'enrollment', 'getHome')).tasks.pendingBindings).toBe(1);

    await cloud.ok(DEMO.teacher, 'enrollment', 'decideBinding', { guardianshipId: REF, decision: 'confirm' });
    expect(cloud.runtime.outbox.list(DEMO.newParent)).toMatchObject([
      { templateId: 'tmpl-enrollment-binding', data: { thing1: { value: '朱可馨' }, phrase2: { value: '已确认' } } },
    ]);
    const form = await cloud.ok(DEMO.newParent, 'enrollment', 'getApplicationForm', { studentId: KEXIN_ID });
    expect(form.student.name).toBe('朱可馨');
  });

  it('asking again creates nothing twice, also when two taps arrive together', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', KEXIN)));
    expect(answers.filter((a) => !a.existing)).toHaveLength(1);
    expect((await cloud.db.collection('guardianships').where({ studentId: KEXIN_ID }).count()).total).toBe(1);
  });

  it('a wrong code, number or name gets the same plain answer, which never tells whether the child exists', async () => {
    const wrong = [
      { ...KEXIN, bindCode: 'SFH101' },
      { ...KEXIN, bindCode: 'NOPE99' },
      { ...KEXIN, studentNo: '39999' },
      { ...KEXIN, studentName: '朱可' },
    ];
    for (const data of wrong) {
      expect(await cloud.call(DEMO.newParent, 'enrollment', 'bindChild', data)).toEqual({
        ok: false,
        code: 'NOT_FOUND',
        message: '信息不匹配：请核对孩子的姓名、学号和班主任发的班级码',
      });
    }
    expect((await cloud.db.collection('guardianships').where({ openid: DEMO.newParent }).count()).total).toBe(0);
  });

  it('the class code is not case sensitive and surrounding spaces do not matter', async () => {
    expect((await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', { ...KEXIN, bindCode: ' sfh302 ', studentName: '朱 可馨' })).status).toBe('pending');
  });

  it('only the class teacher of that class decides; a turned-down parent may ask again', async () => {
    await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', KEXIN);
    // Outside the request's class and school it is as if there were none.
    for (const openid of [DEMO.newParent, DEMO.parent, 'demo-teacher-wu', 'demo-teacher-he', DEMO.committee]) {
      expect(await cloud.call(openid, 'enrollment', 'decideBinding', { guardianshipId: REF, decision: 'confirm' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    // The school's admin decides only the class teacher's own requests.
    expect(await cloud.call(DEMO.admin, 'enrollment', 'decideBinding', { guardianshipId: REF, decision: 'confirm' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call('demo-teacher-wu', 'enrollment', 'getClassQueue', { classId: DEMO_IDS.class32 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    await cloud.ok(DEMO.teacher, 'enrollment', 'decideBinding', { guardianshipId: REF, decision: 'reject' });
    expect(cloud.runtime.outbox.list(DEMO.newParent).at(-1)?.data.phrase2.value).toBe('未通过');
    expect(await cloud.call(DEMO.newParent, 'enrollment', 'getApplicationForm', { studentId: KEXIN_ID })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', KEXIN)).status).toBe('pending');
    expect(await cloud.call(DEMO.teacher, 'enrollment', 'decideBinding', { guardianshipId: REF, decision: 'confirm' })).toMatchObject({ ok: true });
  });

  it('a child can have several guardians and a parent several children', async () => {
    await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', KEXIN);
    await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', { ...KEXIN, studentName: '刘浩然', studentNo: '30203' });
    await cloud.ok(DEMO.parent, 'enrollment', 'bindChild', { ...KEXIN, guardianName: '王建国', relation: '舅舅' });
    const queue = await cloud.ok(DEMO.teacher, 'enrollment', 'getClassQueue', { classId: DEMO_IDS.class32 });
    expect(queue.bindings.map((b: any) => `${b.studentName}/${b.guardianName}`).sort()).toEqual(['刘浩然/新家长', '朱可馨/新家长', '朱可馨/王建国']);
    for (const b of queue.bindings) await cloud.ok(DEMO.teacher, 'enrollment', 'decideBinding', { guardianshipId: b.guardianshipId, decision: 'confirm' });
    expect((await cloud.ok(DEMO.newParent, 'enrollment', 'listMyApplications')).map((c: any) => c.name).sort()).toEqual(['刘浩然', '朱可馨']);
    expect((await cloud.ok(DEMO.parent, 'enrollment', 'listMyApplications')).map((c: any) => c.name).sort()).toEqual(['朱可馨', '王小明', '王小红']);
  });

  it('the shared enrolment page leads a parent to binding or applying', async () => {
    const stranger = await cloud.ok(DEMO.newParent, 'enrollment', 'getEnrolmentEntry', { schoolId: DEMO_IDS.suifenheSchool });
    expect(stranger).toMatchObject({ schoolName: '绥芬河市第一小学', termId: DEMO_IDS.suifenheTerm, open: true, signedIn: true, children: [] });
    const parent = await cloud.ok(DEMO.parent, 'enrollment', 'getEnrolmentEntry', { schoolId: DEMO_IDS.suifenheSchool });
    expect(parent.children.map((c: any) => `${c.name}:${c.bindingStatus}:${c.status}`).sort()).toEqual(['王小明:confirmed:null', '王小红:confirmed:null']);
    const otherSchool = await cloud.ok(DEMO.otherSchoolParent, 'enrollment', 'getEnrolmentEntry', { schoolId: DEMO_IDS.suifenheSchool });
    expect(otherSchool.children).toEqual([]);
  });
});
