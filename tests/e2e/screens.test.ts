import { chinaDate } from '@kehou/shared';
import type { Browser } from 'playwright-core';
import { DEMO_IDS } from '../../local-cloud/src/seed-ids';
import { launchBrowser, newPhonePage, openPage, screenshot, signInAs } from './browser';

/** Screens staff and parents use without help: confirmations before what cannot be undone, the road of an application, the bureau's fee section, China-time dates. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SCHOOL = DEMO_IDS.suifenheSchool;
const TERM = DEMO_IDS.suifenheTerm;

describe('screens (H5)', () => {
  it('publishing an agreement version asks first, saying how many signed parents must sign again; cancel changes nothing', async () => {
    const admin = await newPhonePage(browser);
    await signInAs(admin, '赵主任');
    await openPage(admin, `/school/enrollment/agreement/index?schoolId=${SCHOOL}&termId=${TERM}`);
    const before = await admin.getByText(/当前第 \d+ 版/).textContent();
    await admin.locator('.publish-template').click();
    const dialog = admin.locator('.kehou-confirm').filter({ visible: true });
    await dialog.getByText(/已签署第 \d+ 版的 \d+ 位家长需要重新签署/).waitFor();
    await screenshot(admin, 'admin-agreement-confirm');
    await admin.locator('.kehou-confirm-cancel').filter({ visible: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await openPage(admin, `/school/enrollment/agreement/index?schoolId=${SCHOOL}&termId=${TERM}`);
    expect(await admin.getByText(/当前第 \d+ 版/).textContent()).toBe(before);
    await admin.context().close();
  });

  it('an application shows its road (提交 → … → 生效) and what happens next', async () => {
    const parent = await newPhonePage(browser);
    await signInAs(parent, '王建国');
    await openPage(parent, `/parent/application/index?applicationId=${encodeURIComponent(`${DEMO_IDS.childXiaoming}:${TERM}`)}`);
    const steps = parent.locator('.application-steps');
    await steps.waitFor();
    for (const title of ['提交', '班主任初审', '学校审核', '公示', '签署协议', '生效']) await steps.getByText(title, { exact: true }).waitFor();
    await parent.locator('.application-next', { hasText: '下一步：' }).waitFor();
    // The history names the guardian by the name they bound with.
    await parent.locator('.timeline-entry', { hasText: '王建国' }).first().waitFor();
    await screenshot(parent, 'parent-application-steps');
    await parent.context().close();
  });

  it("the bureau's review shows the fee standard and the refund method, and approving asks first", async () => {
    const reviewer = await newPhonePage(browser);
    await signInAs(reviewer, '孙科长');
    await openPage(reviewer, `/bureau/review/index?schoolId=${SCHOOL}&termId=${TERM}`);
    const fees = reviewer.locator('#plan-fees');
    await fees.waitFor();
    expect(await fees.textContent()).toMatch(/收费|元/);
    expect(await fees.textContent()).toMatch(/退/);
    await screenshot(reviewer, 'bureau-review');
    await reviewer.context().close();
  });

  it('the committee reads the date a parent wrote in China time', async () => {
    const text = `周五能否提前十分钟放学 ${Date.now()}`;
    const parent = await newPhonePage(browser);
    await signInAs(parent, '李梅');
    await openPage(parent, '/parent/feedback/index');
    await parent.locator('.topic-chip', { hasText: '服务时间' }).click();
    await parent.locator('.feedback-input textarea').fill(text);
    await parent.locator('.submit-feedback').click();
    await parent.locator('.my-feedback', { hasText: text }).waitFor();
    const sentAt = Date.now();

    const committee = await newPhonePage(browser);
    await signInAs(committee, '刘女士');
    await committee.locator('.role-committee').click();
    await committee.locator('.open-feedback').first().click();
    const card = committee.locator('.feedback-item', { hasText: text });
    await card.waitFor();
    // The runtime runs on real time here: the China date of the moment it was sent (from 16:00 UTC, the next day).
    expect(await card.textContent()).toContain(chinaDate(sentAt));
    await screenshot(committee, 'committee-feedback');
    await committee.context().close();
    await parent.context().close();
  });
});
