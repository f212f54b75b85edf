// `npm start`: everything the local app needs, on a fresh clone. Installs dependencies when they
// are missing, builds the H5 client when its sources changed, then starts the local cloud
// runtime that serves the app and runs the cloud functions (PORT, default 8080).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { h5IsStale } from './h5-stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!existsSync(join(root, 'node_modules', '.bin', 'tsx'))) {
  console.log('安装依赖（npm ci）…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
if (h5IsStale(root)) {
  console.log('构建 H5 前端…');
  run('npm', ['run', 'build:h5']);
}
const server = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['local-cloud/src/main.ts'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
