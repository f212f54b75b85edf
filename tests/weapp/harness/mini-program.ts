import { dirname } from 'node:path';
import { WeappBundle } from './bundle';
import { createWx, type ModalRequest, type RecordingWx, type WxCall } from './wx';

/* eslint-disable @typescript-eslint/no-var-requires */
const simulate = require('miniprogram-simulate') as {
  load(definition: object): string;
  render(id: string): SimulatedComponent;
};
// The exparser j-component renders with (one copy: its registries are global).
const exparser = require(require.resolve('miniprogram-exparser', { paths: [dirname(require.resolve('j-component'))] }));
/* eslint-enable @typescript-eslint/no-var-requires */

interface SimulatedComponent {
  dom: HTMLElement;
  instance: PageThis;
  attach(parent: Element): void;
  detach(): void;
}

/** `this` inside a page's lifecycle functions, as WeChat makes it. */
type PageThis = Record<string, any> & { route: string; options: Record<string, string>; setData(data: object, cb?: () => void): void };

export interface OpenPage {
  route: string;
  query: Record<string, string>;
  /** The page's own options as the build passed them to Page(). */
  definition: Record<string, unknown>;
  instance: PageThis;
  root: HTMLElement;
  component: SimulatedComponent;
}

export interface LoadedFile {
  file: string;
  from: string | null;
  packageName: string;
}

export interface PhoneOptions {
  bundle?: WeappBundle;
  /** wx.cloud.callFunction: the cloud functions, called as this phone's WeChat user. */
  callFunction(name: string, data: unknown): Promise<unknown>;
  uploadFile?(cloudPath: string, filePath: string): Promise<string>;
  /** WeChat Pay: pays an order as this phone's user (the local stand-in). */
  pay?(prepayId: string): Promise<string>;
  /** The scene WeChat reports (1044: a card shared in a group chat). */
  scene?: number;
}

const STACK_LIMIT = 10;
/** Where wx.canvasToTempFilePath "writes" a canvas (uploading such a file stores a drawn PNG: cloud.ts). */
export const CANVAS_FILE_PREFIX = 'http://tmp/canvas-';
/** Phones not closed yet: what React logs outside a handler (after a cloud answer) is their error. */
const live = new Set<MiniProgram>();
let consoleError: typeof console.error | null = null;

function watchConsole(phone: MiniProgram, on: boolean) {
  if (on) live.add(phone);
  else live.delete(phone);
  if (live.size && !consoleError) {
    consoleError = console.error;
    console.error = (...args: unknown[]) => {
      for (const p of live) p.errors.push(`console.error: ${args.map(describe).join(' ')}`);
    };
  } else if (!live.size && consoleError) {
    console.error = consoleError;
    consoleError = null;
  }
}

const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest'];
const WAIT_MS = 8_000;
let phones = 0;

class WxFail extends Error {}

/**
 * One phone running the built mini-program: the app's own files (app.js, pages, components) are
 * evaluated as WeChat does, each file once, with this phone's own `wx`, `App`, `Page`, `Component`,
 * `getApp` and `getCurrentPages`; pages render in jsdom through WeChat's exparser
 * (miniprogram-simulate), each page a component with its wcc-compiled template.
 */
export class MiniProgram {
  readonly bundle: WeappBundle;
  readonly wx: RecordingWx['wx'];
  /** Every wx call in order. */
  readonly calls: WxCall[];
  readonly storage: Map<string, unknown>;
  /** Script errors: thrown by a page or its handlers, or logged by React. (An unhandled rejection fails the jest test itself.) */
  readonly errors: string[] = [];
  /** Every file evaluated, in order, with the package it belongs to. */
  readonly loads: LoadedFile[] = [];
  readonly stack: OpenPage[] = [];
  readonly modals: ModalRequest[] = [];
  payment: 'pay' | 'cancel' = 'pay';

