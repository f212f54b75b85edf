import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { UserDoc } from '@kehou/shared';
import type { LocalRuntime } from './runtime';
import { renderOutbox } from './outbox-page';

const SESSION_COOKIE = 'kehou_openid';
const MAX_BODY = 5 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ServerOptions {
  runtime: LocalRuntime;
  /** The H5 build to serve; the API works without it. */
  staticDir?: string;
}

/**
 * One local server: the H5 app, the cloud functions (POST /api/functions/<name>), the demo sign-in
 * that sets the caller's openid in a cookie (handlers read it only from the WeChat context), the
 * subscription-message outbox and cloud-storage files.
 */
export function createLocalServer({ runtime, staticDir }: ServerOptions): Server {
  return createServer((req, res) => {
    handle(runtime, staticDir, req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '本地服务出错' });
    });
  });
}

async function handle(runtime: LocalRuntime, staticDir: string | undefined, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;

  if (path === '/healthz') return sendJson(res, 200, { ok: true });

  if (path.startsWith('/api/functions/') && req.method === 'POST') {
    const name = decodeURIComponent(path.slice('/api/functions/'.length));
    let event: unknown;
    try {
      event = JSON.parse((await readBody(req)) || '{}');
    } catch {
      return sendJson(res, 400, { ok: false, code: 'INVALID_INPUT', message: '请求不是有效的 JSON' });
    }
    const result = await runtime.call(name, event, readSession(req));
    return sendJson(res, 200, result);
  }

  if (path === '/api/demo-users' && req.method === 'GET') return sendJson(res, 200, await demoUsers(runtime));

  if (path === '/api/session') {
    if (req.method === 'DELETE') {
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`);
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'GET') return sendJson(res, 200, { openid: readSession(req) });
    if (req.method === 'POST') {
      const body = safeJson(await readBody(req)) as { openid?: unknown } | null;
      const openid = typeof body?.openid === 'string' ? body.openid : '';
      const users = await demoUsers(runtime);
      if (!users.some((u) => u.openid === openid)) {
        return sendJson(res, 400, { ok: false, message: '只能以演示用户登录' });
      }
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${encodeURIComponent(openid)}; Path=/; SameSite=Lax; HttpOnly`);
      return sendJson(res, 200, { ok: true, openid });
    }
  }

  // Local only: the person's answer in the "模拟微信支付" sheet (WeChat shows its own). Only the
  // signed-in payer can answer; the stand-in then calls the payment callback as WeChat Pay does.
  if (path === '/api/dev/pay' && req.method === 'POST') {
    const openid = readSession(req);
    if (!openid) return sendJson(res, 401, { errMsg: 'requestPayment:fail 请先登录' });
    const body = safeJson(await readBody(req)) as { prepayId?: unknown; outcome?: unknown } | null;
    const outcome = body?.outcome === 'pay' || body?.outcome === 'fail' ? body.outcome : 'cancel';
    const answer = await runtime.pay.settle(String(body?.prepayId ?? ''), outcome, openid);
    return sendJson(res, 200, { errMsg: answer.errMsg });
  }

  // Local only: move the runtime's clock (a listing period ends without waiting). WeChat has no such thing.
  if (path === '/api/dev/clock') {
    if (req.method === 'POST') {
      const body = safeJson(await readBody(req)) as { advanceDays?: unknown; reset?: unknown } | null;
      if (body?.reset === true) runtime.clock.reset();
      else if (typeof body?.advanceDays === 'number' && Math.abs(body.advanceDays) <= 366) runtime.clock.advanceDays(body.advanceDays);
      else return sendJson(res, 400, { ok: false, message: '请给出 advanceDays（天数）或 reset: true' });
    }
    return sendJson(res, 200, { now: runtime.clock.now().toISOString(), shifted: runtime.clock.shifted });
  }

  if (path === '/outbox') {
    const entries = runtime.outbox.list(url.searchParams.get('touser') ?? undefined);
    if (url.searchParams.get('format') === 'json') return sendJson(res, 200, entries);
    res.writeHead(200, { 'Content-Type': MIME['.html'] });
    return res.end(renderOutbox(entries));
  }

  if (path.startsWith('/files/')) {
    const fileID = runtime.storage.pathOfUrl(path.slice('/files/'.length));
    const content = fileID ? runtime.storage.read(fileID) : null;
    if (!content) return sendJson(res, 404, { ok: false, message: '文件不存在' });
    res.writeHead(200, { 'Content-Type': MIME[extname(path)] ?? 'application/octet-stream' });
    return res.end(content);
  }

  if (staticDir && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(staticDir, path, res);
  sendJson(res, 404, { ok: false, message: '找不到该地址' });
}

function serveStatic(dir: string, path: string, res: ServerResponse) {
  const relative = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, relative);
  if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
  if (!existsSync(file)) return sendJson(res, 404, { ok: false, message: '前端尚未构建：请运行 npm start' });
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  const cache = extname(file) === '.html' ? 'no-cache' : 'public, max-age=3600';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache });
  res.end(readFileSync(file));
}

async function demoUsers(runtime: LocalRuntime) {
  const { data } = await runtime.database.collection('users').where({ demo: runtime.database.command.exists(true) }).limit(100).get();
  return (data as unknown as UserDoc[])
    .sort((a, b) => (a.demo?.order ?? 0) - (b.demo?.order ?? 0))
    .map((u) => ({ openid: u._id, name: u.name, label: u.demo?.label ?? '' }));
}

function readSession(req: IncomingMessage): string | null {
  const cookie = req.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === SESSION_COOKIE) return decodeURIComponent(rest.join('=')) || null;
  }
  return null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': MIME['.json'], 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
