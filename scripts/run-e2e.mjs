// Browser journeys: starts the local runtime on a free port with a fresh data folder (demo data
// seeded), serves the H5 build, runs tests/e2e with jest, then stops the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'client/dist/h5/index.html'))) {
  console.error('H5 尚未构建：请先运行 npm run build:h5');
  process.exit(1);
}

const port = await freePort();
const outDir = join(root, '.out');
spawnSync('mkdir', ['-p', outDir]);
const dataDir = mkdtempSync(join(outDir, 'e2e-data-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'local-cloud/src/main.ts'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), KEHOU_DATA_DIR: dataDir },
  stdio: ['ignore', 'inherit', 'inherit'],
});

let status = 1;
try {
  await waitForHealth(`http://127.0.0.1:${port}/healthz`, 60_000);
  const jest = spawnSync(join(root, 'node_modules/.bin/jest'), ['--ci', '--runInBand', '--config', 'jest.e2e.config.js', ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, KEHOU_URL: `http://127.0.0.1:${port}` },
    stdio: 'inherit',
  });
  status = jest.status ?? 1;
} finally {
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);

function freePort() {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`local runtime did not become healthy: ${url}`);
}
