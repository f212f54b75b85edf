/**
 * The `wx` a phone gives the mini-program, for tests: every API the base library has (from
 * miniprogram-simulate's stand-ins), with the ones the product depends on answered the way WeChat
 * answers them — navigation moves the page stack, `wx.cloud.callFunction` runs the real cloud
 * function as the phone's user, a subscription request is refused unless it comes from a tap — and
 * every call recorded.
 */

export interface WxCall {
  /** 'navigateTo', 'cloud.callFunction', … */
  api: string;
  args: any;
  /** Made while a tap was being handled (WeChat allows some APIs only then). */
  duringTap: boolean;
  /** The route of the page on top of the stack when it was made. */
  route: string | null;
}

export interface ModalRequest {
  title?: string;
  content?: string;
  answer: (confirm: boolean) => void;
}

/** What the phone (the harness) does for wx: the page stack, the cloud, the person's answers. */
export interface WxHost {
  navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab', url: string): Promise<void>;
  navigateBack(delta: number): Promise<void>;
  callFunction(name: string, data: unknown): Promise<unknown>;
  uploadFile(cloudPath: string, filePath: string): Promise<string>;
  inTap(): boolean;
  route(): string | null;
  /** A modal waits for the person to answer it (MiniProgram.answerModal). */
  modal(request: ModalRequest): void;
  /** What the person does on WeChat Pay's sheet. */
  payment(): 'pay' | 'cancel';
  /** WeChat Pay settles the order the sheet paid (the stand-in then calls the payment callback). */
  pay(prepayId: string): Promise<string>;
  enterOptions(): { path: string; query: Record<string, string>; scene: number };
}

type Options = Record<string, any> & { success?: (res: any) => void; fail?: (res: any) => void; complete?: (res: any) => void };

class WxError extends Error {
  constructor(
    readonly errMsg: string,
    readonly errCode?: number,
  ) {
    super(errMsg);
  }
}

/** WeChat's callback style (success / fail / complete, answered later); a promise when none is given. */
function asyncApi(name: string, run: (options: Options) => unknown) {
  return (options: Options = {}) => {
    const finish = Promise.resolve()
      .then(() => run(options))
      .then(
        (res) => ({ ok: true as const, res: { errMsg: `${name}:ok`, ...(res as object) } }),
        (error: unknown) => ({
          ok: false as const,
          res: {
            errMsg: error instanceof WxError ? `${name}:fail ${error.errMsg}` : `${name}:fail ${String((error as Error)?.message ?? error)}`,
            ...(error instanceof WxError && error.errCode !== undefined ? { errCode: error.errCode } : {}),
          },
        }),
      );
    if (!options.success && !options.fail && !options.complete) {
      return finish.then(({ ok, res }) => (ok ? res : Promise.reject(res)));
    }
    void finish.then(({ ok, res }) => {
      if (ok) options.success?.(res);
      else options.fail?.(res);
      options.complete?.(res);
    });
    return undefined;
  };
}

const SUBSCRIBE_LIMIT = 3;
const PAYMENT_FIELDS = ['timeStamp', 'nonceStr', 'package', 'signType', 'paySign'];

