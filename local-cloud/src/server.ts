import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { UserDoc } from '@kehou/shared';
import { ClockError } from './clock';
import { isAllowedHost, isAllowedOrigin } from './http/hosts';
import { visibleOutbox } from './http/outbox-access';
import { SESSION_COOKIE, Sessions } from './http/sessions';
import { renderOutbox, renderOutboxSignIn } from './outbox-page';
import type { LocalRuntime } from './runtime';
import { FILES_URL_PREFIX } from './storage';

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
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ServerOptions {
  runtime: LocalRuntime;
  /** The H5 build to serve; the API works without it. */
  staticDir?: string;
  /** Host names it answers to besides 127.0.0.1, localhost and [::1] (`KEHOU_ALLOWED_HOSTS`). */
  allowedHosts?: readonly string[];
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One local server: the H5 app, the cloud functions (POST /api/functions/<name>), the demo sign-in
 * (a signed session cookie for a demo user; handlers read the caller only from the WeChat context),
 * the subscription-message outbox and cloud-storage files, both for signed-in callers only.
 * It answers only to its own host names.
 */
export function createLocalServer({ runtime, staticDir, allowedHosts = [] }: ServerOptions): Server {
  return createServer((req, res) => {
    handle({ runtime, staticDir, allowedHosts }, req, res).catch((error) => {
      if (error instanceof HttpError) {
        if (!res.headersSent) sendJson(res, error.status, { ok: false, message: error.message });
        return;
      }
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '本地服务出错' });
    });
  });
}

interface Context {
  runtime: LocalRuntime;
  staticDir?: string;
  allowedHosts: readonly string[];
}

