/**
 * Contract: atomic single writes under concurrency, and transactions
 * (runTransaction / startTransaction, per wx-server-sdk's Transaction and @cloudbase/database's runTransaction).
 */
import { type ContractDatabase, failureOf, openContractDatabase } from './contract-harness';

let harness: ContractDatabase;
let name: string;

const db = () => harness.db;
const _ = () => harness.db.command;

beforeEach(async () => {
  harness = await openContractDatabase();
  name = await harness.collection('tx');
});

afterEach(() => harness.close());

describe('contract: each single write is atomic', () => {
  it('20 concurrent conditional updates on the same version: exactly one wins', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'x', version: 3, owner: null } });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_unused, i) =>
        db()
          .collection(name)
          .where({ _id: 'x', version: 3 })
          .update({ data: { version: _().inc(1), owner: `caller-${i}` } }),
      ),
    );
    expect(results.map((r) => r.stats.updated).sort()).toEqual([...Array(19).fill(0), 1]);
    const { data } = await db().collection(name).doc('x').get();
    expect(data.version).toBe(4);
    const winner = results.findIndex((r) => r.stats.updated === 1);
    expect(data.owner).toBe(`caller-${winner}`);
  });

  it('50 concurrent _.inc(1) end at exactly 50', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'counter', n: 0 } });
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db()
          .collection(name)
          .doc('counter')
          .update({ data: { n: _().inc(1) } }),
      ),
    );
    expect((await db().collection(name).doc('counter').get()).data.n).toBe(50);
  });
});

