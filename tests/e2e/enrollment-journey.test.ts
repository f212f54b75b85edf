import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, newPhonePage, openPage, screenshot, signInAs } from './browser';

/**
 * The whole enrolment journey in the browser (H5 build on the local runtime):
 * a new parent binds to a child, the class teacher confirms, the parent applies, the teacher
 * reviews, the admin approves, publishes the agreement and posts the list, the public page shows
 * the masked name, the list is fixed, the parent signs and the child is active.
 */
const SCHOOL = 'school-sfh-1';
const TERM = 'term-sfh-2026-autumn';
const APPLICATION = `stu-sfh-30202:${TERM}`;

/** The local runtime's clock (local-cloud/src/clock.ts): a listing period passes without waiting. */
async function moveClock(change: { advanceDays: number } | { reset: true }) {
  const response = await fetch(`${BASE_URL}/api/dev/clock`, { method: 'POST', body: JSON.stringify(change) });
  if (!response.ok) throw new Error('could not move the local clock');
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await moveClock({ reset: true });
  await browser?.close();
});

async function as(name: string): Promise<Page> {
  const page = await newPhonePage(browser);
  await signInAs(page, name);
  return page;
}

const open = openPage;
const field = (page: Page, label: string) => page.locator('.field', { hasText: label }).locator('input').first();
const confirmModal = (page: Page) => page.locator('.taro-modal__foot, .taro-modal__footer, [class*=modal]').getByText('确定', { exact: true }).click();

