/**
 * Local behaviour: persistence to a data folder (a file per collection and a journal), reopen,
 * close; durability (a write is on disk before it is acknowledged, a failed one leaves nothing),
 * damaged files refused, a commit on disk as one unit.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorruptDataFileError, createLocalDatabase, type Disk, nodeDisk } from './index';

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
    await first
      .collection('classes')
      .doc('c2')
      .update({ data: { seats: 20 } });
    await first.collection('classes').add({ data: { _id: 'c3', name: 'gone' } });
    await first.collection('classes').doc('c3').remove();
    await first.close();

    expect((await readdir(dir)).sort()).toEqual(['classes.db', 'empty.db', 'journal.log']);

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
      await transaction
        .collection('log')
        .doc('two')
        .set({ data: { n: 2 } });
    });
    const second = createLocalDatabase({ dir });
    expect((await second.collection('log').orderBy('_id', 'asc').get()).data.map((doc) => doc._id)).toEqual(['one', 'two']);
    await first.close();
    await second.close();
  });

  it('close() folds the journal into the collection files: a header, then one line per document', async () => {
    const db = createLocalDatabase({ dir });
    await db.createCollection('c');
    await db.collection('c').add({ data: { _id: 'a', n: 0 } });
    for (let i = 1; i <= 5; i += 1)
      await db
        .collection('c')
        .doc('a')
        .update({ data: { n: i } });
    expect((await readFile(join(dir, 'journal.log'), 'utf8')).split('\n').filter(Boolean)).toHaveLength(6);
    await db.close();
    const lines = (await readFile(join(dir, 'c.db'), 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]).$$kehou).toMatchObject({ format: 1, docs: 1 });
    expect(JSON.parse(lines[1])).toEqual({ _id: 'a', n: 5 });
    expect(await readFile(join(dir, 'journal.log'), 'utf8')).toBe('');
  });

  it('loads a file nedb wrote (later lines win, deletions, dates)', async () => {
    await writeFile(
      join(dir, 'old.db'),
      [
        '{"_id":"a","n":1}',
        '{"_id":"b","at":{"$$date":1700000000000}}',
        '{"_id":"a","n":2}',
        '{"$$deleted":true,"_id":"c"}',
        '{"_id":"c","n":3}',
        '{"$$deleted":true,"_id":"c"}',
        '',
      ].join('\n'),
    );
    const db = createLocalDatabase({ dir });
    expect((await db.collection('old').orderBy('_id', 'asc').get()).data).toEqual([
      { _id: 'a', n: 2 },
      { _id: 'b', at: new Date(1700000000000) },
    ]);
    await db.close();
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
        await transaction
          .collection('users')
          .doc('u3')
          .set({ data: { phone: '139' } });
        await transaction
          .collection('users')
          .doc('u4')
          .set({ data: { phone: '138' } });
      }),
    ).rejects.toMatchObject({ errCode: -502001 });
    expect((await db.collection('users').get()).data.map((doc) => doc._id)).toEqual(['u1']);
    await db.close();
  });
});

/** A disk that works until told otherwise: fails every append (full), or writes half of one and stops (a crash). */
function faultyDisk() {
  const state = { mode: 'ok' as 'ok' | 'full' | 'crash' };
  const disk: Disk = {
    ...nodeDisk,
    append: async (file, text) => {
      if (state.mode === 'full') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      if (state.mode === 'crash') {
        await nodeDisk.append(file, text.slice(0, Math.floor(text.length / 2)));
        throw new Error('the process was killed mid-write');
      }
      return nodeDisk.append(file, text);
    },
    // After a crash nothing runs any more: the half line stays.
    truncate: async (file, length) => {
      if (state.mode === 'crash') throw new Error('the process was killed');
      return nodeDisk.truncate(file, length);
    },
  };
  return { disk, state };
}

