import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

describe('enrollment.getHome: identity comes from the WeChat context only', () => {
  it('a parent sees both children with their schools and classes', async () => {
    const home = await cloud.ok(DEMO.parent, 'enrollment', 'getHome');
    expect(home.roles).toEqual(['parent']);
    expect(home.children.map((c: any) => `${c.name}@${c.schoolName}/${c.className}`).sort()).toEqual([
      '王小明@绥芬河市第一小学/三年级(2)班',
      '王小红@绥芬河市第一小学/一年级(1)班',
    ]);
  });

  it('a second guardian sees only the child they are bound to', async () => {
    const home = await cloud.ok(DEMO.secondGuardian, 'enrollment', 'getHome');
    expect(home.children.map((c: any) => c.name)).toEqual(['王小明']);
  });

  it('staff see their school and class; the bureau sees its bureau', async () => {
    expect((await cloud.ok(DEMO.teacher, 'enrollment', 'getHome')).classes).toEqual([
      { classId: 'class-sfh-3-2', name: '三年级(2)班', schoolId: 'school-sfh-1' },
    ]);
    expect((await cloud.ok(DEMO.admin, 'enrollment', 'getHome')).schools).toEqual([
      { schoolId: 'school-sfh-1', name: '绥芬河市第一小学', profileId: 'suifenhe-2021', as: 'admin' },
    ]);
    expect((await cloud.ok(DEMO.bureau, 'enrollment', 'getHome')).bureauIds).toEqual(['bureau-suifenhe']);
  });

  it('an identity smuggled in the request body is ignored', async () => {
    const home = await cloud.runtime.call(
      'enrollment',
      { action: 'getHome', data: {}, userInfo: { openId: DEMO.parent }, openid: DEMO.parent },
      DEMO.otherSchoolParent,
    );
    expect(home.ok && (home.data as any).children.map((c: any) => c.name)).toEqual(['周子墨']);
  });

  it('a caller who is not signed in gets an empty home', async () => {
    const home = await cloud.ok(null, 'enrollment', 'getHome');
    expect(home.signedIn).toBe(false);
  });

  it('bad input gets a Chinese error and an unknown action is refused', async () => {
    const bad = await cloud.call(DEMO.parent, 'enrollment', 'getHome', { surprise: 1 });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((bad as any).message).toMatch(/不认识的字段/);
    expect(await cloud.call(DEMO.parent, 'enrollment', 'nope')).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION', message: '不支持的操作：nope' });
  });
});
