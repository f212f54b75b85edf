import type { Browser, Page } from 'playwright-core';
import { DEMO_IDS } from '../../local-cloud/src/seed-ids';
import { launchBrowser, newPhonePage, openPage, screenshot, signInAs } from './browser';

/**
 * Reaching the right place: the public page and the official-account article lead a parent to 报名
 * (the enrolment entry, through signing in and back); the plan editor refuses a day whose blocks
 * last longer than the service time, saying so under the blocks, without squeezing the fields.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const QUERY = `schoolId=${DEMO_IDS.suifenheSchool}&termId=${DEMO_IDS.suifenheTerm}`;
const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).first();

describe('reaching 报名 (H5)', () => {
  it('the public page has a 报名 button that leads to the enrolment entry; signing in comes back to it', async () => {
    const visitor = await newPhonePage(browser);
    await openPage(visitor, `/public/term/index?${QUERY}`);
    await visible(visitor, '.public-enrol').click();
    await visitor.waitForURL(/parent\/enrol\/index\?schoolId=school-sfh-1&termId=term-sfh-current/);
    await visitor.getByText('绥芬河市第一小学课后服务报名').first().waitFor();
    // Not signed in: sign in, and come back here (not to the home page).
    await visible(visitor, '.enrol-sign-in').click();
    await visitor.waitForURL(/pages\/login\/index\?next=/);
    await visitor.locator('.demo-user', { hasText: '王建国' }).filter({ visible: true }).first().click();
    await visitor.waitForURL(/parent\/enrol\/index\?schoolId=school-sfh-1/);
    await visitor.getByText('查看报名').first().waitFor();
    await screenshot(visitor, 'parent-enrol-signed-in');
    await visitor.context().close();
  });

  it('the article’s mini-program path is the enrolment entry of the school and term, and it opens', async () => {
    const visitor = await newPhonePage(browser);
    await openPage(visitor, `/public/article/index?${QUERY}`);
    const shown = await visible(visitor, '.article-path').textContent();
    const path = /小程序路径：(\S+)/.exec(shown ?? '')?.[1] ?? '';
    expect(path).toBe(`parent/enrol/index?${QUERY}`);
    expect(await visitor.locator('.article-html textarea').inputValue()).toContain(`小程序路径：parent/enrol/index?${QUERY.replace('&', '&amp;')}`);

    // Whoever follows it lands on the school's enrolment page, which leads to binding (the button while no
    // child is bound here, the link once one is: the journey binds 新家长 too) and binding back here.
    const parent = await newPhonePage(browser);
    await signInAs(parent, '新家长');
    await openPage(parent, `/${path}`);
    await parent.getByText('绥芬河市第一小学课后服务报名').first().waitFor();
    await parent.locator('.enrol-bind, .link', { hasText: '绑定孩子' }).filter({ visible: true }).first().click();
    await parent.waitForURL(/parent\/bind\/index\?schoolId=school-sfh-1&termId=term-sfh-current/);
    await parent.getByText('班级码由班主任在班级群里发布').first().waitFor();
    await visitor.context().close();
    await parent.context().close();
  });
});

describe('the plan editor (H5)', () => {
  it('blocks longer than the service time: the problem under the blocks with its clause, the fields beside unsqueezed, and save refuses', async () => {
    const admin = await newPhonePage(browser);
    await signInAs(admin, '赵主任');
    await openPage(admin, `/school/plan/index?${QUERY}`);
    const schedule = admin.locator('.schedule-card').first();
    await schedule.locator('.schedule-end .time-field-value', { hasText: '17:30' }).waitFor();
    const total = await schedule.locator('.blocks-total').textContent();
    const [planned, service] = [...(total ?? '').matchAll(/(\d+) 分钟/g)].map((m) => Number(m[1]));
    expect(planned).toBeLessThanOrEqual(service);

    // The first block made longer by what the day has left plus 10 minutes.
    const first = schedule.locator('.block-minutes input').first();
    const before = Number(await first.inputValue());
    await first.fill(String(before + service - planned + 10));
    const violation = schedule.locator('.violation[data-rule="schedule.blocks-over-time"]');
    await violation.waitFor();
    expect(await violation.textContent()).toMatch(new RegExp(`合计 ${service + 10} 分钟，超过了服务时间 15:30—17:30 的 ${service} 分钟.*依据：`));

    // The problem takes the card's width; the two time fields keep theirs, side by side.
    const [start, end, box] = await Promise.all([
      schedule.locator('.schedule-start').boundingBox(),
      schedule.locator('.schedule-end').boundingBox(),
      violation.boundingBox(),
    ]);
    expect(start!.width).toBeGreaterThanOrEqual(140);
    expect(Math.abs(start!.width - end!.width)).toBeLessThan(2);
    expect(box!.width).toBeGreaterThan(start!.width + end!.width);
    await screenshot(admin, 'admin-plan-blocks-over-time');

    await admin.locator('.nut-button', { hasText: '保存草稿' }).last().click();
    await admin.locator('.save-refused', { hasText: `没有保存：一天的安排合计 ${service + 10} 分钟` }).waitFor();

    // Nothing was saved: the plan opens as it was.
    await openPage(admin, `/school/plan/index?${QUERY}`);
    await admin
      .locator('.schedule-card')
      .first()
      .locator('.blocks-total', { hasText: `合计 ${planned} 分钟` })
      .waitFor();
    expect(await admin.locator('.violation[data-rule="schedule.blocks-over-time"]').count()).toBe(0);
    await admin.context().close();
  });
});
