import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { KeptScreen } from '../journeys/driver';

const OUT_DIR = join(__dirname, '../../.out');

export const BASE_URL = process.env.KEHOU_URL ?? 'http://127.0.0.1:8080';

/** Debian's chromium, headless; playwright gives it a fresh temporary profile each launch. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(OUT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized page; each test gets its own context, so its own cookie (its own signed-in user). */
export async function newPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  return context.newPage();
}

export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto(`${BASE_URL}/#/pages/login/index`);
  // The visible one: while the router relaunches, an earlier login page can still be in the DOM, hidden.
  await page.locator('.demo-user', { hasText: name }).filter({ visible: true }).first().click();
  await page.waitForURL(/pages\/index\/index/);
  // Wait until the home screen has rendered: navigating away while Taro's router is still
  // relaunching can leave the next page hidden.
  await page.locator('.card-title', { hasText: '我的身份' }).waitFor();
}

const SCREENSHOT_DIR = join(OUT_DIR, 'screenshots');

/**
 * Keeps the screen for review as .out/screenshots/<role>-<screen>.png (role: parent, teacher,
 * admin, committee, bureau, or visitor for the pages anyone opens): the 390-wide phone page, whole.
 */
export async function screenshot(page: Page, name: KeptScreen): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Opens a page of the app as its own entry (hash route, then a reload), as a link shared in a
 * class group would: no page of an earlier stack is still sliding in or out.
 */
export async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(`${BASE_URL}/#${path}`);
  await page.reload();
}
