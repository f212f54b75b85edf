/**
 * Contract: single-document operations and collections, as wx-server-sdk's cloud database behaves.
 * Shapes and messages checked against wx-server-sdk 4.0.2 (DocumentReference, CollectionReference,
 * utils/error toSDKError) and @cloudbase/database 1.4.3.
 */
import { type ContractDatabase, failureOf, openContractDatabase } from './contract-harness';
import { isDuplicateKeyError } from './errors';

let harness: ContractDatabase;
let name: string;

beforeEach(async () => {
  harness = await openContractDatabase();
  name = await harness.collection('docs');
});

afterEach(() => harness.close());

const db = () => harness.db;

describe('contract: collection.add', () => {
  it('returns a generated 32-hex-char _id and errMsg collection.add:ok', async () => {
    const result = await db()
      .collection(name)
      .add({ data: { title: 'a' } });
    expect(result.errMsg).toBe('collection.add:ok');
    expect(result._id).toMatch(/^[0-9a-f]{32}$/);
    const again = await db()
      .collection(name)
      .add({ data: { title: 'b' } });
    expect(again._id).not.toBe(result._id);
  });

  it('keeps an _id given in data', async () => {
    const result = await db()
      .collection(name)
      .add({ data: { _id: 'natural-key', title: 'a' } });
    expect(result._id).toBe('natural-key');
    const { data } = await db().collection(name).doc('natural-key').get();
    expect(data).toEqual({ _id: 'natural-key', title: 'a' });
  });

  it('with an _id that exists fails with a duplicate key error (-502001) and changes nothing', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'k1', v: 1 } });
    const error = await failureOf(() =>
      db()
        .collection(name)
        .add({ data: { _id: 'k1', v: 2 } }),
    );
    expect(error).toMatchObject({ errCode: -502001 });
    expect(String((error as Error).message)).toMatch(/^collection\.add:fail -502001 database request fail\. .*duplicate key/);
    expect(isDuplicateKeyError(error)).toBe(true);
    const { data } = await db().collection(name).doc('k1').get();
    expect(data).toEqual({ _id: 'k1', v: 1 });
    expect((await db().collection(name).count()).total).toBe(1);
  });

  it('gives idempotency with natural-key ids under concurrency: exactly one of many adds wins', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        db()
          .collection(name)
          .add({ data: { _id: 'once', attempt: i } }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(attempts.filter((a) => a.status === 'rejected' && isDuplicateKeyError(a.reason))).toHaveLength(9);
    expect((await db().collection(name).count()).total).toBe(1);
  });

  it('adds an array of documents and returns _ids', async () => {
    const result = await db()
      .collection(name)
      .add({ data: [{ n: 1 }, { _id: 'two', n: 2 }] });
    expect(result.errMsg).toBe('collection.add:ok');
    expect(result._ids).toHaveLength(2);
    expect(result._ids[1]).toBe('two');
    expect((await db().collection(name).count()).total).toBe(2);
  });

  it('drops undefined fields and resolves db.serverDate() to the time of the write', async () => {
    const before = Date.now();
    const { _id } = await db()
      .collection(name)
      .add({ data: { a: 1, gone: undefined, at: db().serverDate(), later: db().serverDate({ offset: 60_000 }) } });
    const { data } = await db().collection(name).doc(_id).get();
    expect(data).not.toHaveProperty('gone');
    expect(data.at).toBeInstanceOf(Date);
    const at = (data.at as Date).getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect((data.later as Date).getTime() - at).toBe(60_000);
  });
});

