import { ENROLLMENT_TEMPLATE_IDS } from '@kehou/shared';
import { WeappCloud } from './harness/cloud';
import { createWx, type WxHost } from './harness/wx';

/** The harness refuses what WeChat refuses: otherwise the page checks and journeys prove nothing. */
let cloud: WeappCloud;
beforeAll(async () => {
  cloud = await WeappCloud.start();
});
afterAll(() => cloud?.close());

const host = (overrides: Partial<WxHost> = {}): WxHost => ({
  navigate: async () => undefined,
  navigateBack: async () => undefined,
  callFunction: async () => ({ ok: true, data: null }),
  uploadFile: async () => 'cloud://x',
  inTap: () => false,
  route: () => null,
  modal: () => undefined,
  payment: () => 'pay',
  pay: async () => 'requestPayment:ok',
  enterOptions: () => ({ path: '', query: {}, scene: 1001 }),
  ...overrides,
});

describe('the recording wx', () => {
  it('refuses a subscription request outside a tap, and more than 3 templates', async () => {
    const outside = createWx(host());
    await expect(outside.wx.requestSubscribeMessage({ tmplIds: [...ENROLLMENT_TEMPLATE_IDS] })).rejects.toMatchObject({
      errMsg: expect.stringMatching(/TAP gesture/),
    });
    const tapping = createWx(host({ inTap: () => true }));
    await expect(tapping.wx.requestSubscribeMessage({ tmplIds: [...ENROLLMENT_TEMPLATE_IDS] })).resolves.toMatchObject({
      [ENROLLMENT_TEMPLATE_IDS[0]]: 'accept',
    });
    await expect(tapping.wx.requestSubscribeMessage({ tmplIds: ['a', 'b', 'c', 'd'] })).rejects.toMatchObject({ errMsg: expect.stringMatching(/tmplIds/) });
    expect(tapping.calls.map((c) => [c.api, c.duringTap])).toEqual([
      ['requestSubscribeMessage', true],
      ['requestSubscribeMessage', true],
    ]);
  });

  it('refuses cloud calls before wx.cloud.init, as WeChat does', async () => {
    const { wx } = createWx(host());
    await expect(wx.cloud.callFunction({ name: 'enrollment', data: {} })).rejects.toMatchObject({ errMsg: expect.stringMatching(/cloud\.init/) });
    wx.cloud.init({});
    await expect(wx.cloud.callFunction({ name: 'enrollment', data: {} })).resolves.toMatchObject({ errMsg: 'cloud.callFunction:ok' });
  });

  it('refuses a payment request without the fields of the order’s payment object, and records a cancel', async () => {
    let answer: 'pay' | 'cancel' = 'pay';
    const { wx, calls } = createWx(host({ payment: () => answer }));
    await expect(wx.requestPayment({ timeStamp: '1' })).rejects.toMatchObject({ errMsg: expect.stringMatching(/nonceStr/) });
    const payment = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', signType: 'RSA', paySign: 's' };
    await expect(wx.requestPayment(payment)).resolves.toMatchObject({ errMsg: 'requestPayment:ok' });
    answer = 'cancel';
    await expect(wx.requestPayment(payment)).rejects.toMatchObject({ errMsg: 'requestPayment:fail cancel' });
    expect(calls.filter((c) => c.api === 'requestPayment').map((c) => c.args.package)).toEqual([undefined, 'prepay_id=1', 'prepay_id=1']);
  });

  it('keeps storage like wx does', () => {
    const { wx, storage } = createWx(host());
    wx.setStorageSync('k', { a: 1 });
    expect(wx.getStorageSync('k')).toEqual({ a: 1 });
    expect(wx.getStorageSync('missing')).toBe('');
    expect(storage.get('k')).toEqual({ a: 1 });
  });
});

describe('a phone', () => {
  it('calls the cloud functions as its own WeChat user', async () => {
    const parent = await cloud.as('王建国', '/pages/index/index');
    const visitor = await cloud.visitor('/pages/index/index');
    const [home] = parent.callsOf('cloud.callFunction');
    expect(home.args).toMatchObject({ name: 'enrollment', data: { action: 'getHome' } });
    await parent.find('.card-title', '您好，王建国');
    await visitor.find('.card-title', '您好，家长');
    expect(visitor.text()).not.toContain('王建国');
  });

  it('fails navigation to a route app.json lacks, and past WeChat’s 10 pages', async () => {
    const phone = await cloud.as('王建国', '/pages/index/index');
    await expect(phone.wx.navigateTo({ url: '/parent/nowhere/index' })).rejects.toMatchObject({ errMsg: expect.stringMatching(/not found/) });
    for (let i = 1; i < 10; i++) await phone.wx.navigateTo({ url: '/parent/feedback/index' });
    expect(phone.routes).toHaveLength(10);
    await expect(phone.wx.navigateTo({ url: '/parent/feedback/index' })).rejects.toMatchObject({ errMsg: expect.stringMatching(/limit exceed/) });
    await phone.wx.navigateBack({ delta: 9 });
    expect(phone.routes).toEqual(['pages/index/index']);
  });

  it('refuses a main-package file that loads a subpackage file (WeChat does not load it)', async () => {
    const phone = await cloud.visitor('/pages/index/index');
    const load = (phone as unknown as { load(file: string, from: string | null): unknown }).load.bind(phone);
    expect(() => load('parent/home/index', 'pages/index/index')).toThrow(/主包之外/);
    expect(() => load('teacher/home/index', 'parent/home/index')).toThrow(/其他分包/);
  });

  it('records a page error: a page that throws while loading', async () => {
    const phone = await cloud.as('王建国', '/pages/index/index');
    const page = phone.top!;
    page.instance.onLoad = () => {
      throw new Error('boom');
    };
    (phone as unknown as { lifecycle(p: unknown, name: string): void }).lifecycle(page, 'onLoad');
    expect(phone.errors.join('\n')).toMatch(/pages\/index\/index\.onLoad: Error: boom/);
  });
});