  private readonly id = ++phones;
  private readonly share: RecordingWx['share'];
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageDefinitions = new Map<string, { id: string; options: Record<string, unknown> }>();
  private readonly componentIds = new Map<string, string>();
  private defining: { kind: 'page' | 'component'; path: string; options?: Record<string, unknown> } | null = null;
  private app: Record<string, any> | null = null;
  private tapping = 0;
  private inflight = 0;
  private canvasFiles = 0;
  private observers: { owner: object; selector: string; route: string | null; callback: (res: object) => void }[] = [];
  /** Elements scrolled into view (the page stays scrolled there): an observer set up later is told at once, as WeChat does. */
  private inView = new Set<Element>();
  private enter = { path: '', query: {} as Record<string, string>, scene: 1001 };

  constructor(private readonly options: PhoneOptions) {
    this.bundle = options.bundle ?? new WeappBundle();
    const recording = createWx({
      navigate: (kind, url) => this.navigate(kind, url),
      navigateBack: (delta) => this.back(delta),
      callFunction: async (name, data) => {
        this.inflight++;
        try {
          return await options.callFunction(name, data);
        } finally {
          this.inflight--;
        }
      },
      uploadFile: (cloudPath, filePath) => (options.uploadFile ? options.uploadFile(cloudPath, filePath) : Promise.reject(new Error('no storage'))),
      inTap: () => this.tapping > 0,
      route: () => this.top?.route ?? null,
      modal: (request) => this.modals.push(request),
      payment: () => this.payment,
      pay: (prepayId) => (options.pay ? options.pay(prepayId) : Promise.resolve('requestPayment:fail 没有微信支付')),
      enterOptions: () => ({ ...this.enter }),
    });
    this.wx = recording.wx;
    this.calls = recording.calls;
    this.storage = recording.storage;
    this.share = recording.share;
    this.wx.createSelectorQuery = () => this.selectorQuery();
    this.wx.createIntersectionObserver = () => this.intersectionObserver();
    this.wx.canvasToTempFilePath = (o: { success?: (res: object) => void; complete?: (res: object) => void } = {}) => {
      // No canvas pixels in jsdom: a temporary file the harness's storage knows as a drawn PNG.
      const res = { errMsg: 'canvasToTempFilePath:ok', tempFilePath: `${CANVAS_FILE_PREFIX}${++this.canvasFiles}.png` };
      setTimeout(() => {
        o.success?.(res);
        o.complete?.(res);
      }, 0);
    };
    watchConsole(this, true);
  }

  /** Starts the app as WeChat does when someone opens `url` (a share card, a message, the menu). */
  static async launch(url: string, options: PhoneOptions): Promise<MiniProgram> {
    const phone = new MiniProgram(options);
    await phone.start(url);
    return phone;
  }

  get top(): OpenPage | undefined {
    return this.stack[this.stack.length - 1];
  }

  get routes(): string[] {
    return this.stack.map((p) => p.route);
  }

  /** The share menu as the pages set it (wx.showShareMenu), or null when never turned on. */
  get shareMenu(): Record<string, unknown> | null {
    return this.share.menu;
  }

  callsOf(api: string): WxCall[] {
    return this.calls.filter((c) => c.api === api);
  }

  private async start(url: string) {
    const { route, query } = parseUrl(url, null);
    this.enter = { path: route, query, scene: this.options.scene ?? 1001 };
    this.load('app', null);
    if (!this.app) throw new Error('app.js 没有调用 App()');
    this.guard('App.onLaunch', () => this.app!.onLaunch?.call(this.app, { ...this.enter }));
    this.guard('App.onShow', () => this.app!.onShow?.call(this.app, { ...this.enter }));
    await this.navigate('reLaunch', url);
  }

  /** Opens `route` as the only page, as a card shared in a class group opens it. */
  async openPage(route: string, query: Record<string, string> = {}): Promise<OpenPage> {
    const search = Object.entries(query)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('&');
    await this.navigate('reLaunch', `/${route.replace(/^\//, '')}${search ? `?${search}` : ''}`);
    return this.top!;
  }

