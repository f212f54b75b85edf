import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pick, Scope, Screen, TextMatch, World } from '../../journeys/driver';
import type { WeappCloud } from './cloud';
import type { MiniProgram } from './mini-program';

const OUT_DIR = join(__dirname, '../../../.out/weapp');

type Step = { selector: string; pick?: Pick };

function picked(elements: HTMLElement[], pick?: Pick): HTMLElement[] {
  if (pick === undefined) return elements;
  if (typeof pick === 'object' && 'index' in pick) return elements[pick.index] ? [elements[pick.index]] : [];
  return elements.filter((el) => textMatches(el.textContent ?? '', pick));
}

function textMatches(text: string, match: TextMatch): boolean {
  return typeof match === 'string' ? text.includes(match) : match.test(text);
}

/** A scope of the mini-program's top page: a chain of selectors resolved afresh at each step. */
class WeappScope implements Scope {
  constructor(
    protected readonly phone: MiniProgram,
    private readonly chain: Step[] = [],
  ) {}

  private roots(): HTMLElement[] {
    let roots: HTMLElement[] = this.phone.top ? [this.phone.top.root] : [];
    for (const { selector, pick } of this.chain) {
      roots = picked(
        roots.flatMap((root) => Array.from(root.querySelectorAll<HTMLElement>(selector))),
        pick,
      ).slice(0, 1);
    }
    return roots;
  }

  protected all(selector: string, pick?: Pick): HTMLElement[] {
    return picked(
      this.roots().flatMap((root) => Array.from(root.querySelectorAll<HTMLElement>(selector))),
      pick,
    );
  }

  private describe(selector: string, pick?: Pick) {
    return [...this.chain, { selector, pick }]
      .map(
        (s) => `${s.selector}${s.pick !== undefined ? `(${JSON.stringify(typeof s.pick === 'object' && 'index' in s.pick ? s.pick : String(s.pick))})` : ''}`,
      )
      .join(' › ');
  }

  protected async first(selector: string, pick?: Pick): Promise<HTMLElement> {
    let found: HTMLElement | undefined;
    await this.phone.waitFor(() => (found = this.all(selector, pick)[0]) !== undefined, this.describe(selector, pick));
    return found!;
  }

  async tap(selector: string, pick?: Pick) {
    await this.phone.tapOn(await this.first(selector, pick));
  }

  async fill(selector: string, value: string, pick?: Pick) {
    await this.phone.typeInto(await this.first(selector, pick), value);
  }

  async see(text: TextMatch, within?: string) {
    const where = within ?? null;
    await this.phone.waitFor(
      () =>
        where ? this.all(where).some((el) => textMatches(el.textContent ?? '', text)) : this.roots().some((root) => textMatches(root.textContent ?? '', text)),
      `「${text}」${where ? `在 ${this.describe(where)}` : ''}`,
    );
  }

  async has(selector: string, pick?: Pick) {
    await this.first(selector, pick);
  }

  async gone(selector: string, pick?: Pick) {
    await this.phone.waitFor(() => this.all(selector, pick).length === 0, `${this.describe(selector, pick)} 消失`);
  }

  async count(selector: string, pick?: Pick) {
    await this.phone.settle();
    return this.all(selector, pick).length;
  }

  async text() {
    await this.phone.settle();
    return this.roots()
      .map((root) => root.textContent ?? '')
      .join('\n');
  }

  within(selector: string, pick?: Pick): Scope {
    return new WeappScope(this.phone, [...this.chain, { selector, pick }]);
  }
}

class WeappScreen extends WeappScope implements Screen {
  readonly wx = { calls: (api: string) => this.phone.callsOf(api) };

  async open(path: string) {
    const [route, search = ''] = path.replace(/^\//, '').split('?');
    await this.phone.openPage(route, Object.fromEntries(new URLSearchParams(search)));
  }

  async confirm() {
    // The app's own confirmation (NutUI Dialog, ui/confirm.tsx), or wx.showModal.
    await this.phone.waitFor(() => this.phone.modals.length > 0 || this.all('.kehou-confirm-ok').length > 0, '确认对话框');
    if (this.phone.modals.length > 0) {
      await this.phone.answerModal(true);
      return;
    }
    await this.tap('.kehou-confirm-ok');
  }

  async draw(selector: string) {
    // Touches on the canvas itself (NutUI's Signature listens there); jsdom has no pixels, so the
    // exported file is the harness's stand-in PNG (mini-program.ts, canvasToTempFilePath).
    const pad = await this.first(selector);
    await this.phone.drawOn(pad.querySelector<HTMLElement>('wx-canvas, canvas') ?? pad);
  }

  async scrollTo(selector: string) {
    await this.phone.scrollTo(await this.first(selector));
  }

  async confirmPayment() {
    // WeChat's own sheet: the harness pays the order when the page calls wx.requestPayment.
    await this.phone.settle();
  }

  async download(selector: string) {
    const before = this.phone.callsOf('openDocument').length;
    await this.tap(selector);
    await this.phone.waitFor(() => this.phone.callsOf('openDocument').length > before, 'wx.openDocument');
    const opened = this.phone.callsOf('openDocument').at(-1)!;
    return String(opened.args.filePath).split('/').pop() ?? '';
  }

  async keep(name: string) {
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, `${name}.html`), this.phone.top?.root.outerHTML ?? '');
  }

  /** Page errors fail the journey at its end (and at once when a step waits in vain). */
  get errors() {
    return this.phone.errors;
  }
}

/** The weapp world: phones of the demo users on one local runtime. */
export function weappWorld(cloud: WeappCloud): World & { screens: WeappScreen[] } {
  const screens: WeappScreen[] = [];
  const screen = async (phone: Promise<MiniProgram>) => {
    const s = new WeappScreen(await phone);
    screens.push(s);
    return s;
  };
  return {
    platform: 'weapp',
    screens,
    as: (name) => screen(cloud.as(name, '/pages/index/index')),
    visitor: () => screen(cloud.visitor('/pages/index/index')),
    now: async () => cloud.runtime.clock.now(),
    moveClock: async (change) => {
      if ('reset' in change) cloud.runtime.clock.reset();
      else cloud.runtime.clock.advanceDays(change.advanceDays);
    },
  };
}
