// `npm run bench`: what the product costs. Prints each mini-program package's size (from the last
// weapp build), each cloud function bundle's size, and p50/p95 of a typical read call
// (enrollment.getHome as a parent) through the local runtime over 1,000 calls: over HTTP as the H5
// app calls it, and in-process as the handlers run; and how long /healthz waits while one long call
// pages through a big collection (fails beyond its budget).
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTION_NAMES } from '@kehou/shared';
import { createLocalServer, createRuntime, DEMO, seedDemoData } from '../local-cloud/src';
import { benchHealthzDuringLongCall } from './bench-responsive';
// @ts-expect-error plain ESM helper shared with the size check
import { measureWeapp } from './check-weapp.mjs';

const CALLS = 1000;
const root = join(__dirname, '..');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeCalls(label: string, call: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await call(); // warm up
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const start = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} p50 ${percentile(times, 50).toFixed(2)} ms   p95 ${percentile(times, 95).toFixed(2)} ms   (${CALLS} calls)`);
}

async function main() {
  console.log('== 小程序包体积 (client/dist/weapp)');
  const weapp = join(root, 'client/dist/weapp');
  if (existsSync(join(weapp, 'app.json'))) {
    const { sizes } = measureWeapp(weapp) as { sizes: Map<string, number> };
    let total = 0;
    for (const [name, size] of sizes) {
      total += size;
      console.log(`${name.padEnd(12)} ${kb(size).padStart(10)}`);
    }
    console.log(`${'total'.padEnd(12)} ${kb(total).padStart(10)}`);
  } else console.log('(未构建：先运行 npm run build:weapp)');

  console.log('\n== 云函数包体积 (cloudfunctions/*/index.js)');
  for (const name of FUNCTION_NAMES) {
    const file = join(root, 'cloudfunctions', name, 'index.js');
    console.log(`${name.padEnd(12)} ${existsSync(file) ? kb(statSync(file).size).padStart(10) : '(未打包：npm run build:functions)'}`);
  }

  console.log('\n== 典型读取调用：enrollment.getHome（家长）');
  const dataDir = mkdtempSync(join(tmpdir(), 'kehou-bench-'));
  const runtime = await createRuntime({ dataDir });
  await seedDemoData(runtime.database);
  const server = createLocalServer({ runtime });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/functions/enrollment`;
  const body = JSON.stringify({ action: 'getHome', data: {} });
  const cookie = `kehou_session=${runtime.sessions.issue(DEMO.parent)}`;
  try {
    await timeCalls('HTTP → 本地运行时 → 云函数 → 数据库', async () => {
      const response = await fetch(url, { method: 'POST', body, headers: { cookie } });
      const answer = (await response.json()) as { ok: boolean };
      if (!answer.ok) throw new Error('call failed');
    });
    await timeCalls('进程内：runtime.call（不经 HTTP）', async () => {
      const answer = await runtime.call('enrollment', { action: 'getHome', data: {} }, DEMO.parent);
      if (!answer.ok) throw new Error('call failed');
    });
  } finally {
    server.closeAllConnections();
    server.close();
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  console.log('\n== 长调用期间其他请求的等待（/healthz）');
  if (!(await benchHealthzDuringLongCall())) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