  /** The text the person sees on the top page (or inside the first element matching selector). */
  text(selector?: string): string {
    const root = this.top?.root;
    if (!root) return '';
    if (!selector) return root.textContent ?? '';
    return root.querySelector(selector)?.textContent ?? '';
  }

  /** Elements of the top page matching selector (and containing the text, when given). */
  findAll(selector: string, hasText?: string | RegExp): HTMLElement[] {
    const root = this.top?.root;
    if (!root) return [];
    return Array.from(root.querySelectorAll<HTMLElement>(selector)).filter((el) => matches(el.textContent ?? '', hasText));
  }

  /** Waits (the page loads and re-renders as the cloud answers) for the first match. */
  async find(selector: string, hasText?: string | RegExp, timeoutMs = WAIT_MS): Promise<HTMLElement> {
    let found: HTMLElement | undefined;
    await this.waitFor(() => (found = this.findAll(selector, hasText)[0]) !== undefined, `${selector}${hasText ? ` 含「${hasText}」` : ''}`, timeoutMs);
    return found!;
  }

  /** A tap on the element, as WeChat delivers it: the tap event bubbles from it through the page. */
  async tap(selector: string, hasText?: string | RegExp): Promise<void> {
    await this.tapOn(await this.find(selector, hasText));
  }

  /** A finger drawing on the element (a signature pad): touchstart, a few touchmoves, touchend. */
  async drawOn(el: HTMLElement): Promise<void> {
    const points = [
      [20, 40],
      [60, 80],
      [100, 50],
      [140, 30],
    ];
    points.forEach(([x, y], i) => {
      const touch = [{ identifier: 0, x, y, clientX: x, clientY: y, pageX: x, pageY: y }];
      this.dispatch(el, i === 0 ? 'touchstart' : 'touchmove', {}, touch);
    });
    this.dispatch(el, 'touchend', {}, []);
    await this.settle();
  }

  /** The page scrolled until the element is in view: the intersection observers watching it are told. */
  async scrollTo(el: HTMLElement): Promise<void> {
    this.inView.add(el);
    for (const o of [...this.observers]) this.tellIfInView(o);
    await this.settle();
  }

  private tellIfInView(o: { selector: string; route: string | null; callback: (res: object) => void }) {
    const page = this.top;
    if (o.route !== page?.route) return;
    const el = Array.from(page.root.querySelectorAll(o.selector)).find((e) => this.inView.has(e));
    if (el) this.guard(`${page.route}: IntersectionObserver`, () => o.callback({ id: el.id, dataset: {}, intersectionRatio: 1, time: Date.now() }));
  }

  async tapOn(el: HTMLElement): Promise<void> {
    this.dispatch(el, 'tap', { x: 0, y: 0 });
    await this.settle();
  }

  /** Types into the input or textarea at (or inside) the element: WeChat's input event, then blur. */
  async input(selector: string, value: string, hasText?: string | RegExp): Promise<void> {
    await this.typeInto(await this.find(selector, hasText), value);
  }

