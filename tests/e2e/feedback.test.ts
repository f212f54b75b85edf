import type { Browser } from 'playwright-core';
import { launchBrowser, newPhonePage, openPage, screenshot, signInAs } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('parent committee feedback', () => {
  it('a parent writes to the committee, the committee answers, the parent reads the answer', async () => {
    const text = `希望雨天在教学楼门口交接孩子 ${Date.now()}`;
    const parent = await newPhonePage(browser);
    await signInAs(parent, '李梅');
    await parent.locator('.open-parent-feedback').click();
    await parent.locator('.topic-chip', { hasText: '安全与接送' }).click();
    await parent.locator('.feedback-input textarea').fill(text);
    await parent.locator('.submit-feedback').click();
    await parent.locator('.my-feedback', { hasText: text }).waitFor();

    const committee = await newPhonePage(browser);
    await signInAs(committee, '刘女士');
    await committee.locator('.role-committee').click();
    await committee.locator('.open-feedback').first().click();
    const card = committee.locator('.feedback-item', { hasText: text });
    await card.locator('.answer-input textarea').fill('已转告学校：雨天在一楼大厅交接。');
    await card.locator('.answer-button').click();
    await card.getByText('答复（刘女士）').waitFor();

    await openPage(parent, '/parent/feedback/index');
    await parent.locator('.my-feedback', { hasText: text }).locator('.feedback-answer', { hasText: '雨天在一楼大厅交接' }).waitFor();
    await screenshot(parent, 'parent-feedback');
  });
});
