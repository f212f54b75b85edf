/**
 * Contract: update semantics (WeChat merges nested objects field by field; `_.set` replaces) and
 * every update command, on doc(id).update and on query-level update/remove (multi-document).
 */
import { type ContractDatabase, failureOf, openContractDatabase } from './contract-harness';
import type { DocumentData } from './types';

let harness: ContractDatabase;
let name: string;

const db = () => harness.db;
const _ = () => harness.db.command;

beforeEach(async () => {
  harness = await openContractDatabase();
  name = await harness.collection('upd');
});

afterEach(() => harness.close());

async function updated(initial: DocumentData, data: DocumentData): Promise<DocumentData> {
  await db()
    .collection(name)
    .add({ data: { _id: 'doc', ...initial } });
  const result = await db().collection(name).doc('doc').update({ data });
  expect(result.errMsg).toBe('document.update:ok');
  const { data: doc } = await db().collection(name).doc('doc').get();
  const { _id, ...rest } = doc;
  return rest;
}

describe('contract: nested objects in update data', () => {
  it('merge field by field: { a: { b: 1 } } sets a.b and keeps a.c', async () => {
    expect(await updated({ a: { b: 0, c: 2 } }, { a: { b: 1 } })).toEqual({ a: { b: 1, c: 2 } });
  });

  it('merge at any depth, creating missing parents', async () => {
    expect(await updated({ a: { x: { y: 1, z: 2 } } }, { a: { x: { y: 5 }, w: 3 }, n: { m: 1 } })).toEqual({
      a: { x: { y: 5, z: 2 }, w: 3 },
      n: { m: 1 },
    });
  });

  it('_.set({...}) replaces the object instead', async () => {
    expect(await updated({ a: { b: 0, c: 2 } }, { a: _().set({ b: 1 }) })).toEqual({ a: { b: 1 } });
  });

  it('dotted keys address nested fields', async () => {
    expect(await updated({ a: { b: 0, c: 2 } }, { 'a.b': 9 })).toEqual({ a: { b: 9, c: 2 } });
  });

  it('arrays, Dates and null are set as a whole', async () => {
    const when = new Date('2025-01-01T00:00:00Z');
    expect(await updated({ list: [1, 2, 3], at: null, obj: { k: 1 } }, { list: [9], at: when, obj: null })).toEqual({ list: [9], at: when, obj: null });
  });

  it('db.serverDate() in update data becomes the time of the write', async () => {
    const before = Date.now();
    const doc = await updated({ a: 1 }, { meta: { updatedAt: db().serverDate() } });
    const at = (doc.meta as { updatedAt: Date }).updatedAt;
    expect(at).toBeInstanceOf(Date);
    expect(at.getTime()).toBeGreaterThanOrEqual(before);
  });
});

describe('contract: field update commands', () => {
  it('inc and mul', async () => {
    expect(await updated({ n: 5, m: 3 }, { n: _().inc(2), m: _().mul(4), fresh: _().inc(1) })).toEqual({ n: 7, m: 12, fresh: 1 });
  });

  it('remove', async () => {
    expect(await updated({ a: 1, b: { c: 1, d: 2 } }, { a: _().remove(), b: { c: _().remove() } })).toEqual({ b: { d: 2 } });
  });

  it('min and max', async () => {
    expect(await updated({ low: 5, high: 5 }, { low: _().min(3), high: _().max(3) })).toEqual({ low: 3, high: 5 });
  });

  it('rename', async () => {
    expect(await updated({ old: 1, keep: 2 }, { old: _().rename('renamed') })).toEqual({ renamed: 1, keep: 2 });
  });

  it('set on a nested path inside a merged object', async () => {
    expect(await updated({ a: { b: { x: 1 }, c: 1 } }, { a: { b: _().set({ y: 2 }) } })).toEqual({ a: { b: { y: 2 }, c: 1 } });
  });
});

