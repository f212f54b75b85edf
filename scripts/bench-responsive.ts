// Part of `npm run bench`: how long other requests wait while one long call runs. One call pages
// through a collection of DOCS documents (as a school-wide fee preview pages through a term's
// attendance) while a worker thread asks /healthz every 20 ms; prints the waits and fails when the
// worst one breaks the budget.
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { type CloudFunction, getAll } from '@kehou/shared/cloud';
import { createLocalServer, createRuntime } from '../local-cloud/src';

const DOCS = Number(process.env.BENCH_LONG_CALL_DOCS ?? 30_000);
/** The longest /healthz may wait during the long call. */
export const HEALTHZ_BUDGET_MS = 500;

const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const waits = [];
  let stop = false;
  parentPort.on('message', () => (stop = true));
  while (!stop) {
    const start = Date.now();
    await fetch(workerData + '/healthz');
    waits.push(Date.now() - start);
    await new Promise((r) => setTimeout(r, 20));
  }
  parentPort.postMessage(waits);
})();`;

export async function benchHealthzDuringLongCall(): Promise<boolean> {
  const scan: CloudFunction = async (cloud) => {
    const rows = await getAll(cloud.database().collection('attendance').where({ schoolId: 'bench' }));
    return { ok: true, data: rows.length };
  };
  const runtime = await createRuntime({ functions: { scan } });
  for (let i = 0; i < DOCS; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, DOCS - i) }, (_u, j) => ({ _id: `a${i + j}`, schoolId: 'bench', attendedMinutes: 90 }));
    await runtime.database.collection('attendance').add({ data: batch });
  }
  const server = createLocalServer({ runtime });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const probe = new Worker(PROBE, { eval: true, workerData: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    await runtime.call('scan', {}, null);
    const took = Date.now() - started;
    const waits: number[] = await new Promise((resolve) => {
      probe.once('message', resolve);
      probe.postMessage('stop');
    });
    const sorted = [...waits].sort((a, b) => a - b);
    const worst = sorted[sorted.length - 1];
    const p50 = sorted[Math.floor(sorted.length / 2)];
    const ok = worst <= HEALTHZ_BUDGET_MS;
    console.log(
      `一次长调用（分页读取 ${DOCS} 条）用时 ${took} ms；期间 /healthz 应答 ${waits.length} 次，p50 ${p50} ms，最长 ${worst} ms（预算 ${HEALTHZ_BUDGET_MS} ms）${ok ? '' : '  ✗ 超出预算'}`,
    );
    return ok;
  } finally {
    await probe.terminate();
    server.closeAllConnections();
    server.close();
    await runtime.close();
  }
}