async function handle(context: Context, req: IncomingMessage, res: ServerResponse) {
  const { runtime, staticDir, allowedHosts } = context;
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  if (!isAllowedHost(req.headers.host, allowedHosts)) {
    return sendJson(res, 421, { ok: false, message: '本地服务只响应 127.0.0.1、localhost 和配置的主机名（KEHOU_ALLOWED_HOSTS）' });
  }
  if (req.method !== 'GET' && req.method !== 'HEAD' && !isAllowedOrigin(req.headers.origin, allowedHosts)) {
    return sendJson(res, 403, { ok: false, message: '不接受来自其他网站的请求' });
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const rawPath = url.pathname;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return sendJson(res, 400, { ok: false, message: '地址格式不正确' });
  }

  if (path === '/healthz') return sendJson(res, 200, { ok: true });

  if (path.startsWith('/api/functions/') && req.method === 'POST') {
    const name = path.slice('/api/functions/'.length);
    let event: unknown;
    try {
      event = JSON.parse((await readBody(req)) || '{}');
    } catch (error) {
      if (error instanceof HttpError) throw error;
      return sendJson(res, 400, { ok: false, code: 'INVALID_INPUT', message: '请求不是有效的 JSON' });
    }
    const result = await runtime.call(name, event, await callerOf(runtime, req));
    return sendJson(res, 200, result);
  }

  if (path === '/api/demo-users' && req.method === 'GET') return sendJson(res, 200, await demoUsers(runtime));

  if (path === '/api/session') return session(runtime, req, res);

  // Local only: the person's answer in the "模拟微信支付" sheet (WeChat shows its own). Only the
  // signed-in payer can answer; the stand-in then calls the payment callback as WeChat Pay does.
  if (path === '/api/dev/pay' && req.method === 'POST') {
    const openid = await callerOf(runtime, req);
    if (!openid) return sendJson(res, 401, { errMsg: 'requestPayment:fail 请先登录' });
    const body = safeJson(await readBody(req)) as { prepayId?: unknown; outcome?: unknown } | null;
    const outcome = body?.outcome === 'pay' || body?.outcome === 'fail' ? body.outcome : 'cancel';
    const answer = await runtime.pay.settle(String(body?.prepayId ?? ''), outcome, openid);
    return sendJson(res, 200, { errMsg: answer.errMsg });
  }

  // Local only, and only where the runtime's clock is movable: a listing period ends without waiting.
  if (path === '/api/dev/clock' && runtime.clock.movable) return devClock(runtime, req, res);

  if (path === '/outbox') {
    const openid = await callerOf(runtime, req);
    const json = url.searchParams.get('format') === 'json';
    if (!openid) {
      if (json) return sendJson(res, 401, { ok: false, message: '请先登录' });
      res.writeHead(401, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-store' });
      return res.end(renderOutboxSignIn());
    }
    const touser = url.searchParams.get('touser');
    const entries = (await visibleOutbox(runtime.database, runtime.outbox.list(), openid)).filter((e) => !touser || e.touser === touser);
    if (json) return sendJson(res, 200, entries);
    res.writeHead(200, { 'Content-Type': MIME['.html'], 'Cache-Control': 'no-store' });
    return res.end(renderOutbox(entries));
  }

  if (rawPath.startsWith(FILES_URL_PREFIX)) return file(runtime, rawPath, url, req, res);
  if (path.startsWith('/api/')) return sendJson(res, 404, { ok: false, message: '找不到该地址' });

  if (staticDir && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(staticDir, path, res);
  sendJson(res, 404, { ok: false, message: '找不到该地址' });
}

async function session(runtime: LocalRuntime, req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'DELETE') {
    res.setHeader('Set-Cookie', Sessions.cleared);
    return sendJson(res, 200, { ok: true });
  }
  if (req.method === 'GET') return sendJson(res, 200, { openid: await callerOf(runtime, req) });
  if (req.method === 'POST') {
    const body = safeJson(await readBody(req)) as { openid?: unknown } | null;
    const openid = typeof body?.openid === 'string' ? body.openid : '';
    if (!(await isDemoUser(runtime, openid))) return sendJson(res, 400, { ok: false, message: '只能以演示用户登录' });
    res.setHeader('Set-Cookie', Sessions.cookie(runtime.sessions.issue(openid)));
    return sendJson(res, 200, { ok: true, openid });
  }
  return sendJson(res, 405, { ok: false, message: '不支持的请求方法' });
}

async function devClock(runtime: LocalRuntime, req: IncomingMessage, res: ServerResponse) {
  if (req.method === 'POST') {
    const body = safeJson(await readBody(req)) as { advanceDays?: unknown; reset?: unknown } | null;
    try {
      if (body?.reset === true) runtime.clock.reset();
      else if (typeof body?.advanceDays === 'number') runtime.clock.advanceDays(body.advanceDays);
      else return sendJson(res, 400, { ok: false, message: '请给出 advanceDays（天数）或 reset: true' });
    } catch (error) {
      if (error instanceof ClockError) return sendJson(res, 400, { ok: false, message: error.message });
      throw error;
    }
  }
  return sendJson(res, 200, { now: runtime.clock.now().toISOString(), shifted: runtime.clock.shifted, maxShiftDays: runtime.clock.maxShiftDays });
}

/** A stored file, through a link getTempFileURL gave the signed-in caller, until it expires. */
async function file(runtime: LocalRuntime, rawPath: string, url: URL, req: IncomingMessage, res: ServerResponse) {
  const openid = await callerOf(runtime, req);
  if (!openid) return sendJson(res, 401, { ok: false, message: '请先登录再打开文件' });
  const check = runtime.links.check(rawPath, url.searchParams.get('expires'), url.searchParams.get('sign'), openid);
  if (check === 'expired') return sendJson(res, 410, { ok: false, message: '文件链接已过期，请回到页面重新打开' });
  if (check !== 'ok') return sendJson(res, 403, { ok: false, message: '这个文件链接无效，或不是给您的' });
  const fileID = runtime.storage.fileIdOfUrl(rawPath);
  const content = fileID ? runtime.storage.read(fileID) : null;
  if (!content) return sendJson(res, 404, { ok: false, message: '文件不存在' });
  res.writeHead(200, { 'Content-Type': MIME[extname(rawPath).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'private, no-store' });
  return res.end(content);
}

function serveStatic(dir: string, path: string, res: ServerResponse) {
  const relative = normalize(path).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, relative);
  if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
  if (!existsSync(file)) return sendJson(res, 404, { ok: false, message: '前端尚未构建：请运行 npm start' });
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  const cache = extname(file) === '.html' ? 'no-cache' : 'public, max-age=3600';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': cache });
  res.end(readFileSync(file));
}

async function demoUsers(runtime: LocalRuntime) {
  const { data } = await runtime.database
    .collection('users')
    .where({ demo: runtime.database.command.exists(true) })
    .limit(100)
    .get();
  return (data as unknown as UserDoc[])
    .sort((a, b) => (a.demo?.order ?? 0) - (b.demo?.order ?? 0))
    .map((u) => ({ openid: u._id, name: u.name, label: u.demo?.label ?? '' }));
}

async function isDemoUser(runtime: LocalRuntime, openid: string): Promise<boolean> {
  if (!openid) return false;
  const _ = runtime.database.command;
  return (
    (
      await runtime.database
        .collection('users')
        .where({ _id: openid, demo: _.exists(true) })
        .count()
    ).total === 1
  );
}

/** The signed-in caller: a valid session cookie of a demo user, else nobody. */
async function callerOf(runtime: LocalRuntime, req: IncomingMessage): Promise<string | null> {
  const value = cookie(req, SESSION_COOKIE);
  const openid = value ? runtime.sessions.openidOf(value) : null;
  return openid && (await isDemoUser(runtime, openid)) ? openid : null;
}

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
      else reject(new HttpError(413, '请求内容太大')); // the rest is read and dropped
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
