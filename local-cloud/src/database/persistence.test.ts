/** Local behaviour: persistence to a data folder (one nedb file per collection), reopen, close. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalDatabase } from './index';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kehou-db-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('local database: persistence', () => {
  it('keeps collections and documents across a close and reopen', async () => {
    const first = createLocalDatabase({ dir });
    await first.createCollection('classes');
    await first.createCollection('empty');
    const due = new Date('2024-09-01T08:00:00.000Z');
    await first.collection('classes').add({ data: { _id: 'c1', name: '美术', due, tags: ['a'], nested: { n: 1 } } });
    await first.collection('classes').add({ data: { _id: 'c2', name: '围棋' } });
    await first.collection('classes').doc('c2').update({ data: { seats: 20 } });
    await first.collection('classes').add({ data: { _id: 'c3', name: 'gone' } });
    await first.collection('classes').doc('c3').remove();
    await first.close();

    expect((await readdir(dir)).sort()).toEqual(['classes.db', 'empty.db']);

    const second = createLocalDatabase({ dir });
    await second.ready();
    expect(second.listCollections()).toEqual(['classes', 'empty']);
    const { data } = await second.collection('classes').orderBy('_id', 'asc').get();
    expect(data).toEqual([
      { _id: 'c1', name: '美术', due, tags: ['a'], nested: { n: 1 } },
      { _id: 'c2', name: '围棋', seats: 20 },
    ]);
    expect(data[0].due).toBeInstanceOf(Date);
    expect((await second.collection('empty').count()).total).toBe(0);
    await expect(second.createCollection('classes')).rejects.toThrow(/^createCollection:fail/);
    await second.close();
  });

  it('persists each write before resolving, without needing close()', async () => {
    const first = createLocalDatabase({ dir });
    await first.createCollection('log');
    await first.collection('log').add({ data: { _id: 'one', n: 1 } });
    await first.runTransaction(async (transaction) => {
      await transaction.collection('log').doc('two').set({ data: { n: 2 } });
    });
    const second = createLocalDatabase({ dir });
    expect((await second.collection('log').orderBy('_id', 'asc').get()).data.map((doc) => doc._id)).toEqual(['one', 'two']);
    await first.close();
    await second.close();
  });

  it('close() compacts the datafile to one line per document', async () => {
    const db = createLocalDatabase({ dir });
    await db.createCollection('c');
    await db.collection('c').add({ data: { _id: 'a', n: 0 } });
    for (let i = 1; i <= 5; i += 1) await db.collection('c').doc('a').update({ data: { n: i } });
    await db.close();
    const lines = (await readFile(join(dir, 'c.db'), 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({ _id: 'a', n: 5 });
  });

  it('refuses operations after close()', async () => {
    const db = createLocalDatabase({ dir });
    await db.createCollection('c');
    await db.close();
    await expect(db.collection('c').get()).rejects.toThrow('closed');
    await expect(db.collection('c').add({ data: { a: 1 } })).rejects.toThrow('closed');
    await expect(db.runTransaction(async () => 1)).rejects.toThrow('closed');
  });

  it('without dir, keeps everything in memory and writes no file', async () => {
    const db = createLocalDatabase();
    await db.createCollection('mem');
    await db.collection('mem').add({ data: { a: 1 } });
    expect((await db.collection('mem').count()).total).toBe(1);
    expect(createLocalDatabase().listCollections()).toEqual([]);
    await db.close();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('local database: ensureIndex passthrough', () => {
  it('a unique index makes a duplicate value fail like a duplicate _id, writing nothing', async () => {
    const db = createLocalDatabase({ dir });
    await db.createCollection('users');
    await db.ensureIndex('users', { fieldName: 'phone', unique: true, sparse: true });
    await db.collection('users').add({ data: { _id: 'u1', phone: '138' } });
    await expect(db.collection('users').add({ data: { _id: 'u2', phone: '138' } })).rejects.toMatchObject({ errCode: -502001 });
    await expect(
      db.runTransaction(async (transaction) => {
        await transaction.collection('users').doc('u3').set({ data: { phone: '139' } });
        await transaction.collection('users').doc('u4').set({ data: { phone: '138' } });
      }),
    ).rejects.toMatchObject({ errCode: -502001 });
    expect((await db.collection('users').get()).data.map((doc) => doc._id)).toEqual(['u1']);
    await db.close();
  });
});