test('a parent binds, applies, is reviewed, approved, listed, signs, and the child is active', async () => {
  // 1. 新家长 binds to 朱可馨 (三年级(2)班, 学号 30202) with the class code.
  const parent = await as('新家长');
  await open(parent, '/parent/home/index');
  await parent.getByText('还没有绑定孩子', { exact: true }).waitFor();
  await parent.locator('.bind-button').click();
  await parent.getByText('班级码由班主任在班级群里发布', { exact: false }).waitFor();
  await parent.getByText('每人每天最多核对失败 5 次', { exact: false }).waitFor();
  await field(parent, '孩子姓名').fill('朱可馨');
  await field(parent, '学号').fill('30202');
  await field(parent, '班级码').fill('SFH302');
  await field(parent, '您的姓名').fill('新家长');
  await parent.locator('.relation-chip', { hasText: '母亲' }).click();
  await parent.locator('.submit-bind').click();
  await parent.getByText('已提交，等待班主任确认').waitFor();
  // Before the class teacher confirms, the child's name is masked.
  await parent.getByText('朱*馨 · 三年级(2)班', { exact: false }).waitFor();
  await screenshot(parent, 'enrollment-1-bound');

  // 2. 陈老师 confirms the binding.
  const teacher = await as('陈老师');
  await open(teacher, '/teacher/class/index?classId=class-sfh-3-2');
  const request = teacher.locator('.binding-request', { hasText: '朱可馨' });
  await request.getByText('申请人：新家长（母亲）').waitFor();
  await request.locator('.binding-confirm').click();
  await teacher.locator('.pending-bindings').getByText('没有待确认的绑定。').waitFor();

  // 3. The parent applies: nothing is pre-selected; they choose days, an item and the pick-up.
  await open(parent, '/parent/home/index');
  const card = parent.locator('.child-card', { hasText: '朱可馨' });
  await card.getByText('本学期尚未报名').waitFor();
  await card.locator('.apply-button').click();
  await parent.getByText('为朱可馨报名课后服务').waitFor();
  expect(await parent.locator('.chip-on, .choice-card-on').count()).toBe(0);
  await parent.locator('.day-chip', { hasText: '周一' }).click();
  await parent.locator('.day-chip', { hasText: '周三' }).click();
  await parent.locator('.item-choice', { hasText: '基础托管' }).click();
  await parent.locator('.pickup-choice', { hasText: '由家长或指定的人到校接' }).click();
  await parent.locator('.picker-name input').fill('新家长');
  await parent.locator('.picker-relation input').fill('母亲');
  await parent.locator('.picker-phone input').fill('13900000099');
  await screenshot(parent, 'enrollment-2-apply');
  await parent.locator('.submit-application').click();
  await parent.locator('.application-status', { hasText: '已提交，待班主任审核' }).waitFor();

  // 4. The class teacher passes the first review.
  await open(teacher, '/teacher/class/index?classId=class-sfh-3-2');
  await teacher.reload();
  const toReview = teacher.locator('.to-review .staff-application', { hasText: '朱可馨' });
  await toReview.locator('.review-pass').click();
  await teacher.locator('.to-review').getByText('没有待初审的报名。').waitFor();

  // 5. The admin approves, publishes the agreement and posts the list (listing period 0 days).
  const admin = await as('赵主任');
  await open(admin, `/school/enrollment/agreement/index?schoolId=${SCHOOL}&termId=${TERM}`);
  await admin.getByText('取自公开方案的内容（不在此修改）').waitFor();
  await admin.locator('.publish-template').click();
  await confirmModal(admin);
  await admin.getByText(/当前第 \d+ 版/).waitFor();

  await open(admin, `/school/enrollment/review/index?schoolId=${SCHOOL}&termId=${TERM}`);
  const toApprove = admin.locator('.to-approve .staff-application', { hasText: '朱可馨' });
  await toApprove.locator('.review-pass').click();
  await admin.locator('.to-list').getByText('三年级(2)班 朱可馨').waitFor();
  await admin.locator('.listing-days input').fill('1');
  await admin.locator('.post-list').click();
  await confirmModal(admin);
  await admin.locator('.listing', { hasText: '公示 1 人，1 天' }).first().waitFor();
  await screenshot(admin, 'enrollment-3-listing');

  // 6. The public page shows the masked name, never the full one.
  const visitor = await newPhonePage(browser);
  await open(visitor, `/public/term/index?schoolId=${SCHOOL}&termId=${TERM}`);
  await visitor.getByText('报名公示名单').waitFor();
  await visitor.getByText('朱*馨').first().waitFor();
  expect(await visitor.getByText('朱可馨').count()).toBe(0);
  await screenshot(visitor, 'enrollment-4-public-list');

  // 7. A day later (the local clock moves on) the list is fixed (名单确定); the parent reads, signs
  //    (with a handwritten signature) and the child is active.
  await moveClock({ advanceDays: 1.01 });
  await open(admin, `/school/enrollment/review/index?schoolId=${SCHOOL}&termId=${TERM}`);
  await admin.locator('.fix-list').first().click();
  // Earlier batches (the demo term's) are fixed already: wait until no batch is left to fix.
  await admin.locator('.fix-list').first().waitFor({ state: 'detached' });

  await open(parent, `/parent/application/index?applicationId=${encodeURIComponent(APPLICATION)}`);
  await parent.locator('.agreement-button', { hasText: '阅读并签署协议' }).click();
  await parent.getByText('本机核验：全文与摘要一致').first().waitFor();
  await parent.getByText(/乙方（家长）：新家长（母亲）/).waitFor();
  const pad = parent.locator('canvas.signature-pad').first();
  const box = await pad.boundingBox();
  if (box) {
    await parent.mouse.move(box.x + 20, box.y + 40);
    await parent.mouse.down();
    await parent.mouse.move(box.x + 80, box.y + 90, { steps: 5 });
    await parent.mouse.move(box.x + 140, box.y + 30, { steps: 5 });
    await parent.mouse.up();
  }
  await parent.locator('.agree-choice').first().click();
  await parent.locator('.agreement-submit').click();
  await parent.locator('.signed-note').waitFor();
  await screenshot(parent, 'enrollment-5-signed');

  await parent.locator('.signature-row').first().click();
  await parent.locator('.verification-result', { hasText: '核验通过' }).waitFor();

  await open(parent, '/parent/home/index');
  await parent.reload();
  await parent.locator('.child-card', { hasText: '朱可馨' }).locator('.application-status', { hasText: '已生效，可以参加课后服务' }).waitFor();
  await screenshot(parent, 'enrollment-6-active');
}, 120_000);
