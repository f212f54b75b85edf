import type { Browser, Page } from 'playwright-core';
import { DEMO_IDS } from '../../local-cloud/src/seed-ids';
import { launchBrowser, newPhonePage, openPage, screenshot, signInAs } from './browser';
import { drawSignature } from './h5-driver';

/**
 * Signing the agreement on a phone (H5): the sign button waits, with a hint, until the text has been
 * read to its end and the signature drawn; asked to sign a new version, the parent sees what changed.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SCHOOL = DEMO_IDS.suifenheSchool;
const TERM = DEMO_IDS.suifenheTerm;
const XIAOMING_APP = `${DEMO_IDS.childXiaoming}:${TERM}`;
const REVISION = '（经家委会修订：雨雪天气由家长到教室门口接孩子）';

/** A function call as the signed-in user of the page, over the same HTTP the app uses. */
async function call<T>(page: Page, name: string, action: string, data: object): Promise<T> {
  const answer = await page.evaluate(
    async ([n, a, d]) =>
      (
        await fetch(`/api/functions/${n}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: a, data: d }) })
      ).json(),
    [name, action, data] as const,
  );
  if (!answer.ok) throw new Error(`${name}.${action}: ${answer.message}`);
  return answer.data as T;
}

/** The school revises its management rules (adopted by the parent committee and the staff congress) and publishes agreement version 2. */
async function publishRevisedAgreement() {
  const admin = await newPhonePage(browser);
  await signInAs(admin, '赵主任');
  const committee = await newPhonePage(browser);
  await signInAs(committee, '刘女士');
  const draft = await call<{ editable: Record<string, string> }>(admin, 'agreement', 'getTemplateDraft', { schoolId: SCHOOL, termId: TERM });
  const sections = { ...draft.editable, rules: draft.editable.rules + REVISION };
  const { versions } = await call<{ versions: { version: number }[] }>(admin, 'committee', 'proposeRules', { schoolId: SCHOOL, sections });
  const date = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await call(committee, 'committee', 'adoptRules', { schoolId: SCHOOL, version: versions[0].version, date });
  await call(admin, 'committee', 'recordStaffCongress', { schoolId: SCHOOL, version: versions[0].version, date });
  const published = await call<{ version: number }>(admin, 'agreement', 'publishTemplate', { schoolId: SCHOOL, termId: TERM, sections });
  await admin.context().close();
  await committee.context().close();
  return published.version;
}

describe('reading and signing the agreement (H5)', () => {
  it('a new version shows what changed; signing waits for the end of the text and the handwritten signature', async () => {
    const version = await publishRevisedAgreement();
    const parent = await newPhonePage(browser);
    await signInAs(parent, '王建国');
    await openPage(parent, `/parent/agreement/index?applicationId=${encodeURIComponent(XIAOMING_APP)}`);

    // What changed from the signed version, section by section, before the text.
    const changes = parent.locator('.resign-changes').filter({ visible: true });
    await changes.waitFor();
    // (Other browser tests on the same server may have published a version in between.)
    expect(await changes.locator('.card-title').innerText()).toMatch(new RegExp(`^第 ${version} 版与您签署的第 [1-${version - 1}] 版相比$`));
    expect(await changes.locator('.diff-heading').allInnerTexts()).toEqual([expect.stringContaining('课后服务管理制度')]);
    // Only the words put in stand out, with a little of the text before them.
    expect(await changes.locator('.diff-added').innerText()).toBe(REVISION);
    expect(await changes.locator('.diff-line').innerText()).toMatch(/^加上：….*学生参加。（经家委会修订/);
    expect(await changes.locator('.diff-removed').count()).toBe(0);

    // One page, no box of its own to scroll; the hash only under 核验.
    const overflow = await parent.evaluate(
      () =>
        Array.from(document.querySelectorAll('.agreement-doc *')).filter((el) => {
          const style = getComputedStyle(el);
          return /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight;
        }).length,
    );
    expect(overflow).toBe(0);
    await parent.locator('.verify-box', { hasText: '本机核验：全文与摘要一致' }).filter({ visible: true }).waitFor();

    const submit = parent.locator('.agreement-submit').filter({ visible: true });
    const hint = parent.locator('.agreement-hint').filter({ visible: true });
    // NutUI's Button is a view: disabled is its class (and a tap does nothing).
    const disabled = async () => /nut-button-disabled/.test((await submit.getAttribute('class')) ?? '');
    expect(await disabled()).toBe(true);
    expect(await hint.innerText()).toBe('请先读到全文末尾');
    await screenshot(parent, 'parent-agreement-changes');

    // Read to the end: now the signature is what is missing.
    await parent.locator('.agreement-end').filter({ visible: true }).scrollIntoViewIfNeeded();
    await hint.filter({ hasText: '请在上面手写签名' }).waitFor();
    expect(await disabled()).toBe(true);

    await drawSignature(parent, '.agreement-pad');
    await hint.filter({ hasText: '请勾选' }).waitFor();
    await parent.locator('.agree-choice').filter({ visible: true }).click();
    await hint.waitFor({ state: 'detached' });
    expect(await disabled()).toBe(false);
    await screenshot(parent, 'parent-agreement-ready');

    await submit.click();
    await parent
      .locator('.signed-note', { hasText: `已签署第 ${version} 版` })
      .filter({ visible: true })
      .waitFor();
    expect(await parent.locator('.resign-changes').filter({ visible: true }).count()).toBe(0);
    await parent
      .locator('.signature-row', { hasText: `协议第 ${version} 版` })
      .filter({ visible: true })
      .click();
    await parent.locator('.verification-result', { hasText: '核验通过' }).filter({ visible: true }).waitFor();
    await parent.locator('.signature-image').filter({ visible: true }).waitFor();
    await parent.context().close();
  });
});