describe('contract: doc(id).get', () => {
  it('returns the document with errMsg document.get:ok; Dates, arrays and nested objects round-trip', async () => {
    const due = new Date('2024-09-01T08:00:00.000Z');
    await db()
      .collection(name)
      .add({ data: { _id: 'd1', due, tags: ['a', 'b'], nested: { deep: { n: 1, when: due } }, none: null } });
    const result = await db().collection(name).doc('d1').get();
    expect(result.errMsg).toBe('document.get:ok');
    expect(result.data).toEqual({ _id: 'd1', due, tags: ['a', 'b'], nested: { deep: { n: 1, when: due } }, none: null });
    expect(result.data.due).toBeInstanceOf(Date);
  });

  it('rejects for a missing document: document.get:fail document with _id <id> does not exist', async () => {
    const error = await failureOf(() => db().collection(name).doc('missing').get());
    expect((error as Error).message).toBe('document.get:fail document with _id missing does not exist');
    expect(error).toMatchObject({ errCode: -1, errMsg: 'document.get:fail document with _id missing does not exist' });
  });

  it('applies field() projections', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'p', a: 1, b: 2, c: 3 } });
    const { data } = await db().collection(name).doc('p').field({ a: true, c: true }).get();
    expect(data).toEqual({ _id: 'p', a: 1, c: 3 });
  });

  it('returns copies: changing a result never changes the store', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'c', list: [1], nested: { x: 1 }, at: new Date(0) } });
    const first = await db().collection(name).doc('c').get();
    (first.data.list as number[]).push(2);
    (first.data.nested as { x: number }).x = 99;
    (first.data.at as Date).setTime(123);
    const queried = await db().collection(name).where({ _id: 'c' }).get();
    queried.data[0].list = 'changed';
    const second = await db().collection(name).doc('c').get();
    expect(second.data).toEqual({ _id: 'c', list: [1], nested: { x: 1 }, at: new Date(0) });
  });

  it('stores copies: changing the data after add/set never changes the store', async () => {
    const data = { _id: 's', list: [1], nested: { x: 1 } };
    await db().collection(name).add({ data });
    data.list.push(2);
    data.nested.x = 2;
    expect((await db().collection(name).doc('s').get()).data).toEqual({ _id: 's', list: [1], nested: { x: 1 } });
  });
});

describe('contract: doc(id).set', () => {
  it('creates a missing document: { _id, stats: { updated: 0, created: 1 } }', async () => {
    const result = await db()
      .collection(name)
      .doc('new')
      .set({ data: { a: 1 } });
    expect(result).toEqual({ _id: 'new', errMsg: 'document.set:ok', stats: { updated: 0, created: 1 } });
    expect((await db().collection(name).doc('new').get()).data).toEqual({ _id: 'new', a: 1 });
  });

  it('replaces the whole document: fields not given are gone', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'r', a: 1, nested: { x: 1, y: 2 } } });
    const result = await db()
      .collection(name)
      .doc('r')
      .set({ data: { nested: { x: 5 } } });
    expect(result).toEqual({ _id: 'r', errMsg: 'document.set:ok', stats: { updated: 1, created: 0 } });
    expect((await db().collection(name).doc('r').get()).data).toEqual({ _id: 'r', nested: { x: 5 } });
  });

  it('refuses an _id in data', async () => {
    const error = await failureOf(() =>
      db()
        .collection(name)
        .doc('x')
        .set({ data: { _id: 'y', a: 1 } }),
    );
    expect((error as Error).message).toMatch(/^document\.set:fail/);
  });
});

describe('contract: doc(id).update', () => {
  it('updates the given fields only: { stats: { updated: 1 } }', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'u', a: 1, b: 2 } });
    const result = await db()
      .collection(name)
      .doc('u')
      .update({ data: { a: 10 } });
    expect(result).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' });
    expect((await db().collection(name).doc('u').get()).data).toEqual({ _id: 'u', a: 10, b: 2 });
  });

  it('on a missing document resolves { stats: { updated: 0 } } and creates nothing', async () => {
    const result = await db()
      .collection(name)
      .doc('ghost')
      .update({ data: { a: 1 } });
    expect(result).toEqual({ stats: { updated: 0 }, errMsg: 'document.update:ok' });
    expect((await db().collection(name).count()).total).toBe(0);
  });

  it('cannot change _id', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'fixed', a: 1 } });
    const error = await failureOf(() =>
      db()
        .collection(name)
        .doc('fixed')
        .update({ data: { _id: 'other' } }),
    );
    expect((error as Error).message).toMatch(/^document\.update:fail/);
    expect((await db().collection(name).doc('fixed').get()).data).toEqual({ _id: 'fixed', a: 1 });
  });

  it('counts only documents actually changed (same values → updated: 0)', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'same', a: 1 } });
    expect(
      (
        await db()
          .collection(name)
          .doc('same')
          .update({ data: { a: 1 } })
      ).stats.updated,
    ).toBe(0);
  });
});

