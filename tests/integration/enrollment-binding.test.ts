import { bindingRef } from '@kehou/shared';
import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

// 朱可馨, 三年级(2)班, 学号 30202: a child of the seeded roster without a guardian.
/** A wrong guess at the child's name (names hold no digits: 朱3馨 would be refused as input, not counted as a guess). */
const wrongGuess = (i: number) => `朱${'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月'[i]}馨`;
const KEXIN = { studentName: '朱可馨', studentNo: '30202', bindCode: 'SFH302', guardianName: '新家长', relation: '母亲', phone: '13900000099' };
const KEXIN_ID = 'stu-sfh-30202';
const GUARDIANSHIP = `${KEXIN_ID}:${DEMO.newParent}`;
/** What the teacher's queue shows and decides on: an opaque reference, not the id with the openid. */
const REF = bindingRef(GUARDIANSHIP);

describe('binding a parent to a child: name, student number and the class code, then the teacher confirms', () => {
  it('a new parent asks, the class teacher sees it and confirms, the parent is told and can apply', async () => {
    const asked = await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', KEXIN);
    // Until the class teacher confirms, the parent sees the child's name masked.
    expect(asked).toEqual({ guardianshipId: GUARDIANSHIP, status: 'pending', studentName: '朱*馨', className: '三年级(2)班', existing: false });

    const home = await cloud.ok(DEMO.newParent, 'enrollment', 'getHome');
    expect(home.children).toMatchObject([{ name: '朱*馨', bindingStatus: 'pending' }]);
    const pendingApply = await cloud.call(DEMO.newParent, 'enrollment', 'getApplicationForm', { studentId: KEXIN_ID });
    expect(pendingApply).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '您与孩子的绑定还在等待班主任确认' });

    const queue = await cloud.ok(DEMO.teacher, 'enrollment', 'getClassQueue', { classId: DEMO_IDS.class32 });
    expect(queue.bindings).toMatchObject([{ guardianshipId: REF, studentName: '朱可馨', studentNo: '30202', guardianName: '新家长', rosterMatch: false }]);
    expect(JSON.stringify(queue)).not.toContain(DEMO.newParent); // the teacher never sees the parent's openid
    expect((await cloud.ok(DEMO.teacher, 'enrollment', 'getHome')).tasks.pendingBindings).toBe(1);

    await cloud.ok(DEMO.teacher, 'enrollment', 'decideBinding', { guardianshipId: REF, decision: 'confirm' });
    expect(await cloud.sent(DEMO.newParent)).toMatchObject([
      { templateId: 'tmpl-enrollment-binding', data: { thing1: { value: '朱可馨' }, phrase2: { value: '已确认' } } },
    ]);
    const form = await cloud.ok(DEMO.newParent, 'enrollment', 'getApplicationForm', { studentId: KEXIN_ID });
    expect(form.student.name).toBe('朱可馨');
    expect((await cloud.ok(DEMO.newParent, 'enrollment', 'getHome')).children).toMatchObject([{ name: '朱可馨', bindingStatus: 'confirmed' }]);
    expect((await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', KEXIN)).studentName).toBe('朱可馨');
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
    for (const [i, data] of wrong.entries()) {
      expect(await cloud.call(DEMO.newParent, 'enrollment', 'bindChild', data)).toEqual({
        ok: false,
        code: 'NOT_FOUND',
        message: `信息不匹配：请核对孩子的姓名、学号和班主任发的班级码（今天还可以再试 ${4 - i} 次）`,
        details: { attemptsLeft: 4 - i },
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
      expect(await cloud.call(openid, 'enrollment', 'decideBinding', { guardianshipId: REF, decision: 'confirm' })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
    }
    // The school's admin decides only the class teacher's own requests.
    expect(await cloud.call(DEMO.admin, 'enrollment', 'decideBinding', { guardianshipId: REF, decision: 'confirm' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await cloud.call('demo-teacher-wu', 'enrollment', 'getClassQueue', { classId: DEMO_IDS.class32 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    await cloud.ok(DEMO.teacher, 'enrollment', 'decideBinding', { guardianshipId: REF, decision: 'reject' });
    expect((await cloud.sent(DEMO.newParent)).at(-1)?.data.phrase2.value).toBe('未通过');
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

describe('binding: guessing a child’s name is limited, and a match tells nothing before the teacher confirms', () => {
  /** More parents without a child, to guess from several accounts at once. */
  async function strangers(n: number): Promise<string[]> {
    const ids = Array.from({ length: n }, (_u, i) => `stranger-${i}`);
    await cloud.db.collection('users').add({ data: ids.map((_id) => ({ _id, name: '路人', roles: [] })) } as never);
    return ids;
  }

  it('the public list shows 朱*馨: 168 guesses of the middle character give at most 5 answers, and the right one comes too late', async () => {
    const guesses = Array.from({ length: 168 }, (_u, i) => `朱${String.fromCodePoint(0x4e00 + i)}馨`);
    const answers = [];
    for (const studentName of guesses) answers.push(await cloud.call(DEMO.newParent, 'enrollment', 'bindChild', { ...KEXIN, studentName }));
    const codes = answers.map((a: any) => a.code);
    expect(codes.filter((c) => c === 'NOT_FOUND')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(163);
    // Once refused, even the right name gets the same refusal: the limit is no oracle.
    const right = await cloud.call(DEMO.newParent, 'enrollment', 'bindChild', KEXIN);
    expect(right).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS', message: '今天核对失败已达 5 次。为保护孩子的信息，请明天再试，或请班主任帮忙核对' });
    expect((await cloud.db.collection('guardianships').where({ openid: DEMO.newParent }).count()).total).toBe(0);
    // Every failure is in the audit.
    expect((await cloud.db.collection('audit').where({ action: 'enrollment.bindChild', summary: '绑定孩子：信息不匹配' }).count()).total).toBe(5);
    // The next day (China time) the parent may try again.
    cloud.runtime.clock.advanceDays(1);
    expect((await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', KEXIN)).status).toBe('pending');
  });

  it('30 guesses sent at once still get only 5 answers (the count is taken in a transaction)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_u, i) => cloud.call(DEMO.newParent, 'enrollment', 'bindChild', { ...KEXIN, studentName: wrongGuess(i) })),
    );
    expect(answers.filter((a: any) => a.code === 'NOT_FOUND')).toHaveLength(5);
    expect(answers.filter((a: any) => a.code === 'TOO_MANY_ATTEMPTS')).toHaveLength(25);
  });

  it('many accounts together are limited per class: after 20 failures the class refuses everyone for the day', async () => {
    const accounts = await strangers(5);
    for (const openid of accounts.slice(0, 4)) {
      for (let i = 0; i < 5; i++) await cloud.call(openid, 'enrollment', 'bindChild', { ...KEXIN, studentName: wrongGuess(i) });
    }
    const fifth = await cloud.call(accounts[4], 'enrollment', 'bindChild', { ...KEXIN, guardianName: '路人' });
    expect(fifth).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS', message: expect.stringContaining('这个班级今天核对失败的次数太多') });
    // Another class is not affected.
    expect(
      (
        await cloud.ok(accounts[4], 'enrollment', 'bindChild', {
          studentName: '王小红',
          studentNo: '10101',
          bindCode: 'SFH101',
          guardianName: '路人',
          relation: '其他',
        })
      ).status,
    ).toBe('pending');
  });

  it('a successful binding does not count as a failure', async () => {
    for (let i = 0; i < 3; i++) await cloud.ok(DEMO.newParent, 'enrollment', 'bindChild', KEXIN);
    const wrong = await cloud.call(DEMO.newParent, 'enrollment', 'bindChild', { ...KEXIN, studentName: '朱可' });
    expect((wrong as any).details).toEqual({ attemptsLeft: 4 });
  });
});
