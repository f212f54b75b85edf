import type { Browser } from 'playwright-core';
import { BASE_URL, launchBrowser, newPhonePage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('signing in on the H5 build', () => {
  it('a parent with two children signs in and sees each child’s school', async () => {
    const page = await newPhonePage(browser);
    await page.goto(BASE_URL);
    await page.waitForURL(/pages\/login\/index/);
    await signInAs(page, '王建国');
    await page.getByText('我的孩子').waitFor();
    await page.getByText(/王小明 · 绥芬河市第一小学 三年级\(2\)班/).waitFor();
    await page.getByText(/王小红 · 绥芬河市第一小学 一年级\(1\)班/).waitFor();
    await screenshot(page, 'parent-start');
  });

  it.each([
    ['陈老师', 'teacher', '三年级(2)班'],
    ['赵主任', 'admin', '绥芬河市第一小学'],
    ['刘女士', 'committee', '绥芬河市第一小学 家长委员会'],
    ['孙科长', 'bureau', '备案审核'],
  ])('%s signs in and opens the %s home', async (name, role, expected) => {
    const page = await newPhonePage(browser);
    await signInAs(page, name);
    await page.locator(`.role-${role}`).click();
    await page.locator('.card-title', { hasText: expected }).first().waitFor();
    await screenshot(page, `${role as 'teacher' | 'admin' | 'committee' | 'bureau'}-home`);
  });
});