export function createWx(host: WxHost) {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const simulated = { ...(require('miniprogram-simulate/src/api') as Record<string, unknown>) };
  const calls: WxCall[] = [];
  const storage = new Map<string, unknown>();
  const clipboard = { data: '' };
  const share = { menu: null as null | Options };
  let cloudReady = false;

  const own: Record<string, unknown> = {
    navigateTo: asyncApi('navigateTo', (o) => host.navigate('navigateTo', o.url)),
    redirectTo: asyncApi('redirectTo', (o) => host.navigate('redirectTo', o.url)),
    reLaunch: asyncApi('reLaunch', (o) => host.navigate('reLaunch', o.url)),
    switchTab: asyncApi('switchTab', (o) => host.navigate('switchTab', o.url)),
    navigateBack: asyncApi('navigateBack', (o) => host.navigateBack(o.delta ?? 1)),

    requestSubscribeMessage: asyncApi('requestSubscribeMessage', (o) => {
      if (!o.duringTap) throw new WxError('can only be invoked by user TAP gesture.', 20001);
      const ids: string[] = o.tmplIds ?? [];
      if (!ids.length || ids.length > SUBSCRIBE_LIMIT) throw new WxError(`tmplIds 须为 1 到 ${SUBSCRIBE_LIMIT} 个`, 20003);
      return Object.fromEntries(ids.map((id) => [id, 'accept']));
    }),
    requestPayment: asyncApi('requestPayment', async (o) => {
      const missing = PAYMENT_FIELDS.filter((key) => typeof o[key] !== 'string' || !o[key]);
      if (missing.length) throw new WxError(`parameter error: ${missing.join(', ')} 缺失`);
      if (host.payment() === 'cancel') throw new WxError('cancel');
      const errMsg = await host.pay(String(o.package).replace('prepay_id=', ''));
      if (errMsg !== 'requestPayment:ok') throw new WxError(errMsg.replace(/^requestPayment:fail\s*/, ''));
      return {};
    }),

    showShareMenu: asyncApi('showShareMenu', (o) => {
      share.menu = o;
    }),
    hideShareMenu: asyncApi('hideShareMenu', () => {
      share.menu = null;
    }),
    updateShareMenu: asyncApi('updateShareMenu', (o) => {
      share.menu = { ...share.menu, ...o };
    }),
    getEnterOptionsSync: () => host.enterOptions(),
    getLaunchOptionsSync: () => host.enterOptions(),

    showModal: asyncApi(
      'showModal',
      (o) => new Promise((resolve) => host.modal({ title: o.title, content: o.content, answer: (confirm) => resolve({ confirm, cancel: !confirm }) })),
    ),
    showToast: asyncApi('showToast', () => ({})),
    hideToast: asyncApi('hideToast', () => ({})),
    showLoading: asyncApi('showLoading', () => ({})),
    hideLoading: asyncApi('hideLoading', () => ({})),

    setStorage: asyncApi('setStorage', (o) => void storage.set(o.key, o.data)),
    getStorage: asyncApi('getStorage', (o) => {
      if (!storage.has(o.key)) throw new WxError('data not found');
      return { data: storage.get(o.key) };
    }),
    removeStorage: asyncApi('removeStorage', (o) => void storage.delete(o.key)),
    clearStorage: asyncApi('clearStorage', () => storage.clear()),
    setStorageSync: (key: string, data: unknown) => void storage.set(key, data),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),

    setClipboardData: asyncApi('setClipboardData', (o) => {
      clipboard.data = String(o.data);
    }),
    getClipboardData: asyncApi('getClipboardData', () => ({ data: clipboard.data })),

    openDocument: asyncApi('openDocument', (o) => {
      if (!o.filePath) throw new WxError('filePath 缺失');
    }),
    downloadFile: asyncApi('downloadFile', (o) => {
      if (typeof o.url !== 'string' || !o.url) throw new WxError('url 缺失');
      return { tempFilePath: `http://tmp/${decodeURIComponent(o.url.split('?')[0].split('/').pop() ?? '')}`, statusCode: 200 };
    }),
    chooseMessageFile: asyncApi('chooseMessageFile', () => {
      throw new WxError('cancel');
    }),

    cloud: {
      init: (options: unknown) => {
        cloudReady = true;
        return options;
      },
      callFunction: asyncApi('cloud.callFunction', async (o) => {
        if (!cloudReady) throw new WxError('请先调用 wx.cloud.init() 完成初始化后再调用其他云 API', -1);
        const result = await host.callFunction(o.name, o.data ?? {});
        return { result, requestID: `local-${calls.length}` };
      }),
      uploadFile: asyncApi('cloud.uploadFile', async (o) => {
        if (!cloudReady) throw new WxError('请先调用 wx.cloud.init()', -1);
        return { fileID: await host.uploadFile(o.cloudPath, o.filePath), statusCode: 200 };
      }),
      getTempFileURL: asyncApi('cloud.getTempFileURL', (o) => ({
        fileList: (o.fileList ?? []).map((fileID: string) => ({ fileID, tempFileURL: `http://tmp/${fileID}`, status: 0 })),
      })),
      downloadFile: asyncApi('cloud.downloadFile', (o) => ({ tempFilePath: `http://tmp/${o.fileID}`, statusCode: 200 })),
    },
  };

  const wx: Record<string, any> = { ...simulated, ...own };
  // Record every call; the arguments are what the page passed (before any answer).
  for (const [name, value] of Object.entries(wx)) {
    if (typeof value === 'function') wx[name] = recorded(name, value as (...args: any[]) => unknown);
  }
  const cloud = own.cloud as Record<string, (...args: any[]) => unknown>;
  wx.cloud = Object.fromEntries(Object.entries(cloud).map(([name, fn]) => [name, recorded(`cloud.${name}`, fn)]));

  function recorded(api: string, fn: (...args: any[]) => unknown) {
    return (...args: any[]) => {
      const duringTap = host.inTap();
      calls.push({ api, args: args[0], duringTap, route: host.route() });
      // The tap flag goes with the options (WeChat knows which gesture a call came from).
      if (api === 'requestSubscribeMessage' && args[0] && typeof args[0] === 'object') args[0] = { ...args[0], duringTap };
      return fn(...args);
    };
  }

  return { wx, calls, storage, share };
}

export type RecordingWx = ReturnType<typeof createWx>;