describe('contract: runTransaction', () => {
  it('commits the writes and resolves with the callback value', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'from', balance: 100 } });
    await db()
      .collection(name)
      .add({ data: { _id: 'to', balance: 0 } });
    const result = await db().runTransaction(async (transaction) => {
      const from = await transaction.collection(name).doc('from').get();
      await transaction
        .collection(name)
        .doc('from')
        .update({ data: { balance: _().inc(-30) } });
      await transaction
        .collection(name)
        .doc('to')
        .update({ data: { balance: _().inc(30) } });
      await transaction
        .collection(name)
        .doc('log')
        .set({ data: { moved: 30 } });
      return { before: from.data.balance };
    });
    expect(result).toEqual({ before: 100 });
    expect((await db().collection(name).doc('from').get()).data.balance).toBe(70);
    expect((await db().collection(name).doc('to').get()).data.balance).toBe(30);
    expect((await db().collection(name).doc('log').get()).data).toEqual({ _id: 'log', moved: 30 });
  });

  it('rolls back when the callback throws, leaving no trace, and rejects with that error', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'acc', balance: 100 } });
    const boom = new Error('boom');
    const error = await failureOf(() =>
      db().runTransaction(async (transaction) => {
        await transaction
          .collection(name)
          .doc('acc')
          .update({ data: { balance: 0 } });
        await transaction
          .collection(name)
          .doc('new')
          .set({ data: { a: 1 } });
        await transaction
          .collection(name)
          .doc('acc2')
          .set({ data: { a: 1 } });
        await transaction.collection(name).doc('acc2').remove();
        throw boom;
      }),
    );
    expect(error).toBe(boom);
    expect((await db().collection(name).doc('acc').get()).data.balance).toBe(100);
    expect((await db().collection(name).count()).total).toBe(1);
  });

  it('transaction.rollback(value) rolls back and runTransaction rejects with value', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'acc', balance: 100 } });
    const error = await failureOf(() =>
      db().runTransaction(async (transaction) => {
        await transaction
          .collection(name)
          .doc('acc')
          .update({ data: { balance: 0 } });
        await transaction.rollback(-100);
        return 'never';
      }),
    );
    expect(error).toBe(-100);
    expect((await db().collection(name).doc('acc').get()).data.balance).toBe(100);
  });

  it("reads inside see the transaction's own writes; outside sees nothing until commit", async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'doc', n: 1 } });
    let seenInside: unknown;
    let seenOutside: unknown;
    await db().runTransaction(async (transaction) => {
      await transaction
        .collection(name)
        .doc('doc')
        .update({ data: { n: 2 } });
      seenInside = (await transaction.collection(name).doc('doc').get()).data.n;
      seenOutside = (await db().collection(name).doc('doc').get()).data.n;
    });
    expect(seenInside).toBe(2);
    expect(seenOutside).toBe(1);
    expect((await db().collection(name).doc('doc').get()).data.n).toBe(2);
  });

  it('50 concurrent read-modify-write transactions end at exactly 50 (isolation)', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'counter', n: 0 } });
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db().runTransaction(async (transaction) => {
          const { data } = await transaction.collection(name).doc('counter').get();
          await new Promise((resolve) => setTimeout(resolve, 0));
          await transaction
            .collection(name)
            .doc('counter')
            .update({ data: { n: (data.n as number) + 1 } });
        }),
      ),
    );
    expect((await db().collection(name).doc('counter').get()).data.n).toBe(50);
  });

  it('is isolated from concurrent single writes', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'counter', n: 0 } });
    await Promise.all([
      ...Array.from({ length: 20 }, () =>
        db().runTransaction(async (transaction) => {
          const { data } = await transaction.collection(name).doc('counter').get();
          await new Promise((resolve) => setTimeout(resolve, 0));
          await transaction
            .collection(name)
            .doc('counter')
            .update({ data: { n: (data.n as number) + 1 } });
        }),
      ),
      ...Array.from({ length: 20 }, () =>
        db()
          .collection(name)
          .doc('counter')
          .update({ data: { n: _().inc(1) } }),
      ),
    ]);
    expect((await db().collection(name).doc('counter').get()).data.n).toBe(40);
  });

  it('doc().get() of a missing document rejects inside a transaction too', async () => {
    const error = await failureOf(() => db().runTransaction(async (transaction) => transaction.collection(name).doc('nope').get()));
    expect((error as Error).message).toBe('document.get:fail document with _id nope does not exist');
  });

  it('add works inside; a duplicate _id fails the transaction', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'taken', a: 1 } });
    const ok = await db().runTransaction(async (transaction) => transaction.collection(name).add({ data: { _id: 'fresh', a: 2 } }));
    expect(ok._id).toBe('fresh');
    await expect(
      db().runTransaction(async (transaction) => {
        await transaction.collection(name).add({ data: { _id: 'other', a: 3 } });
        await transaction.collection(name).add({ data: { _id: 'taken', a: 4 } });
      }),
    ).rejects.toMatchObject({ errCode: -502001 });
    expect((await db().collection(name).count()).total).toBe(2);
  });

  it('offers no query operations inside (where is not available)', async () => {
    const error = await failureOf(() =>
      db().runTransaction(async (transaction) => {
        const collection = transaction.collection(name) as unknown as { where(q: object): { get(): Promise<unknown> } };
        return collection.where({ a: 1 }).get();
      }),
    );
    expect(error).toBeTruthy();
  });

  it('an unknown collection fails with -502005', async () => {
    const error = await failureOf(() => db().runTransaction(async (transaction) => transaction.collection('no_such_collection').doc('x').get()));
    expect(error).toMatchObject({ errCode: -502005 });
  });
});

describe('contract: startTransaction', () => {
  it('commit() makes the writes visible', async () => {
    const transaction = await db().startTransaction();
    await transaction
      .collection(name)
      .doc('a')
      .set({ data: { n: 1 } });
    await expect(db().collection(name).where({ _id: 'a' }).get()).resolves.toMatchObject({ data: [] });
    await transaction.commit();
    expect((await db().collection(name).doc('a').get()).data).toEqual({ _id: 'a', n: 1 });
  });

  it('rollback() discards them', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'a', n: 1 } });
    const transaction = await db().startTransaction();
    await transaction
      .collection(name)
      .doc('a')
      .update({ data: { n: 2 } });
    await transaction
      .collection(name)
      .doc('b')
      .set({ data: { n: 2 } });
    await transaction.rollback();
    expect((await db().collection(name).doc('a').get()).data.n).toBe(1);
    expect((await db().collection(name).count()).total).toBe(1);
  });

  it('a finished transaction refuses further operations', async () => {
    const transaction = await db().startTransaction();
    await transaction.commit();
    await expect(
      transaction
        .collection(name)
        .doc('a')
        .set({ data: { n: 1 } }),
    ).rejects.toThrow(/^document\.set:fail/);
    await expect(transaction.commit()).rejects.toThrow(/^transaction\.commit:fail/);
  });
});
