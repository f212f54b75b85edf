import type { Browser } from 'playwright-core';
import { launchBrowser, newPhonePage, openPage, screenshot, signInAs } from './browser';

/**
 * Fees from attendance, in the browser: the class teacher records a day's attendance; the school
 * picks last month from the periods the policy offers, previews and issues; issuing it again is
 * not offered; 王建国 reads 王小明's notice with the clause each amount rests on. The local demo
 * term (local-cloud/src/seed-demo-term.ts) has 王小明 active since before term, with every
 * service day up to yesterday recorded. Every date is relative to today.
 */
const SCHOOL = 'school-sfh-1';
const TERM = 'term-sfh-current';

/** Today in China, the latest Monday–Friday on or before it, and last month's label (2026年11月). */
function calendar(): { day: string; lastMonthLabel: string } {
  const now = Date.now() + 8 * 3600_000;
  let t = now;
  while ([0, 6].includes(new Date(t).getUTCDay())) t -= 86_400_000;
  const today = new Date(now);
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return { day: new Date(t).toISOString().slice(0, 10), lastMonthLabel: `${last.getUTCFullYear()}年${last.getUTCMonth() + 1}月` };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('attendance → last month’s notices from the offered periods → the parent sees what they owe and why (004 三(五)2)', async () => {
  const { day, lastMonthLabel } = calendar();

  const teacher = await newPhonePage(browser);
  await signInAs(teacher, '陈老师');
  await openPage(teacher, `/teacher/attendance/index?classId=class-sfh-3-2&date=${day}`);
  await teacher.locator('.attendance-row', { hasText: '王小明' }).waitFor();
  await teacher.locator('.save-attendance').click();
  await teacher.locator('.attendance-row', { hasText: '王小明' }).getByText('（未保存）').waitFor({ state: 'detached' });

  const admin = await newPhonePage(browser);
  await signInAs(admin, '赵主任');
  await openPage(admin, `/school/fees/index?schoolId=${SCHOOL}&termId=${TERM}`);
  // Periods come from the policy (每月据实收取): no free date fields.
  await admin.locator('.fee-period', { hasText: lastMonthLabel }).click();
  await admin.locator('.fee-preview').waitFor();
  const row = admin.locator('.fee-preview-row', { hasText: '王小明' });
  const amount = (await row.locator('.row').first().innerText()).match(/(\d+\.\d{2}) 元/)![1];
  await admin.locator('.issue-notices').click();
  await admin.locator('.fee-list .fee-row', { hasText: '王小明' }).waitFor();
  // Issued: the period says so and offers no second issue.
  await admin.locator('.fee-already-issued').waitFor();
  expect(await admin.locator('.issue-notices').count()).toBe(0);
  await admin.locator('.fee-period', { hasText: lastMonthLabel }).getByText(/已发出 \d+ 份/).waitFor();
  await screenshot(admin, 'fees-admin-issued');

  const parent = await newPhonePage(browser);
  await signInAs(parent, '王建国');
  await openPage(parent, '/parent/fees/index');
  const notice = parent.locator('.fee-notice', { hasText: '王小明' });
  await notice.locator('.fee-total', { hasText: `应缴 ${amount} 元` }).waitFor();
  await notice.getByText(/三\(五\)2/).first().waitFor();
  await screenshot(parent, 'fees-parent-notice');

  // The class teacher sees what each family owes and whether it is paid (no waivers).
  await openPage(teacher, '/teacher/class/index?classId=class-sfh-3-2');
  await teacher.locator('.open-class-fees').click();
  await teacher.locator('.class-fee-row', { hasText: '王小明' }).getByText('待缴费').waitFor();
});
