import type { Browser } from 'playwright-core';
import { launchBrowser, newPhonePage, openPage, screenshot, signInAs } from './browser';

/**
 * Fees from attendance, in the browser: the class teacher records a day's attendance, the school
 * issues the month's notices, and 王建国 reads 王小明's notice with the clause each amount rests on.
 * The local demo term (local-cloud/src/seed-demo-term.ts) has 王小明 active since 1 September.
 */
const SCHOOL = 'school-sfh-1';
const TERM = 'term-sfh-current';

/** The latest Monday–Friday on or before today (China time), and the first day of its month. */
function lastServiceDay(): { day: string; monthStart: string } {
  let t = Date.now() + 8 * 3600_000;
  while ([0, 6].includes(new Date(t).getUTCDay())) t -= 86_400_000;
  const day = new Date(t).toISOString().slice(0, 10);
  return { day, monthStart: `${day.slice(0, 8)}01` };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('attendance → fee notice → the parent sees what they owe and why (004 三(五)2)', async () => {
  const { day, monthStart } = lastServiceDay();

  const teacher = await newPhonePage(browser);
  await signInAs(teacher, '陈老师');
  await openPage(teacher, `/teacher/attendance/index?classId=class-sfh-3-2&date=${day}`);
  await teacher.locator('.attendance-row', { hasText: '王小明' }).waitFor();
  await teacher.locator('.save-attendance').click();
  await teacher.locator('.attendance-row', { hasText: '王小明' }).getByText('（未保存）').waitFor({ state: 'detached' });

  const admin = await newPhonePage(browser);
  await signInAs(admin, '赵主任');
  await openPage(admin, `/school/fees/index?schoolId=${SCHOOL}&termId=${TERM}`);
  await admin.locator('.fee-from input').fill(monthStart);
  await admin.locator('.fee-to input').fill(day);
  await admin.locator('.preview-notices').click();
  await admin.locator('.fee-preview').waitFor();
  await admin.locator('.issue-notices').click();
  await admin.locator('.fee-list .fee-row', { hasText: '王小明' }).waitFor();

  const parent = await newPhonePage(browser);
  await signInAs(parent, '王建国');
  await openPage(parent, '/parent/fees/index');
  const notice = parent.locator('.fee-notice', { hasText: '王小明' });
  // One recorded day of 120 minutes at 4 元 an hour: 8.00 元.
  await notice.locator('.fee-total', { hasText: '应缴 8.00 元' }).waitFor();
  await notice.getByText(/三\(五\)2/).first().waitFor();
  await screenshot(parent, 'fees-parent-notice');

  // The class teacher sees what each family owes and whether it is paid (no waivers).
  await openPage(teacher, '/teacher/class/index?classId=class-sfh-3-2');
  await teacher.locator('.open-class-fees').click();
  await teacher.locator('.class-fee-row', { hasText: '王小明' }).getByText('待缴费').waitFor();
});
