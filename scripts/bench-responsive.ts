// Measures how long /healthz waits while one long call pages through a big collection.
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { createLocalServer, createRuntime } from '../local-cloud/src';
import type { CloudFunction } from '@kehou/shared/cloud';
import { getAll } from '@kehou/shared/cloud';

const DOCS = Number(process.env.DOCS ?? 20000);
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const waits = [];
  let stop = false;
  parentPort.on('message', () => (stop = true));
  while (!stop) {
    const t = Date.now();
    await fetch(workerData + '/healthz');
    waits.push(Date.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  parentPort.postMessage(waits);
})();`;
async function main() {
  const scan: CloudFunction = async (cloud) => {
    const rows = await getAll<{ n: number }>(cloud.database().collection('attendance').where({ schoolId: 's1' }));
    return { ok: true, data: rows.length };
  };
  const runtime = await createRuntime({ functions: { scan } });
  const docs = Array.from({ length: DOCS }, (_u, i) => ({ _id: `a${i}`, schoolId: 's1', n: i }));
  for (let i = 0; i < docs.length; i += 1000) await runtime.database.collection('attendance').add({ data: docs.slice(i, i + 1000) });
  const server = createLocalServer({ runtime });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = new Worker(PROBE, { eval: true, workerData: base });
  await new Promise((r) => setTimeout(r, 200));
  const started = Date.now();
  const answer = await runtime.call('scan', {}, null);
  const took = Date.now() - started;
  const waits: number[] = await new Promise((resolve) => { probe.once('message', resolve); probe.postMessage('stop'); });
  await probe.terminate();
  console.log(`long call ${took} ms over ${DOCS} docs (${JSON.stringify(answer)}); /healthz answered ${waits.length} times, worst ${Math.max(...waits)} ms`);
  server.close();
  await runtime.close();
}
main();
