import type { Browser } from 'playwright-core';
import { DEMO_IDS } from '../../local-cloud/src/seed-ids';
import { launchBrowser, newPhonePage, openPage, screenshot, signInAs } from './browser';

/** Forms a parent fills on a phone: every problem under its field at once, in Chinese, and nothing typed is lost on the way back. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const APPLY_XIAOHONG = `/parent/apply/index?studentId=${DEMO_IDS.childXiaohong}`;

describe('forms (H5)', () => {
  it('an empty application shows every problem under its field at once, named in Chinese, and scrolls to the first', async () => {
    const parent = await newPhonePage(browser);
    await signInAs(parent, '王建国');
    await openPage(parent, APPLY_XIAOHONG);
    await parent.getByText('为王小红报名课后服务').waitFor();
    await parent.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await parent.locator('.submit-application').click();
    await parent.locator('.form-error', { hasText: '处需要修改' }).waitFor();
    const errors = await parent.locator('.field-error').allTextContents();
    expect(errors).toEqual(expect.arrayContaining(['请选择参加哪几天', '请选择至少一个项目']));
    expect(errors.some((e) => e.includes('接送'))).toBe(true);
    for (const text of errors) expect(text).not.toMatch(/[A-Za-z]{3,}/);
    // The first problem (the days) is in sight.
    const days = await parent.locator('#field-days').boundingBox();
    expect(days && days.y >= 0 && days.y < 844).toBe(true);
    await screenshot(parent, 'parent-apply-errors');

    // A pick-up adult with emoji in the name: the rule, under that very field.
    await parent.locator('.day-chip', { hasText: '周一' }).click();
    await parent.locator('.item-choice', { hasText: '基础托管' }).click();
    await parent.locator('.pickup-choice', { hasText: '由家长或指定的人到校接' }).click();
    // The parent themself is offered as the first pick-up adult, as they bound.
    expect(await parent.locator('.picker-name input').first().inputValue()).toBe('王建国');
    await parent.locator('.picker-name input').first().fill('🌸朱妈妈🌸');
    await parent.locator('.submit-application').click();
    await parent.locator('.field-error', { hasText: '姓名只能包含汉字、字母、间隔号' }).waitFor();
    expect(await parent.locator('.field-error', { hasText: '请选择参加哪几天' }).count()).toBe(0);
    await parent.context().close();
  });

  it('going back mid-form keeps what was chosen (a draft on the phone until it is sent)', async () => {
    const parent = await newPhonePage(browser);
    await signInAs(parent, '王建国');
    await openPage(parent, APPLY_XIAOHONG);
    await parent.locator('.day-chip', { hasText: '周二' }).click();
    await parent.locator('.day-chip', { hasText: '周四' }).click();
    await parent.locator('.hardship-choice').click();
    await parent.locator('.hardship-note textarea').fill('家里刚搬家');
    // Leave only once the draft on the phone has the last thing typed (it is written after the page renders it).
    await parent.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('家里刚搬家'), `draft:apply:${DEMO_IDS.childXiaohong}`);
    await openPage(parent, '/parent/home/index');
    await openPage(parent, APPLY_XIAOHONG);
    await parent.locator('.draft-restored').waitFor();
    expect(await parent.locator('.day-chip.chip-on').allTextContents()).toEqual(['✓ 周二', '✓ 周四']);
    // Taro's textarea takes its value a moment after the page restored it: wait for it, never sleep.
    await parent.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLTextAreaElement>('.hardship-note textarea')).some((t) => t.value === '家里刚搬家'),
    );
    await parent.context().close();
  });

  it('a long paste is not cut without a word: the counter shows by how much it is over', async () => {
    const parent = await newPhonePage(browser);
    await signInAs(parent, '李梅');
    await openPage(parent, '/parent/feedback/index');
    await parent.locator('.feedback-input textarea').fill('字'.repeat(2000));
    await parent.locator('.limited-text-count', { hasText: '2000/500' }).waitFor();
    await parent.getByText('超出 1500 字，请删减后再提交').waitFor();
    await parent.context().close();
  });

  it('a bind form with emoji in the name says what a name may hold, under the field', async () => {
    const parent = await newPhonePage(browser);
    await signInAs(parent, '新家长');
    await openPage(parent, '/parent/bind/index');
    await parent.locator('.field', { hasText: '您的姓名' }).locator('input').fill('🌸朱妈妈🌸');
    await parent.locator('.submit-bind').click();
    await parent.locator('#field-guardianName .field-error', { hasText: '您的姓名只能包含汉字' }).waitFor();
    await parent.locator('#field-studentName .field-error', { hasText: '请填写孩子姓名' }).waitFor();
    await parent.locator('#field-relation .field-error').waitFor();
    expect(await parent.locator('.field-error').count()).toBeGreaterThanOrEqual(4);
    await parent.context().close();
  });
});
