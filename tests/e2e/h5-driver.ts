import type { Browser, Locator, Page } from 'playwright-core';
import type { KeptScreen, Pick, Scope, Screen, TextMatch, World } from '../journeys/driver';
import { BASE_URL, newPhonePage, openPage, screenshot, signInAs } from './browser';

/** Elements of H5's current page: Taro keeps earlier pages of the stack in the DOM, hidden. */
function picked(locator: Locator, pick?: Pick): Locator {
  const visible = locator.filter({ visible: true });
  if (pick === undefined) return visible;
  if (typeof pick === 'object' && 'index' in pick) return visible.nth(pick.index);
  return visible.filter({ hasText: pick });
}

/**
 * A few strokes of a finger on a signature pad: touch events, as on a phone (NutUI's Signature listens
 * to touches). NutUI sets its canvas up a moment after it shows: strokes until some are on it.
 */
export async function drawSignature(page: Page, selector: string): Promise<void> {
  const target = page.locator(selector).filter({ visible: true }).first();
  await target.scrollIntoViewIfNeeded();
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      const box = await target.boundingBox();
      if (!box) throw new Error(`${selector} 不可见`);
      const at = (fx: number, fy: number) => [{ x: box.x + box.width * fx, y: box.y + box.height * fy }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0.2, 0.3) });
      for (const [fx, fy] of [
        [0.3, 0.6],
        [0.4, 0.7],
        [0.5, 0.4],
        [0.6, 0.3],
      ]) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(fx, fy) });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      const painted = await target.evaluate((pad) => {
        const canvas = pad.querySelector('canvas');
        const pixels = canvas?.width ? canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data : undefined;
        return !!pixels && pixels.some((v, i) => i % 4 === 3 && v > 0);
      });
      if (painted) return;
      await page.waitForTimeout(250);
    }
    throw new Error(`${selector} 上画不出签名`);
  } finally {
    await cdp.detach();
  }
}

class H5Scope implements Scope {
  constructor(
    protected readonly page: Page,
    private readonly root: Locator | null = null,
  ) {}

  private locate(selector: string, pick?: Pick): Locator {
    return picked((this.root ?? this.page).locator(selector), pick);
  }

  async tap(selector: string, pick?: Pick) {
    await this.locate(selector, pick).first().click();
  }

  async fill(selector: string, value: string, pick?: Pick) {
    const target = this.locate(selector, pick).first();
    await target.waitFor();
    // Taro's <Input>/<Textarea> render the native element inside their own a moment after they appear: wait for it, never fill the wrapper.
    const isNative = await target.evaluate((element) => element.tagName === 'INPUT' || element.tagName === 'TEXTAREA');
    await (isNative ? target : target.locator('input, textarea').first()).fill(value);
  }

  async see(text: TextMatch, within?: string) {
    const where = within ? this.locate(within) : this.root ? picked(this.root) : null;
    await (where ? where.filter({ hasText: text }) : this.page.getByText(text).filter({ visible: true })).first().waitFor();
  }

  async has(selector: string, pick?: Pick) {
    await this.locate(selector, pick).first().waitFor();
  }

  async gone(selector: string, pick?: Pick) {
    await this.locate(selector, pick).first().waitFor({ state: 'detached' });
  }

  async count(selector: string, pick?: Pick) {
    return this.locate(selector, pick).count();
  }

  async text() {
    return (this.root ?? this.page.locator('body')).innerText();
  }

  within(selector: string, pick?: Pick): Scope {
    return new H5Scope(this.page, this.locate(selector, pick).first());
  }
}

class H5Screen extends H5Scope implements Screen {
  readonly wx = undefined;

  async open(path: string) {
    await openPage(this.page, path);
  }

  async confirm() {
    // The app's own confirmation (NutUI Dialog, ui/confirm.tsx), or a system modal.
    const dialog = this.page.locator('.kehou-confirm-ok').filter({ visible: true });
    const modal = this.page.locator('.taro-modal__foot, .taro-modal__footer, [class*=modal]').getByText('确定', { exact: true });
    await dialog.or(modal).first().click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async draw(selector: string) {
    await drawSignature(this.page, selector);
  }

  async scrollTo(selector: string) {
    await this.page.locator(selector).filter({ visible: true }).first().scrollIntoViewIfNeeded();
  }

  async confirmPayment() {
    await this.page
      .getByText(/模拟微信支付：确认支付/)
      .filter({ visible: true })
      .first()
      .click();
  }

  async download(selector: string) {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.page.locator(selector).filter({ visible: true }).first().click()]);
    return file.suggestedFilename();
  }

  async chartDrawn(selector: string) {
    const host = this.page.locator(selector).filter({ visible: true }).first();
    await host.waitFor();
    // Drawn: some pixel of the canvas is not transparent (F2 draws once the page has its data).
    return host.evaluate(
      (el) =>
        new Promise<boolean>((resolve) => {
          const canvas = (el.tagName === 'CANVAS' ? el : el.querySelector('canvas')) as HTMLCanvasElement | null;
          const look = (tries: number) => {
            const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
            const drawn = !!data && data.some((v, i) => i % 4 === 3 && v > 0);
            if (drawn || tries === 0) resolve(drawn);
            else setTimeout(() => look(tries - 1), 200);
          };
          look(25);
        }),
    );
  }

  async keep(name: KeptScreen) {
    await screenshot(this.page, name);
  }
}

/** The H5 world: one browser context (one cookie, one person) per screen, on the local server. */
export function h5World(browser: Browser): World {
  const clock = async (body?: object) => {
    const response = await fetch(`${BASE_URL}/api/dev/clock`, body ? { method: 'POST', body: JSON.stringify(body) } : undefined);
    if (!response.ok) throw new Error('could not reach the local clock');
    return (await response.json()) as { now: string };
  };
  return {
    platform: 'h5',
    as: async (name) => {
      const page = await newPhonePage(browser);
      await signInAs(page, name);
      return new H5Screen(page);
    },
    visitor: async () => new H5Screen(await newPhonePage(browser)),
    now: async () => new Date((await clock()).now),
    moveClock: async (change) => {
      await clock(change);
    },
  };
}
