import type { CloudFunction, CloudSdk } from '@kehou/shared/cloud';
import { createRuntime, type LocalRuntime } from './runtime';

/** A function that does `steps` round trips of each kind it is asked for. */
const work: CloudFunction = async (cloud: CloudSdk, event: any) => {
  const db = cloud.database();
  const _ = db.command;
  const n: number = event.data?.n ?? 1;
  for (let i = 0; i < n; i += 1) await db.collection('audit').add({ data: { _id: `m-${event.data?.tag ?? 'x'}-${i}`, kind: 'meter', i } });
  if (event.action === 'all') {
    await db
      .collection('audit')
      .doc(`m-${event.data?.tag ?? 'x'}-0`)
      .get();
    await db.collection('audit').where({ kind: 'meter' }).limit(5).get();
    await db.collection('audit').where({ kind: 'meter' }).count();
    await db
      .collection('audit')
      .where({ kind: 'meter', i: _.gte(0) })
      .update({ data: { seen: true } });
    await (db.collection('audit') as any).aggregate().match({ kind: 'meter' }).count('n').end();
    await db.runTransaction(async (t) => {
      await t
        .collection('audit')
        .doc(`m-${event.data?.tag ?? 'x'}-0`)
        .get();
      await t
        .collection('audit')
        .doc(`m-${event.data?.tag ?? 'x'}-0`)
        .update({ data: { inTx: true } });
    });
    await db
      .collection('audit')
      .doc(`m-${event.data?.tag ?? 'x'}-0`)
      .remove();
    await cloud.openapi.subscribeMessage.send({ touser: 'o-parent', templateId: 'tpl', data: { thing1: { value: 'x' } } });
  }
  return { ok: true, data: { done: n } };
};

let runtime: LocalRuntime;
beforeEach(async () => {
  runtime = await createRuntime({ functions: { work } });
});
afterEach(() => runtime.close());

it('counts each database operation as one round trip, a transaction as one more, and the messages sent', async () => {
  const measured = await runtime.meter.measure(() => runtime.call('work', { action: 'all', data: { n: 3 } }, 'o-1'));
  expect(measured.result).toEqual({ ok: true, data: { done: 3 } });
  // 3 adds + doc get + where get + count + where update + aggregate + (transaction + get + update) + remove
  expect(measured.figures).toMatchObject({ roundTrips: 12, reads: 5, writes: 6, transactions: 1, messages: 1, calls: 1, timeouts: 0 });
  expect(measured.figures.readBytes).toBeGreaterThan(0);
  expect(measured.figures.answerBytes).toBe(Buffer.byteLength(JSON.stringify({ ok: true, data: { done: 3 } })));
  expect(runtime.meter.totals.roundTrips).toBe(12);
  expect(runtime.outbox.list('o-parent')).toHaveLength(1);
});

it('stopAfter kills the call at the k+1-th round trip: the first k happened, nothing after, and the call answers TIMEOUT', async () => {
  const measured = await runtime.meter.measure(() => runtime.call('work', { action: 'all', data: { n: 10, tag: 'k' } }, 'o-1'), { stopAfter: 4 });
  expect(measured.stopped).toBe(true);
  expect(measured.result).toMatchObject({ ok: false, code: 'TIMEOUT' });
  expect(measured.figures).toMatchObject({ roundTrips: 4, timeouts: 1 });
  const { total } = await runtime.database.collection('audit').where({ kind: 'meter' }).count();
  expect(total).toBe(4);
});

it('a killed call sends no message and its transaction is rolled back', async () => {
  // 1 add + get + get + count + update + aggregate = 6, then the transaction (7), its get (8); its update is the 9th
  const measured = await runtime.meter.measure(() => runtime.call('work', { action: 'all', data: { n: 1, tag: 't' } }, 'o-1'), { stopAfter: 8 });
  expect(measured.result).toMatchObject({ code: 'TIMEOUT' });
  const { data } = await runtime.database.collection('audit').doc('m-t-0').get();
  expect(data.inTx).toBeUndefined();
  expect(data.seen).toBe(true);
  expect(runtime.outbox.list('o-parent')).toHaveLength(0);
});

it('concurrent measures count only their own calls', async () => {
  const [a, b] = await Promise.all([
    runtime.meter.measure(() => runtime.call('work', { action: 'some', data: { n: 2, tag: 'a' } }, 'o-1')),
    runtime.meter.measure(() => runtime.call('work', { action: 'some', data: { n: 5, tag: 'b' } }, 'o-2')),
  ]);
  expect(a.figures.roundTrips).toBe(2);
  expect(b.figures.roundTrips).toBe(5);
});

it('adds the latency to every round trip', async () => {
  runtime.meter.latencyMs = 15;
  const measured = await runtime.meter.measure(() => runtime.call('work', { action: 'some', data: { n: 4, tag: 'l' } }, 'o-1'));
  expect(measured.wallMs).toBeGreaterThanOrEqual(4 * 14);
});