describe('contract: doc(id).remove', () => {
  it('removes: { stats: { removed: 1 } }, then 0 for a missing document', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'gone', a: 1 } });
    expect(await db().collection(name).doc('gone').remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' });
    expect(await db().collection(name).doc('gone').remove()).toEqual({ stats: { removed: 0 }, errMsg: 'document.remove:ok' });
    await expect(db().collection(name).doc('gone').get()).rejects.toThrow('does not exist');
  });
});

describe('contract: collections must exist', () => {
  it.each([
    ['collection.get', () => db().collection('no_such_collection').get()],
    ['collection.count', () => db().collection('no_such_collection').count()],
    [
      'collection.add',
      () =>
        db()
          .collection('no_such_collection')
          .add({ data: { a: 1 } }),
    ],
    [
      'collection.update',
      () =>
        db()
          .collection('no_such_collection')
          .where({ a: 1 })
          .update({ data: { a: 2 } }),
    ],
    ['collection.remove', () => db().collection('no_such_collection').where({ a: 1 }).remove()],
    ['document.get', () => db().collection('no_such_collection').doc('x').get()],
    [
      'document.set',
      () =>
        db()
          .collection('no_such_collection')
          .doc('x')
          .set({ data: { a: 1 } }),
    ],
    [
      'document.update',
      () =>
        db()
          .collection('no_such_collection')
          .doc('x')
          .update({ data: { a: 1 } }),
    ],
    ['document.remove', () => db().collection('no_such_collection').doc('x').remove()],
  ])('%s on an unknown collection fails with DATABASE_COLLECTION_NOT_EXIST (-502005)', async (api, call) => {
    const error = await failureOf(call);
    expect(error).toMatchObject({ errCode: -502005 });
    expect((error as Error).message).toMatch(new RegExp(`^${api.replace('.', '\\.')}:fail -502005 database collection not exists\\.`));
  });

  it('createCollection creates an empty collection and fails if it already exists', async () => {
    const fresh = `fresh_${Date.now().toString(36)}`;
    const created = await db().createCollection(fresh);
    expect(created.errMsg).toBe('createCollection:ok');
    expect((await db().collection(fresh).get()).data).toEqual([]);
    const error = await failureOf(() => db().createCollection(fresh));
    expect((error as Error).message).toMatch(/^createCollection:fail/);
  });
});

describe('contract: argument checks made by the SDK', () => {
  it('doc() needs a string or number id', () => {
    expect(() =>
      db()
        .collection(name)
        .doc({} as unknown as string),
    ).toThrow('docId必须为字符串或数字');
  });

  it('where() needs an object whose values are not all undefined', () => {
    expect(() => db().collection(name).where({ openid: undefined })).toThrow('查询参数对象值不能均为undefined');
    expect(() =>
      db()
        .collection(name)
        .where('a' as unknown as object),
    ).toThrow('查询参数必须为对象');
  });

  it('orderBy() needs asc or desc; skip() and limit() need integers', () => {
    expect(() =>
      db()
        .collection(name)
        .orderBy('a', 'up' as 'asc'),
    ).toThrow('排序字符不合法');
    expect(() => db().collection(name).limit(1.5)).toThrow('limit must be integer');
    expect(() => db().collection(name).skip(Number.NaN)).toThrow('offset must be integer');
  });

  it('update() needs non-empty data', async () => {
    await db()
      .collection(name)
      .add({ data: { _id: 'x', a: 1 } });
    await expect(db().collection(name).doc('x').update({ data: {} })).rejects.toThrow(/^document\.update:fail/);
  });
});
