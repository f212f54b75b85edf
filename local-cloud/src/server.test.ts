import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type LocalRuntime } from './runtime';
import { DEMO, seedDemoData } from './seed';
import { createLocalServer } from './server';

let runtime: LocalRuntime;
let server: Server;
let base: string;
let staticDir: string;

beforeAll(async () => {
  runtime = await createRuntime();
  await seedDemoData(runtime.database);
  staticDir = mkdtempSync(join(tmpdir(), 'kehou-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>课后</title>');
  server = createLocalServer({ runtime, staticDir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await runtime.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const callHome = (cookie?: string, body: object = { action: 'getHome', data: {} }) =>
  fetch(`${base}/api/functions/enrollment`, { method: 'POST', body: JSON.stringify(body), headers: cookie ? { cookie } : {} }).then((r) => r.json());

describe('local server', () => {
  it('/healthz answers 200', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('lists the demo users in order for the sign-in page', async () => {
    const users = await (await fetch(`${base}/api/demo-users`)).json();
    expect(users[0]).toEqual({ openid: DEMO.parent, name: '王建国', label: '家长（两个孩子）' });
    expect(users.map((u: { openid: string }) => u.openid)).toEqual(expect.arrayContaining(Object.values(DEMO)));
  });

  it('signing in sets the caller that the functions see; the body cannot override it', async () => {
    const response = await fetch(`${base}/api/session`, { method: 'POST', body: JSON.stringify({ openid: DEMO.parent }) });
    const cookie = response.headers.get('set-cookie')!.split(';')[0];
    const home = await callHome(cookie, { action: 'getHome', data: {}, openid: DEMO.admin, userInfo: { openId: DEMO.admin } });
    expect(home.data.name).toBe('王建国');
    expect((await callHome()).data.signedIn).toBe(false);
  });

  it('refuses to sign in as someone who is not a demo user', async () => {
    const response = await fetch(`${base}/api/session`, { method: 'POST', body: JSON.stringify({ openid: 'someone-else' }) });
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('answers bad JSON with a Chinese error', async () => {
    const response = await fetch(`${base}/api/functions/enrollment`, { method: 'POST', body: '{nope' });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toBe('请求不是有效的 JSON');
  });

  it('serves the app and falls back to index.html', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('课后');
    expect(await (await fetch(`${base}/some/route`)).text()).toContain('课后');
    expect(await (await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).text()).not.toContain('root:');
  });

  it('moves the local clock for the functions, and back', async () => {
    const moved = await (await fetch(`${base}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: 2 }) })).json();
    expect(moved.shifted).toBe(true);
    expect(Math.round((Date.parse(moved.now) - Date.now()) / 86_400_000)).toBe(2);
    expect((await fetch(`${base}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: 'x' }) })).status).toBe(400);
    expect((await (await fetch(`${base}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ reset: true }) })).json()).shifted).toBe(false);
  });

  it('shows the outbox as a page and as JSON', async () => {
    await runtime.cloud.openapi.subscribeMessage.send({ touser: DEMO.parent, templateId: 'T', data: { thing1: { value: '<b>通知</b>' } } });
    const page = await (await fetch(`${base}/outbox`)).text();
    expect(page).toContain('&lt;b&gt;通知&lt;/b&gt;');
    expect(await (await fetch(`${base}/outbox?format=json&touser=${DEMO.parent}`)).json()).toHaveLength(1);
  });
});
