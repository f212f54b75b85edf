import { DEMO_IDS } from '../support/runtime';
import { WeappBundle } from './harness/bundle';
import { WeappCloud } from './harness/cloud';
import type { MiniProgram } from './harness/mini-program';
import { ROUTES, type SeedFacts, seedFacts } from './routes';

/**
 * The built mini-program, page by page: every route of app.json opens and renders without a page
 * error, signed out and as the role it is for, with real query parameters from the demo data; and
 * what only WeChat has — share cards, the share menu, cloud init, package boundaries — is right.
 */
const bundle = new WeappBundle();
let world: WeappCloud;
let facts: SeedFacts;
const phones = new Map<string, MiniProgram>();

beforeAll(async () => {
  world = await WeappCloud.start();
  facts = await seedFacts(world);
});
afterAll(() => world?.close());

/** One phone per person, reused page after page (each page opened as its own entry). */
async function phoneOf(owner: string | null): Promise<MiniProgram> {
  const key = owner ?? '（未登录）';
  let phone = phones.get(key);
  if (!phone) {
    phone = owner ? await world.as(owner, '/pages/index/index') : await world.visitor('/pages/index/index');
    phones.set(key, phone);
  }
  return phone;
}

/** Opens the route and waits until it has loaded; returns the page errors it caused. */
async function render(phone: MiniProgram, route: string): Promise<string[]> {
  const before = phone.errors.length;
  await phone.openPage(route, ROUTES[route].query?.(facts) ?? {});
  await phone.waitFor(() => !phone.text().includes('加载中…'), `${route} 加载完成`);
  expect(phone.routes).toEqual([route]);
  expect(phone.text().trim()).not.toBe('');
  return phone.errors.slice(before);
}

describe('every route of app.json', () => {
  it('has an owner and a query in the route table (tests/weapp/routes.ts)', () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...bundle.routes].sort());
  });

  describe.each(bundle.routes)('%s', (route) => {
    it('renders signed out', async () => {
      expect(await render(await phoneOf(null), route)).toEqual([]);
    });

    it('renders for its owner, with its data', async () => {
      const phone = await phoneOf(ROUTES[route]?.owner ?? null);
      expect(await render(phone, route)).toEqual([]);
      expect(phone.findAll('.error-card').map((el) => el.textContent)).toEqual([]);
    });
  });
});

describe('what only the mini-program has', () => {
  it.each(['pages/index/index', 'parent/enrol/index'])('Taro.cloud.init runs in App.onLaunch, before the first call (entry %s)', async (route) => {
    const phone = await world.as('王建国', `/${route}?schoolId=${DEMO_IDS.suifenheSchool}`);
    const apis = phone.calls.map((c) => c.api);
    const init = apis.indexOf('cloud.init');
    expect(init).toBeGreaterThanOrEqual(0);
    expect(phone.calls[init].route).toBeNull();
    expect(apis.indexOf('cloud.callFunction')).toBeGreaterThan(init);
    expect(phone.callsOf('cloud.callFunction').every((c) => c.route !== null)).toBe(true);
  });

  it.each([
    ['parent/enrol/index', '王建国', { schoolId: DEMO_IDS.suifenheSchool, termId: DEMO_IDS.suifenheTerm }],
    ['public/term/index', null, { schoolId: DEMO_IDS.suifenheSchool, termId: DEMO_IDS.suifenheTerm }],
    ['parent/home/index', '王建国', {}],
  ] as const)('%s turns the share menu on and shares a card that opens in app.json', async (route, owner, query) => {
    const phone = await phoneOf(owner);
    await phone.openPage(route, query);
    await phone.waitFor(() => !phone.text().includes('加载中…'), `${route} 加载完成`);
    expect(phone.shareMenu).toMatchObject({ withShareTicket: true });
    expect(typeof phone.top!.definition.onShareAppMessage).toBe('function');
    const card = phone.shareContent();
    // The school and the term, never a child.
    expect(card?.title).toMatch(/^绥芬河市第一小学.*学期课后服务/);
    expect(card?.title).not.toMatch(/王小明|王小红/);
    expect(card?.path).toMatch(/^\//);
    const sharedRoute = card!.path!.slice(1).split('?')[0];
    expect(bundle.hasRoute(sharedRoute)).toBe(true);

    // Someone in the group opens the card: the page it names renders for them.
    const friend = await world.visitor(card!.path!, 1044);
    await friend.waitFor(() => !friend.text().includes('加载中…'), `${card!.path} 加载完成`);
    expect(friend.routes).toEqual([sharedRoute]);
    expect(friend.errors).toEqual([]);
    expect(friend.text()).toContain('绥芬河市第一小学');
  });

  it.each(bundle.appJson.pages)('main-package page %s loads nothing outside the main package', async (route) => {
    const phone = await world.visitor(`/${route}`);
    await phone.settle();
    expect(phone.errors).toEqual([]);
    expect(phone.loads.length).toBeGreaterThan(3);
    expect(phone.loads.filter((l) => l.packageName !== '主包')).toEqual([]);
  });

  it('every page loads only its own package and the main package (lazy code loading)', async () => {
    expect(bundle.appJson.lazyCodeLoading).toBe('requiredComponents');
    for (const phone of phones.values()) {
      for (const load of phone.loads) {
        const owner = load.from ? bundle.packageOf(load.from) : bundle.packageOf(load.file);
        expect([load.file, ['主包', owner].includes(load.packageName)]).toEqual([load.file, true]);
      }
    }
    expect(phones.size).toBeGreaterThan(5);
  });
});