describe('contract: array update commands', () => {
  it('push values', async () => {
    expect(await updated({ l: [1] }, { l: _().push(2, 3) })).toEqual({ l: [1, 2, 3] });
  });

  it('push an array of values', async () => {
    expect(await updated({ l: [1] }, { l: _().push([2, 3]) })).toEqual({ l: [1, 2, 3] });
  });

  it('push with modifiers', async () => {
    expect(await updated({ l: [5, 1] }, { l: _().push({ each: [4, 2], position: 0 }) })).toEqual({ l: [4, 2, 5, 1] });
    await db()
      .collection(name)
      .doc('doc')
      .update({ data: { l: _().push({ each: [9], sort: 1, slice: 3 }) } });
    expect((await db().collection(name).doc('doc').get()).data.l).toEqual([1, 2, 4]);
  });

  it('push onto a missing field creates the array', async () => {
    expect(await updated({}, { l: _().push('x') })).toEqual({ l: ['x'] });
  });

  it('pop and shift', async () => {
    expect(await updated({ a: [1, 2, 3], b: [1, 2, 3] }, { a: _().pop(), b: _().shift() })).toEqual({ a: [1, 2], b: [2, 3] });
  });

  it('unshift', async () => {
    expect(await updated({ a: [3] }, { a: _().unshift(1, 2) })).toEqual({ a: [1, 2, 3] });
  });

  it('addToSet one value or { each }', async () => {
    expect(await updated({ a: ['x'], b: ['x'] }, { a: _().addToSet('x'), b: _().addToSet({ each: ['x', 'y', 'z'] }) })).toEqual({
      a: ['x'],
      b: ['x', 'y', 'z'],
    });
  });

  it('pull a value or a condition', async () => {
    expect(await updated({ a: [1, 2, 3, 2], b: [1, 5, 9] }, { a: _().pull(2), b: _().pull(_().gte(5)) })).toEqual({ a: [1, 3], b: [1] });
  });

  it('pull sub-documents matching a condition', async () => {
    expect(await updated({ items: [{ n: 1 }, { n: 7 }] }, { items: _().pull({ n: _().gt(5) }) })).toEqual({ items: [{ n: 1 }] });
  });

  it('pullAll', async () => {
    expect(await updated({ a: [1, 2, 3, 1] }, { a: _().pullAll([1, 3]) })).toEqual({ a: [2] });
  });

  it('an array command on a non-array field fails and changes nothing', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'doc', a: 'text' } });
    const error = await failureOf(() =>
      db()
        .collection(name)
        .doc('doc')
        .update({ data: { a: _().push(1) } }),
    );
    expect((error as Error).message).toMatch(/^document\.update:fail/);
    expect((await db().collection(name).doc('doc').get()).data).toEqual({ _id: 'doc', a: 'text' });
  });
});

describe('contract: query-level update and remove affect every match', () => {
  beforeEach(async () => {
    await db()
      .collection(name)
      .add({
        data: [
          { _id: 'a', group: 1, n: 1, meta: { seen: false, by: 'x' } },
          { _id: 'b', group: 1, n: 2, meta: { seen: false, by: 'y' } },
          { _id: 'c', group: 2, n: 3, meta: { seen: false, by: 'z' } },
        ],
      });
  });

  it('where().update() updates all matches: { stats: { updated: n } }', async () => {
    const result = await db()
      .collection(name)
      .where({ group: 1 })
      .update({ data: { n: _().inc(10), meta: { seen: true } } });
    expect(result).toEqual({ stats: { updated: 2 }, errMsg: 'collection.update:ok' });
    const { data } = await db().collection(name).orderBy('_id', 'asc').get();
    expect(data.map((doc) => [doc._id, doc.n, doc.meta])).toEqual([
      ['a', 11, { seen: true, by: 'x' }],
      ['b', 12, { seen: true, by: 'y' }],
      ['c', 3, { seen: false, by: 'z' }],
    ]);
  });

  it('where().update() with no match updates nothing', async () => {
    expect(
      (
        await db()
          .collection(name)
          .where({ group: 9 })
          .update({ data: { n: 0 } })
      ).stats.updated,
    ).toBe(0);
  });

  it('where().update() cannot change _id', async () => {
    await expect(
      db()
        .collection(name)
        .where({ group: 1 })
        .update({ data: { _id: 'z' } }),
    ).rejects.toThrow(/^collection\.update:fail/);
  });

  it('where().remove() removes all matches: { stats: { removed: n } }', async () => {
    expect(
      await db()
        .collection(name)
        .where({ n: _().gte(2) })
        .remove(),
    ).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' });
    expect((await db().collection(name).get()).data.map((doc) => doc._id)).toEqual(['a']);
  });

  it('a conditional update is the optimistic-concurrency primitive: it only applies while the condition holds', async () => {
    await db()
      .collection(name)
      .doc('a')
      .update({ data: { version: 1 } });
    const first = await db()
      .collection(name)
      .where({ _id: 'a', version: 1 })
      .update({ data: { version: _().inc(1), n: 100 } });
    const second = await db()
      .collection(name)
      .where({ _id: 'a', version: 1 })
      .update({ data: { version: _().inc(1), n: 200 } });
    expect([first.stats.updated, second.stats.updated]).toEqual([1, 0]);
    expect((await db().collection(name).doc('a').get()).data).toMatchObject({ version: 2, n: 100 });
  });
});