describe('local database: an acknowledged write is on disk, a failed one is nowhere', () => {
  it('disk full: the write fails, and neither this database nor a reopened one ever shows it', async () => {
    const { disk, state } = faultyDisk();
    const db = createLocalDatabase({ dir, disk });
    await db.createCollection('feedback');
    await db.collection('feedback').add({ data: { _id: 'kept', text: '写入成功' } });
    state.mode = 'full';
    await expect(db.collection('feedback').add({ data: { _id: 'lost', text: '磁盘已满' } })).rejects.toThrow(/写入磁盘失败.*ENOSPC/);
    await expect(
      db
        .collection('feedback')
        .doc('kept')
        .update({ data: { text: '改动' } }),
    ).rejects.toThrow(/ENOSPC/);
    await expect(
      db.runTransaction(async (t) => {
        await t
          .collection('feedback')
          .doc('tx')
          .set({ data: { n: 1 } });
      }),
    ).rejects.toThrow(/ENOSPC/);
    expect((await db.collection('feedback').get()).data).toEqual([{ _id: 'kept', text: '写入成功' }]);
    state.mode = 'ok';
    await db.collection('feedback').add({ data: { _id: 'later', text: '空间恢复后' } });
    const reopened = createLocalDatabase({ dir });
    expect((await reopened.collection('feedback').orderBy('_id', 'asc').get()).data.map((d) => d._id)).toEqual(['kept', 'later']);
    await reopened.close();
    await db.close();
  });

  it('a crash in the middle of writing a transaction leaves none of it; a finished one is there whole', async () => {
    const { disk, state } = faultyDisk();
    const db = createLocalDatabase({ dir, disk });
    await db.createCollection('accounts');
    await db.collection('accounts').add({
      data: [
        { _id: 'from', balance: 100 },
        { _id: 'to', balance: 0 },
      ],
    });
    const move = (amount: number) =>
      db.runTransaction(async (t) => {
        await t
          .collection('accounts')
          .doc('from')
          .update({ data: { balance: db.command.inc(-amount) } });
        await t
          .collection('accounts')
          .doc('to')
          .update({ data: { balance: db.command.inc(amount) } });
        await t
          .collection('accounts')
          .doc(`log-${amount}`)
          .set({ data: { moved: amount } });
      });
    await move(10);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    state.mode = 'crash';
    await expect(move(30)).rejects.toThrow();
    // The process "died" here; a new one opens the folder.
    const journal = await readFile(join(dir, 'journal.log'), 'utf8');
    expect(journal.endsWith('\n')).toBe(false);
    const reopened = createLocalDatabase({ dir });
    const { data } = await reopened.collection('accounts').orderBy('_id', 'asc').get();
    expect(data).toEqual([
      { _id: 'from', balance: 90 },
      { _id: 'log-10', moved: 10 },
      { _id: 'to', balance: 10 },
    ]);
    const files = await readdir(dir);
    expect(files.filter((f) => f.startsWith('journal.log.torn-'))).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('最后一次提交没有写完'));
    warn.mockRestore();
    await reopened.close();
  });

  it('a failed append that cannot be undone stops every further write instead of corrupting the journal', async () => {
    const { disk, state } = faultyDisk();
    const db = createLocalDatabase({ dir, disk });
    await db.createCollection('c');
    state.mode = 'crash';
    await expect(db.collection('c').add({ data: { _id: 'a' } })).rejects.toThrow();
    state.mode = 'ok';
    await expect(db.collection('c').add({ data: { _id: 'b' } })).rejects.toThrow(/无法恢复日志文件/);
    expect((await db.collection('c').count()).total).toBe(0);
  });
});

describe('local database: a damaged file is refused, never silently dropped', () => {
  async function twoStudents() {
    const db = createLocalDatabase({ dir });
    await db.createCollection('students');
    await db.collection('students').add({
      data: [
        { _id: 's1', name: '王小明' },
        { _id: 's2', name: '李华' },
      ],
    });
    await db.close();
    return join(dir, 'students.db');
  }

  it('a line cut short: loading stops, naming the file and the line, and the file is left as it was', async () => {
    const file = await twoStudents();
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = lines[1].slice(0, 10);
    const damaged = lines.join('\n');
    await writeFile(file, damaged);
    const db = createLocalDatabase({ dir });
    const error = await db.ready().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CorruptDataFileError);
    expect(error).toMatchObject({ file, line: 2, message: `数据文件 ${file} 第 2 行已损坏（不是完整的 JSON）` });
    await expect(db.collection('students').get()).rejects.toThrow(/已损坏/);
    expect(await readFile(file, 'utf8')).toBe(damaged);
  });

  it('a whole line missing is noticed by the header’s count and checksum', async () => {
    const file = await twoStudents();
    const lines = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, [lines[0], lines[1], ''].join('\n'));
    await expect(createLocalDatabase({ dir }).ready()).rejects.toThrow(/students\.db 第 2 行已损坏（文件不完整：应有 2 条记录，读到 1 条/);
  });

  it('a damaged commit inside the journal (not its last, unfinished line) is refused too', async () => {
    const db = createLocalDatabase({ dir });
    await db.createCollection('c');
    await db.collection('c').add({ data: { _id: 'a' } });
    await db.collection('c').add({ data: { _id: 'b' } });
    const journal = join(dir, 'journal.log');
    const lines = (await readFile(journal, 'utf8')).split('\n');
    lines[0] = lines[0].replace('"a"', '"x"');
    await writeFile(journal, lines.join('\n'));
    await expect(createLocalDatabase({ dir }).ready()).rejects.toThrow(`数据文件 ${journal} 第 1 行已损坏（提交记录的校验和不符）`);
  });
});

describe('local database: a long call does not hold up everyone else', () => {
  it('paging through a collection lets timers and other requests run between pages', async () => {
    const db = createLocalDatabase();
    await db.createCollection('c');
    await db.collection('c').add({ data: Array.from({ length: 2000 }, (_unused, i) => ({ i })) });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    for (let skip = 0; skip < 2000; skip += 100) await db.collection('c').skip(skip).limit(100).get();
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    await db.close();
  });
});
