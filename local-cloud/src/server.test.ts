import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type LocalRuntime } from './runtime';
import { DEMO, DEMO_IDS, seedDemoData } from './seed';
import { createLocalServer } from './server';
import { runAs } from './wx-context';

let runtime: LocalRuntime;
let server: Server;
let base: string;
let staticDir: string;

async function listen(r: LocalRuntime, options: { allowedHosts?: string[] } = {}): Promise<{ server: Server; base: string }> {
  const s = createLocalServer({ runtime: r, staticDir, ...options });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return { server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  runtime = await createRuntime();
  await seedDemoData(runtime.database);
  staticDir = mkdtempSync(join(tmpdir(), 'kehou-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>课后</title>');
  ({ server, base } = await listen(runtime));
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await runtime.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const callHome = (cookie?: string, body: object = { action: 'getHome', data: {} }) =>
  fetch(`${base}/api/functions/enrollment`, { method: 'POST', body: JSON.stringify(body), headers: cookie ? { cookie } : {} }).then((r) => r.json());

/** Signs in through the sign-in endpoint and returns the `name=value` of the session cookie. */
async function signIn(openid: string, at = base): Promise<string> {
  const response = await fetch(`${at}/api/session`, { method: 'POST', body: JSON.stringify({ openid }) });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0];
}

/** A raw request, so that Host and the path go out exactly as written. */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('local server', () => {
  it('/healthz answers 200', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('lists the demo users in order for the sign-in page', async () => {
    const users = await (await fetch(`${base}/api/demo-users`)).json();
    expect(users[0]).toEqual({ openid: DEMO.parent, name: '王建国', label: '家长（两个孩子）' });
    expect(users.map((u: { openid: string }) => u.openid)).toEqual(expect.arrayContaining(Object.values(DEMO)));
  });

  it('the sign-in list holds every class teacher of the demo schools', async () => {
    const users: { openid: string }[] = await (await fetch(`${base}/api/demo-users`)).json();
    const classes = (await runtime.database.collection('classes').limit(100).get()).data as unknown as { teacherOpenid: string }[];
    expect(classes.length).toBeGreaterThan(2);
    for (const c of classes) expect(users.map((u) => u.openid)).toContain(c.teacherOpenid);
  });

  it('signing in sets the caller that the functions see; the body cannot override it', async () => {
    const cookie = await signIn(DEMO.parent);
    expect(cookie).toMatch(/^kehou_session=/);
    expect(cookie).not.toContain(DEMO.parent);
    const home = await callHome(cookie, { action: 'getHome', data: {}, openid: DEMO.admin, userInfo: { openId: DEMO.admin } });
    expect(home.data.name).toBe('王建国');
    expect((await callHome()).data.signedIn).toBe(false);
    expect(await (await fetch(`${base}/api/session`, { headers: { cookie } })).json()).toEqual({ openid: DEMO.parent });
  });

  it('refuses to sign in as someone who is not a demo user', async () => {
    const response = await fetch(`${base}/api/session`, { method: 'POST', body: JSON.stringify({ openid: 'someone-else' }) });
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('a forged session is nobody: the bare openid, an edited cookie, a signed cookie of a non-demo user, an expired one', async () => {
    const real = (await signIn(DEMO.parent)).slice('kehou_session='.length);
    const [, expires, signature] = real.split('.');
    const forged = [
      `kehou_openid=${DEMO.admin}`,
      `kehou_session=${DEMO.admin}`,
      `kehou_session=${Buffer.from(DEMO.admin).toString('base64url')}.${expires}.${signature}`,
      `kehou_session=${real.slice(0, -2)}xx`,
      `kehou_session=${runtime.sessions.issue('demo-family-not-a-demo-user')}`,
      `kehou_session=${runtime.sessions.issue(DEMO.admin, Date.now() - 8 * 86_400_000)}`,
    ];
    for (const cookie of forged) {
      expect({ cookie, signedIn: (await callHome(cookie)).data.signedIn }).toEqual({ cookie, signedIn: false });
    }
  });

  it('answers only to its own host names: another Host, or a POST from another site, is refused', async () => {
    expect((await raw('/healthz', { Host: 'evil.example' })).status).toBe(421);
    expect((await raw('/api/demo-users', { Host: 'kehou.attacker.cn:8080' })).status).toBe(421);
    expect((await raw('/healthz', { Host: 'localhost:8080' })).status).toBe(200);
    const post = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: JSON.stringify({ openid: DEMO.parent }),
    });
    expect(post.status).toBe(403);
    expect(post.headers.get('set-cookie')).toBeNull();
    const configured = await listen(runtime, { allowedHosts: ['school-pc.local'] });
    const { port } = configured.server.address() as AddressInfo;
    const status = await new Promise<number>((resolve) =>
      request({ host: '127.0.0.1', port, path: '/healthz', headers: { Host: 'school-pc.local:80' } }, (res) => resolve(res.statusCode ?? 0)).end(),
    );
    expect(status).toBe(200);
    configured.server.closeAllConnections();
    configured.server.close();
  });

  it('answers a malformed URL with 400, not an error', async () => {
    for (const path of ['/%E0%A4%A', '/api/functions/%E0%A4%A', '/files/%E0%A4%A', '/outbox%ZZ']) {
      expect({ path, status: (await raw(path)).status }).toEqual({ path, status: 400 });
    }
  });

  it('serves the app and falls back to index.html', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('课后');
    expect(await (await fetch(`${base}/some/route`)).text()).toContain('课后');
    expect(await (await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).text()).not.toContain('root:');
  });

  it('refuses a body over 5 MB with 413', async () => {
    const response = await fetch(`${base}/api/functions/enrollment`, { method: 'POST', body: 'x'.repeat(5 * 1024 * 1024 + 1) });
    expect(response.status).toBe(413);
  });
});

describe('local server: the dev clock', () => {
  it('moves the local clock for the functions, and back, within the total cap', async () => {
    const post = (body: object) => fetch(`${base}/api/dev/clock`, { method: 'POST', body: JSON.stringify(body) });
    const moved = await (await post({ advanceDays: 2 })).json();
    expect(moved.shifted).toBe(true);
    expect(Math.round((Date.parse(moved.now) - Date.now()) / 86_400_000)).toBe(2);
    expect((await post({ advanceDays: 'x' })).status).toBe(400);
    // Each step is small, but the total is capped.
    const steps = [];
    for (let i = 0; i < 3; i++) steps.push((await post({ advanceDays: 364 })).status);
    expect(steps).toEqual([200, 200, 400]);
    const refused = await (await post({ advanceDays: 364 })).json();
    expect(refused.message).toBe('本地时钟与真实时间最多相差 730 天');
    expect((await (await post({ reset: true })).json()).shifted).toBe(false);
  });

  it('does not exist where the clock is not movable (a production-like start)', async () => {
    const fixed = await createRuntime({ clock: { movable: false } });
    const { server: s, base: at } = await listen(fixed);
    expect((await fetch(`${at}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: 1 }) })).status).toBe(404);
    expect((await fetch(`${at}/api/dev/clock`)).status).toBe(404);
    s.closeAllConnections();
    s.close();
    await fixed.close();
  });
});

describe('local server: the outbox, for signed-in people only', () => {
  beforeAll(async () => {
    const send = (touser: string, value: string) => runtime.cloud.openapi.subscribeMessage.send({ touser, templateId: 'T', data: { thing1: { value } } });
    await send(DEMO.parent, '<b>王小明</b> 报名已通过');
    await send(DEMO.secondGuardian, '王小明 的协议待签署');
    await send(DEMO.otherSchoolParent, '周同学 收费通知');
  });

  it('is refused without a signed-in caller, as a page and as JSON', async () => {
    const page = await fetch(`${base}/outbox`);
    expect(page.status).toBe(401);
    expect(await page.text()).not.toContain('王小明');
    expect((await fetch(`${base}/outbox?format=json`)).status).toBe(401);
    expect((await fetch(`${base}/outbox?format=json`, { headers: { cookie: `kehou_openid=${DEMO.admin}` } })).status).toBe(401);
  });

  it('a parent reads their own messages; the school admin their school’s; another school’s admin none of them', async () => {
    const asJson = async (openid: string) =>
      ((await (await fetch(`${base}/outbox?format=json`, { headers: { cookie: await signIn(openid) } })).json()) as { touser: string }[]).map((e) => e.touser);
    expect(await asJson(DEMO.parent)).toEqual([DEMO.parent]);
    expect(await asJson(DEMO.admin)).toEqual([DEMO.parent, DEMO.secondGuardian]);
    expect(await asJson(DEMO.otherSchoolAdmin)).toEqual([DEMO.otherSchoolParent]);
    expect(await asJson(DEMO.bureau)).toEqual([]);
    const page = await (await fetch(`${base}/outbox`, { headers: { cookie: await signIn(DEMO.parent) } })).text();
    expect(page).toContain('&lt;b&gt;王小明&lt;/b&gt;');
    expect(page).not.toContain('协议待签署');
  });
});

describe('local server: stored files, through a link that is the caller’s and expires', () => {
  let link: string;
  beforeAll(async () => {
    const { fileID } = await runtime.cloud.uploadFile({ cloudPath: `disclosure/${DEMO_IDS.suifenheSchool}/方案 1.pdf`, fileContent: Buffer.from('%PDF-1') });
    const { fileList } = await runAs(DEMO.admin, () => runtime.cloud.getTempFileURL({ fileList: [fileID] }));
    link = fileList[0].tempFileURL;
  });

  it('getTempFileURL gives a link with an expiry and a signature', () => {
    expect(link).toMatch(/^\/files\/disclosure\/.+\.pdf\?expires=\d+&sign=[\w-]+$/);
    const expires = Number(new URL(link, base).searchParams.get('expires'));
    expect(expires * 1000 - Date.now()).toBeGreaterThan(86_400_000 - 60_000);
    expect(expires * 1000 - Date.now()).toBeLessThanOrEqual(86_400_000);
  });

  it('opens for the caller it was given to, and for nobody else', async () => {
    const ok = await fetch(`${base}${link}`, { headers: { cookie: await signIn(DEMO.admin) } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('%PDF-1');
    expect((await fetch(`${base}${link}`)).status).toBe(401);
    expect((await fetch(`${base}${link}`, { headers: { cookie: await signIn(DEMO.parent) } })).status).toBe(403);
    const bare = link.slice(0, link.indexOf('?'));
    expect((await fetch(`${base}${bare}`, { headers: { cookie: await signIn(DEMO.admin) } })).status).toBe(403);
    const otherFile = link.replace('%201', '%202');
    expect((await fetch(`${base}${otherFile}`, { headers: { cookie: await signIn(DEMO.admin) } })).status).toBe(403);
  });

  it('an expired link, or one asking for more than a day, does not open', async () => {
    const path = link.slice(0, link.indexOf('?'));
    const expired = runtime.links.link(path, DEMO.admin, 60, Date.now() - 120_000);
    expect((await fetch(`${base}${expired}`, { headers: { cookie: await signIn(DEMO.admin) } })).status).toBe(410);
    const long = runtime.links.link(path, DEMO.admin, 30 * 86_400);
    expect(Number(new URL(long, base).searchParams.get('expires')) * 1000 - Date.now()).toBeLessThanOrEqual(86_400_000);
  });
});
