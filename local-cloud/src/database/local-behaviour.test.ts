/**
 * Local-only behaviour (not part of the WeChat contract): the lock, re-entrancy from transaction
 * callbacks, transaction timeouts, options, and the where → MongoDB translation.
 */
import { command as _, createLocalDatabase, serverDate } from './index';
import { AsyncLock } from './lock';
import { encodeWhere } from './query';
import { encodeUpdate } from './update';

describe('AsyncLock', () => {
  it('grants the lock first come, first served, one holder at a time', async () => {
    const lock = new AsyncLock();
    const order: string[] = [];
    let inside = 0;
    const task = (label: string) =>
      lock.run(async () => {
        inside += 1;
        expect(inside).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 1));
        order.push(label);
        inside -= 1;
      });
    await Promise.all(['a', 'b', 'c', 'd'].map(task));
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('re-enters from work started by the holder instead of deadlocking', async () => {
    const lock = new AsyncLock();
    await expect(lock.run(() => lock.run(async () => 'nested'))).resolves.toBe('nested');
  });
});

describe('local database: transactions and the lock', () => {
  it('a plain write made from inside a runTransaction callback does not deadlock', async () => {
    const db = createLocalDatabase();
    await db.createCollection('c');
    await db.runTransaction(async (transaction) => {
      await transaction
        .collection('c')
        .doc('tx')
        .set({ data: { n: 1 } });
      await db.collection('c').add({ data: { _id: 'plain', n: 2 } });
    });
    expect((await db.collection('c').count()).total).toBe(2);
    await db.close();
  });

  it('a startTransaction() left open is rolled back after transactionTimeoutMs, releasing the database', async () => {
    const db = createLocalDatabase({ transactionTimeoutMs: 30 });
    await db.createCollection('c');
    const transaction = await db.startTransaction();
    await transaction
      .collection('c')
      .doc('a')
      .set({ data: { n: 1 } });
    // This write waits for the open transaction, then proceeds once it has timed out.
    await db.collection('c').add({ data: { _id: 'b', n: 2 } });
    await expect(transaction.commit()).rejects.toThrow(/^transaction\.commit:fail/);
    expect((await db.collection('c').get()).data.map((doc) => doc._id)).toEqual(['b']);
    await db.close();
  });

  it('maxGetLimit is configurable', async () => {
    const db = createLocalDatabase({ maxGetLimit: 5 });
    await db.createCollection('c');
    await db.collection('c').add({ data: Array.from({ length: 8 }, (_unused, i) => ({ i })) });
    expect((await db.collection('c').limit(100).get()).data).toHaveLength(5);
    await db.close();
  });

  it('exposes the same command object as db.command', () => {
    expect(createLocalDatabase().command).toBe(_);
  });
});

describe('where → MongoDB translation', () => {
  const now = new Date('2025-01-01T00:00:00Z');

  it('flattens nested objects and merges field commands', () => {
    expect(encodeWhere({ a: { b: 1, c: { d: _.gt(2) } }, e: 'x' }, now)).toEqual({ 'a.b': 1, 'a.c.d': { $gt: 2 }, e: 'x' });
  });

  it('turns chained and field-level logic commands into $and/$or over the field', () => {
    expect(encodeWhere({ n: _.gt(1).and(_.lt(5)) }, now)).toEqual({ $and: [{ n: { $gt: 1 } }, { n: { $lt: 5 } }] });
    expect(encodeWhere({ n: _.or([_.lt(1), 7]) }, now)).toEqual({ $or: [{ n: { $lt: 1 } }, { n: 7 }] });
    expect(encodeWhere({ n: _.not(_.eq(3)) }, now)).toEqual({ n: { $not: { $eq: 3 } } });
  });

  it('drops empty nested objects and undefined values; keeps raw operators', () => {
    expect(encodeWhere({ a: {}, b: undefined, c: { $gte: 3 } }, now)).toEqual({ c: { $gte: 3 } });
    expect(encodeWhere({ a: { $gt: 1, b: 2 } }, now)).toEqual({ a: { $gt: 1 }, 'a.b': 2 });
    expect(encodeWhere({ a: _.or([{ $gt: 5 }, { b: 1 }]) }, now)).toEqual({ $or: [{ a: { $gt: 5 } }, { 'a.b': 1 }] });
    expect(encodeWhere({ $or: [{ a: 1 }, { b: { c: 2 } }] }, now)).toEqual({ $or: [{ a: 1 }, { 'b.c': 2 }] });
  });

  it('resolves db.serverDate() at request time', () => {
    expect(encodeWhere({ at: _.lt(serverDate({ offset: 1000 })) }, now)).toEqual({ at: { $lt: new Date(now.getTime() + 1000) } });
  });

  it('rejects update commands in a query', () => {
    expect(() => encodeWhere({ a: _.inc(1) }, now)).toThrow('cannot be used in a query');
  });
});

describe('update data → MongoDB operators', () => {
  const now = new Date('2025-01-01T00:00:00Z');

  it('flattens nested objects into $set paths and maps commands', () => {
    expect(encodeUpdate({ a: { b: 1, c: _.inc(2) }, d: _.set({ e: 1 }), f: _.remove(), g: _.unshift(0), h: _.shift() }, now)).toEqual({
      $set: { 'a.b': 1, d: { e: 1 } },
      $inc: { 'a.c': 2 },
      $unset: { f: '' },
      $push: { g: { $each: [0], $position: 0 } },
      $pop: { h: -1 },
    });
  });

  it('refuses conflicting paths like MongoDB', () => {
    expect(() => encodeUpdate({ a: _.set({ b: 1 }), 'a.b': 2 }, now)).toThrow('would create a conflict');
  });
});
