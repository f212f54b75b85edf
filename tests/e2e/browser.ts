import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const BASE_URL = process.env.KEHOU_URL ?? 'http://127.0.0.1:8080';

/** Debian's chromium, headless, with a fresh profile inside the ignored output folder. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(__dirname, '../../.out/chromium-'));
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
      `--user-data-dir=${profile}`,
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
  await page.getByText(name, { exact: true }).first().click();
  await page.waitForURL(/pages\/index\/index/);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(__dirname, '../../.out', `${name}.png`), fullPage: true });
}
