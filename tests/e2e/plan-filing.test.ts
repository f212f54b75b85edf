import type { Browser, Locator, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, newPhonePage, screenshot, signInAs } from './browser';

/**
 * The filing journey on 綦江区古南实验小学 (qijiang-2020, no plan in the demo data): the admin
 * writes a plan with a violation, sees it with its clause, fixes it and submits; the bureau returns
 * it once, then approves; the school publishes; a signed-out visitor reads the public page and
 * the article export.
 */
const QUERY = 'schoolId=school-qj-1&termId=term-qj-current';
const PLAN_URL = `${BASE_URL}/#/school/plan/index?${QUERY}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function asAdmin(): Promise<Page> {
  const page = await newPhonePage(browser);
  await signInAs(page, '钱主任');
  return page;
}

async function asReviewer(): Promise<Page> {
  const page = await newPhonePage(browser);
  await signInAs(page, '郑科长');
  return page;
}

const card = (page: Page, selector: string, index: number) => page.locator(selector).nth(index);

/** Taro puts the placeholder on its wrapper element too: type into the native input or textarea. */
const input = (scope: Page | Locator, placeholder: string) =>
  scope.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).first();

/** NutUI buttons take the click on the button itself, not on its inner text. */
const press = (scope: Page | Locator, text: string) => scope.locator('.nut-button', { hasText: text }).last().click();
/** A decision that cannot be undone is asked first (ui/confirm.tsx): say yes. */
const confirmAsked = async (page: Page) => {
  const ok = page.locator('.kehou-confirm-ok').filter({ visible: true });
  await ok.click();
  await ok.waitFor({ state: 'hidden' });
};

describe('plan, filing and disclosure', () => {
  jest.setTimeout(180_000);

  it('admin writes, bureau returns then approves, school publishes, anyone reads it', async () => {
    // ---- 钱主任 opens the plan from the school home
    const admin = await asAdmin();
    await admin.locator('.role-admin').click();
    await admin.getByText('綦江区古南实验小学', { exact: true }).first().waitFor();
    await admin.locator('.plan-link').first().click();
    await admin.waitForURL(/school\/plan\/index/);
    await admin.getByText('提交备案', { exact: true }).first().waitFor();

    // staff and a provider that is not vetted yet
    await press(admin, '添加人员');
    await input(card(admin, '.staff-card', 0), '如：三年级看护').fill('四年级(1)班看护');
    await card(admin, '.staff-card', 0).locator('input').first().fill('何老师');
    await press(admin, '添加机构');
    await card(admin, '.provider-card', 1).locator('input').first().fill('綦江区青少年宫');

    // the basic care service and a club run by the provider
    await press(admin, '添加基础托管');
    await input(card(admin, '.item-card', 0), '如：篮球社').fill('基础托管');
    await card(admin, '.item-card', 0).getByText('何老师', { exact: true }).click();
    await press(admin, '添加社团');
    const club = card(admin, '.item-card', 1);
    await input(club, '如：篮球社').fill('美术社');
    await club.getByText('艺术', { exact: true }).click();
    await club.getByText('周三', { exact: true }).click();
    await club.getByText('綦江区青少年宫', { exact: true }).click();

    // the violation is shown beside the club's provider, with its clause; submission waits
    const violation = club.locator('.violation[data-rule="provider.not-vetted"]');
    await violation.waitFor();
    await expect(violation.textContent()).resolves.toMatch(/未经审核.*依据：綦江府办发〔2020〕41号 四\(四\)/);
    await screenshot(admin, 'admin-plan-violation');

    // safety, pick-up, funding, and the filing document
    await input(admin, '考勤、看护、交接班、门卫登记……').fill('每日考勤，看护教师负责本班学生安全，门卫登记。');
    await input(admin, '突发疾病、意外伤害、火灾、地震等的处置流程和值班电话').fill('突发疾病、意外伤害、火灾疏散的处置流程，值班电话 023-48600000。');
    await input(admin, '在哪里、由谁、怎样把孩子交给家长；独自回家的学生如何离校').fill('17:30 在校门口按班级交给家长。');
    await input(admin, '收费标准、财政补助、专款专用、支出范围').fill('按每生每课时 2 元收费，专款专用。');
    const chooser = admin.waitForEvent('filechooser');
    await press(card(admin, '.attachment-card', 0), '上传文件');
    await (await chooser).setFiles({ name: '古南实验小学课后服务方案.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%测试\n') });
    await admin.getByText('已上传：古南实验小学课后服务方案.pdf').waitFor();
    await admin.getByText(/还有 1 处需要修改/).waitFor();

    // fix: the provider has been vetted
    await card(admin, '.provider-card', 1).getByText('已审核').click();
    await violation.waitFor({ state: 'detached' });
    await admin.getByText(/方案符合政策要求/).waitFor();
    await press(admin, '提交备案');
    await admin.locator('.plan-status', { hasText: '已提交备案' }).waitFor();
    await admin.getByText(/等待重庆市綦江区教育委员会审核/).waitFor();

    // ---- 郑科长 returns it once
    const reviewer = await asReviewer();
    await reviewer.locator('.role-bureau').click();
    await reviewer.getByText('待审核（1）').waitFor();
    await reviewer.locator('.queue-item', { hasText: '綦江区古南实验小学' }).click();
    await reviewer.waitForURL(/bureau\/review\/index/);
    await reviewer.getByText('按政策自动检查，没有发现问题。').waitFor();
    await reviewer.getByText('古南实验小学课后服务方案.pdf').waitFor();
    await input(reviewer, '退回时请写明原因和需要修改的地方；通过时可不填').fill('请写明美术社的上课地点。');
    await press(reviewer, '退回修改');
    await confirmAsked(reviewer);
    await reviewer.locator('.review-status', { hasText: '已退回修改' }).waitFor();

    // ---- 钱主任 sees the comments, revises and files again
    await admin.goto(PLAN_URL);
    await admin.reload();
    await admin.locator('.return-comments', { hasText: '请写明美术社的上课地点。' }).waitFor();
    await input(card(admin, '.item-card', 1), '时间、地点、内容').fill('每周三 16:30—17:30 在美术教室，青少年宫老师授课。');
    await press(admin, '提交备案');
    await admin.locator('.plan-status', { hasText: '已提交备案' }).waitFor();

    // ---- 郑科长 sees what changed and approves
    await reviewer.reload();
    await reviewer.locator('.changes-card', { hasText: '服务项目「美术社」 · 说明' }).waitFor();
    await press(reviewer, '通过备案');
    await confirmAsked(reviewer);
    await reviewer.locator('.review-status', { hasText: '备案已通过' }).waitFor();
    await screenshot(reviewer, 'bureau-review-approved');

    // ---- 钱主任 publishes
    await admin.reload();
    await admin.getByText('备案已通过，可以向家长公开了。').waitFor();
    await press(admin, '公开方案');
    await admin.locator('.plan-status', { hasText: '已公开' }).waitFor();
    // One version number: the filing the bureau approved (the second) is the version the public reads.
    await admin.getByText('公开中：第 2 版').waitFor();

    // ---- a visitor who is not signed in reads the public page and the article
    const visitor = await newPhonePage(browser);
    await visitor.goto(`${BASE_URL}/#/public/term/index?${QUERY}`);
    await visitor.getByText('綦江区古南实验小学', { exact: true }).waitFor();
    await visitor.getByText(/第 2 版 · .* 公开（当前版本）/).waitFor();
    await visitor.getByText('美术社', { exact: true }).waitFor();
    await visitor.getByText('收费标准：每生每课时 2 元').waitFor();
    await visitor.getByText('暂无公示名单。').waitFor();
    await visitor.getByText(/#\/public\/term\/index\?schoolId=school-qj-1&termId=term-qj-current/).waitFor();
    await screenshot(visitor, 'visitor-public-term-first');
    expect(await visitor.content()).not.toContain('cloud://');

    await visitor.getByText('公众号文章', { exact: true }).click();
    await visitor.waitForURL(/public\/article\/index/);
    await visitor
      .getByText(/^綦江区古南实验小学\d{4}—\d{4} 学年第[一二]学期课后服务公告$/)
      .first()
      .waitFor();
    await visitor
      .getByText(/小程序路径：parent\/enrol\/index\?schoolId=school-qj-1&termId=term-qj-current/)
      .first()
      .waitFor();
    const html = await visitor.locator('.article-html textarea').inputValue();
    expect(html).toMatch(/^<section style="/);
    expect(html).toContain('美术社');
    expect(html).not.toMatch(/class=|<script/);
    await screenshot(visitor, 'visitor-article');
  });
});
