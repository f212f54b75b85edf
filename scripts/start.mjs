// `npm start`: everything the local app needs, on a fresh clone. Installs dependencies when they
// are missing, builds the H5 client when its sources changed, then starts the local cloud
// runtime that serves the app and runs the cloud functions (PORT, default 8080).
//
// Each step runs in a process group of its own; SIGINT/SIGTERM/SIGHUP to this script go to the
// whole group of the step under way (an install, the build and its workers, the server), and this
// script exits only once that step has ended: stopping `npm start` stops everything it started.
// npm does not pass a SIGTERM on to us (its shell dies and leaves us running), so losing our
// parent counts as being told to stop.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { h5IsStale } from './h5-stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let current = null;
let stoppedBy = null;

function stop(signal) {
  stoppedBy = signal;
  if (!current) process.exit(0);
  try {
    process.kill(-current.pid, signal);
  } catch {
    // the group has already gone
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && !stoppedBy) stop('SIGTERM');
}, 250).unref();

/** Runs a step in its own process group; resolves with its exit code. */
function step(cmd, args) {
  return new Promise((resolve) => {
    current = spawn(cmd, args, { cwd: root, stdio: 'inherit', detached: true });
    current.on('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function run(cmd, args) {
  const code = await step(cmd, args);
  if (stoppedBy) process.exit(0);
  if (code !== 0) process.exit(code);
}

if (!existsSync(join(root, 'node_modules', '.bin', 'tsx'))) {
  console.log('安装依赖（npm ci）…');
  await run('npm', ['ci', '--no-audit', '--no-fund']);
}
if (h5IsStale(root)) {
  console.log('构建 H5 前端…');
  await run('npm', ['run', 'build:h5']);
}
// One process (node with tsx's loader), so a signal reaches the server itself.
await run(process.execPath, ['--import', 'tsx', join('local-cloud', 'src', 'main.ts')]);
