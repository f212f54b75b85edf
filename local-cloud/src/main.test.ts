/**
 * The local server as `npm start` runs it (a child process): it refuses to start on a damaged data
 * file and says how to restore, and it stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from './runtime';

const root = join(__dirname, '../..');
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kehou-main-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function start(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local-cloud/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', KEHOU_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe('npm start (local-cloud/src/main.ts)', () => {
  it('refuses to start on a damaged data file: names the file and the line, keeps a copy aside, explains the restore', async () => {
    const runtime = await createRuntime({ dataDir: dataDir });
    await runtime.database.collection('students').add({
      data: [
        { _id: 's1', name: '王小明' },
        { _id: 's2', name: '李华' },
      ],
    });
    await runtime.close();
    const file = join(dataDir, 'db', 'students.db');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = lines[2].slice(0, 12);
    const damaged = lines.join('\n');
    writeFileSync(file, damaged);

    const server = start();
    expect(await server.exited).toBe(3);
    expect(server.output()).toContain(`本地服务没有启动：数据文件 ${file} 第 3 行已损坏（不是完整的 JSON）`);
    expect(server.output()).toContain('npm run restore -- latest');
    const [aside] = readdirSync(join(dataDir, 'damaged'));
    expect(readFileSync(join(dataDir, 'damaged', aside, 'students.db'), 'utf8')).toBe(damaged);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
    expect(existsSync(join(dataDir, 'server.pid'))).toBe(false);
  }, 30_000);

  async function urlOf(server: ReturnType<typeof start>): Promise<string> {
    const deadline = Date.now() + 25_000;
    let url: string | null = null;
    while (!url && Date.now() < deadline) {
      url = /已启动：(http:\/\/[^/]+)\//.exec(server.output())?.[1] ?? null;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!url) throw new Error(`the server did not start:\n${server.output()}`);
    return url;
  }

  it('backs up before starting, and stops on SIGTERM: the port closes, the data folder is released', async () => {
    const server = start();
    const url = await urlOf(server);
    expect((await fetch(`${url}/api/dev/clock`)).status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(readdirSync(join(dataDir, 'backups')).some((name) => name.endsWith('_start'))).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(existsSync(join(dataDir, 'server.pid'))).toBe(false);
    expect(readFileSync(join(dataDir, 'db', 'journal.log'), 'utf8')).toBe('');
  }, 40_000);

  it('a production-like start (a configured host name) runs on real time: no dev clock', async () => {
    const server = start({ KEHOU_ALLOWED_HOSTS: 'school-pc.local' });
    const url = await urlOf(server);
    expect(server.output()).toContain('按真实时间运行');
    expect((await fetch(`${url}/api/dev/clock`, { method: 'POST', body: JSON.stringify({ advanceDays: 3 }) })).status).toBe(404);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 40_000);
});