  async typeInto(el: HTMLElement, value: string): Promise<void> {
    const field = /^wx-(input|textarea)$/i.test(el.tagName) ? el : el.querySelector<HTMLElement>('wx-input, wx-textarea');
    if (!field) throw new Error(`<${el.tagName.toLowerCase()} class="${el.className}"> 里没有输入框`);
    this.dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 });
    await this.settle();
    this.dispatch(field, 'blur', { value });
    await this.settle();
  }

  /** Answers the modal the page is showing (wx.showModal). */
  async answerModal(confirm = true): Promise<ModalRequest> {
    await this.waitFor(() => this.modals.length > 0, '对话框');
    const modal = this.modals.shift()!;
    modal.answer(confirm);
    await this.settle();
    return modal;
  }

  /** What the top page shares: its onShareAppMessage, as WeChat calls it from the ··· menu. */
  shareContent(): { title?: string; path?: string } | null {
    const page = this.top;
    const handler = page?.instance.onShareAppMessage;
    if (typeof handler !== 'function') return null;
    return (handler.call(page!.instance, { from: 'menu' }) ?? {}) as { title?: string; path?: string };
  }

  async waitFor(check: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) {
        throw new Error(
          `等待 ${what} 超时；当前页面 ${this.top?.route ?? '（无）'}：${this.text().slice(0, 400)}${this.errors.length ? `\n页面错误：${this.errors.join('\n')}` : ''}`,
        );
      }
      await sleep(10);
    }
  }

  /** Lets the page finish what a step started: cloud calls answered, setData applied. */
  async settle(): Promise<void> {
    for (let quiet = 0; quiet < 3; ) {
      await sleep(0);
      quiet = this.inflight === 0 ? quiet + 1 : 0;
    }
  }

  close() {
    watchConsole(this, false);
    while (this.stack.length) this.unload(this.stack.pop()!);
  }

  // ---- navigation (wx.navigateTo and friends)

  private async navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab', url: string): Promise<void> {
    const { route, query } = parseUrl(url, this.top?.route ?? null);
    if (kind === 'switchTab') throw new WxFail(`can not switch to no-tabBar page`);
    if (!this.bundle.hasRoute(route)) throw new WxFail(`page "${route}" is not found`);
    if (kind === 'navigateTo' && this.stack.length >= STACK_LIMIT) throw new WxFail('webview count limit exceed');
    if (kind === 'navigateTo') {
      const below = this.top;
      if (below) this.lifecycle(below, 'onHide');
    } else if (kind === 'redirectTo') {
      const replaced = this.stack.pop();
      if (replaced) this.unload(replaced);
    } else {
      while (this.stack.length) this.unload(this.stack.pop()!);
    }
    const page = this.mount(route, query);
    this.stack.push(page);
    this.lifecycle(page, 'onLoad', query);
    this.lifecycle(page, 'onShow');
    this.lifecycle(page, 'onReady');
    await this.settle();
  }

  private async back(delta: number) {
    if (this.stack.length <= 1) throw new WxFail('cannot navigate back at first page.');
    for (let i = 0; i < delta && this.stack.length > 1; i++) this.unload(this.stack.pop()!);
    this.lifecycle(this.top!, 'onShow');
    await this.settle();
  }

  private mount(route: string, query: Record<string, string>): OpenPage {
    const { id, options } = this.definePage(route);
    const component = simulate.render(id);
    const holder = document.createElement('mp-page-holder');
    holder.setAttribute('data-phone', String(this.id));
    holder.setAttribute('data-route', route);
    document.body.appendChild(holder);
    component.attach(holder);
    const instance = component.instance;
    instance.route = route;
    instance.__route__ = route;
    instance.options = query;
    return { route, query, definition: options, instance, root: component.dom, component };
  }

  private unload(page: OpenPage) {
    this.lifecycle(page, 'onUnload');
    const { component } = page;
    const holder = component.dom.parentElement;
    component.detach();
    holder?.remove();
  }

  private lifecycle(page: OpenPage, name: string, ...args: unknown[]) {
    const fn = page.instance[name];
    if (typeof fn === 'function') this.guard(`${page.route}.${name}`, () => fn.apply(page.instance, args));
  }

  // ---- pages and components as WeChat registers them

  private definePage(route: string) {
    const known = this.pageDefinitions.get(route);
    if (known) return known;
    const usingComponents = this.registerUsing(route);
    this.defining = { kind: 'page', path: route };
    this.load(route, null);
    const options = this.defining.options;
    this.defining = null;
    if (!options) throw new Error(`${route}.js 没有调用 Page()`);
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value;
    const id = simulate.load({
      id: `mp${this.id}-page-${route.replace(/[^a-z0-9]/gi, '-')}`,
      tagName: 'mp-page',
      path: `/${route}`,
      template: this.bundle.template(route),
      usingComponents,
      data: options.data ?? {},
      methods,
    });
    const definition = { id, options };
    this.pageDefinitions.set(route, definition);
    return definition;
  }

  /** The custom components a page or component's json names, registered first (as WeChat does). */
  private registerUsing(path: string): Record<string, string> {
    const json = this.bundle.readJson<{ usingComponents?: Record<string, string> }>(`${path}.json`);
    const using: Record<string, string> = {};
    for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
      const componentPath = this.bundle.resolve(path, target);
      this.checkBoundary(componentPath, path);
      using[tag] = this.registerComponent(componentPath);
    }
    return using;
  }

  private registerComponent(path: string): string {
    const known = this.componentIds.get(path);
    if (known) return known;
    const id = `mp${this.id}-comp-${path.replace(/[^a-z0-9]/gi, '-')}`;
    // A component may use itself (Taro's recursive `comp`): its id is known before its json is read.
    this.componentIds.set(path, id);
    const usingComponents = this.registerUsing(path);
    const outer = this.defining;
    this.defining = { kind: 'component', path };
    this.load(path, null);
    const options = this.defining.options;
    this.defining = outer;
    if (!options) throw new Error(`${path}.js 没有调用 Component()`);
    simulate.load({ ...options, id, tagName: path.split('/').pop(), path: `/${path}`, template: this.bundle.template(path), usingComponents });
    return id;
  }

  // ---- the app's files, each evaluated once per phone

  private load(file: string, from: string | null): unknown {
    this.checkBoundary(file, from);
    const cached = this.modules.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.modules.set(file, module);
    this.loads.push({ file, from, packageName: this.bundle.packageOf(file) });
    const source = this.bundle.readJs(`${file}.js`);
    const globals = {
      wx: this.wx,
      App: (options: Record<string, any>) => {
        this.app = options;
      },
      Page: (options: Record<string, unknown>) => this.capture('page', options),
      Component: (options: Record<string, unknown>) => this.capture('component', options),
      Behavior: (definition: object) => definition,
      getApp: () => this.app,
      getCurrentPages: () => this.stack.map((p) => p.instance),
      requirePlugin: () => {
        throw new Error('本小程序不使用插件');
      },
      // WeChat's logic layer has no browser: code that reaches for one fails here as it would there.
      ...Object.fromEntries(BROWSER_GLOBALS.map((name) => [name, undefined])),
    };
    const run = new Function('require', 'module', 'exports', ...Object.keys(globals), `${source}\n//# sourceURL=weapp://${file}.js`);
    run((specifier: string) => this.load(this.bundle.resolve(file, specifier), file), module, module.exports, ...Object.values(globals));
    return module.exports;
  }

  private capture(kind: 'page' | 'component', options: Record<string, unknown>) {
    if (!this.defining || this.defining.kind !== kind)
      throw new Error(`${kind === 'page' ? 'Page' : 'Component'}() 在加载 ${this.defining?.path ?? '（非页面文件）'} 时被调用`);
    this.defining.options = options;
  }

  /** WeChat's package rules: the main package loads nothing from a subpackage, a subpackage nothing from another. */
  private checkBoundary(file: string, from: string | null) {
    if (from === null) return;
    const own = this.bundle.packageOf(from);
    const target = this.bundle.packageOf(file);
    if (target !== '主包' && target !== own) {
      throw new Error(`${from} 引用了${own === '主包' ? '主包之外' : '其他分包'}的文件 ${file}（${target}）：微信不允许`);
    }
  }

  // ---- events

  private dispatch(el: HTMLElement, type: string, detail: object, touches: object[] = []) {
    const node = (el as unknown as { __wxElement?: unknown }).__wxElement;
    if (!node) throw new Error(`<${el.tagName.toLowerCase()} class="${el.className}"> 不是小程序节点`);
    const event = exparser.Event.create(type, detail, {
      bubbles: true,
      capturePhase: true,
      composed: true,
      extraFields: { touches, changedTouches: touches },
    });
    if (type === 'tap') this.tapping++;
    try {
      this.guard(`${this.top?.route}: ${type}`, () => exparser.Event.dispatchEvent(node, event));
    } finally {
      if (type === 'tap') this.tapping--;
    }
  }

  private guard(where: string, fn: () => unknown) {
    const logged = console.error;
    console.error = (...args: unknown[]) => {
      this.errors.push(`${where}: ${args.map(describe).join(' ')}`);
    };
    try {
      const result = fn();
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(undefined, (error) => this.errors.push(`${where}: ${describe(error)}`));
      }
    } catch (error) {
      this.errors.push(`${where}: ${describe(error)}`);
    } finally {
      console.error = logged;
    }
  }

  /** What wx.createSelectorQuery finds on the top page; `#id` also by the node's own id (the page's HTML does not always carry it). */
  private queried(selector: string): Element[] {
    const root = this.top?.root;
    if (!root) return [];
    const found = Array.from(root.querySelectorAll(selector));
    if (found.length || !/^#[\w-]+$/.test(selector)) return found;
    return Array.from(root.querySelectorAll('*')).filter((el) => (el as unknown as { __wxElement?: { id?: string } }).__wxElement?.id === selector.slice(1));
  }

  /** wx.createIntersectionObserver: observers of the top page, told when a journey scrolls to what they watch (scrollTo). */
  private intersectionObserver() {
    const route = this.top?.route ?? null;
    const observer = {
      relativeTo: () => observer,
      relativeToViewport: () => observer,
      observe: (selector: string, callback: (res: object) => void) => {
        const entry = { owner: observer, selector, route, callback };
        this.observers.push(entry);
        setTimeout(() => this.tellIfInView(entry), 0);
      },
      disconnect: () => {
        this.observers = this.observers.filter((o) => o.owner !== observer);
      },
    };
    return observer;
  }

  /** wx.createSelectorQuery on the top page: boxes and ids of the elements found (no layout, no canvas nodes). */
  private selectorQuery() {
    const selections: { selector: string; all: boolean }[] = [];
    const query = {
      in: () => query,
      select: (selector: string) => {
        selections.push({ selector, all: false });
        return nodes;
      },
      selectAll: (selector: string) => {
        selections.push({ selector, all: true });
        return nodes;
      },
      selectViewport: () => {
        selections.push({ selector: 'viewport', all: false });
        return nodes;
      },
      exec: (callback?: (results: unknown[]) => void) => {
        const describeEl = (el: Element) => ({ id: el.id, dataset: { ...(el as HTMLElement).dataset }, width: 0, height: 0, left: 0, top: 0 });
        const results = selections.map(({ selector, all }) => {
          const found = this.queried(selector);
          return all ? found.map(describeEl) : found[0] ? describeEl(found[0]) : null;
        });
        setTimeout(() => callback?.(results), 0);
        return query;
      },
    };
    const nodes = {
      boundingClientRect: () => query,
      fields: () => query,
      node: () => query,
      scrollOffset: () => query,
      context: () => query,
    };
    return query;
  }
}

export function parseUrl(url: string, from: string | null): { route: string; query: Record<string, string> } {
  const [path, search = ''] = url.split('?');
  let route = path.startsWith('/') ? path.slice(1) : from ? `${from.split('/').slice(0, -1).join('/')}/${path}` : path;
  route = route.replace(/\/\.\//g, '/');
  const query: Record<string, string> = {};
  // WeChat hands onLoad the query as written: values are not decoded.
  for (const pair of search.split('&').filter(Boolean)) {
    const [key, ...value] = pair.split('=');
    query[key] = value.join('=');
  }
  return { route, query };
}

function matches(text: string, hasText?: string | RegExp): boolean {
  if (hasText === undefined) return true;
  return typeof hasText === 'string' ? text.includes(hasText) : hasText.test(text);
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  if (value && typeof value === 'object' && 'errMsg' in value) return String((value as { errMsg: unknown }).errMsg);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
