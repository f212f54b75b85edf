/**
 * Contract: where / orderBy / skip / limit / field / count, and every query command.
 * Semantics per @cloudbase/database's QuerySerializer (nested objects flatten into paths) and MongoDB.
 */
import { type ContractDatabase, openContractDatabase } from './contract-harness';
import type { StoredDocument } from './types';

let harness: ContractDatabase;
let name: string;

const ids = (docs: StoredDocument[]) => docs.map((doc) => doc._id);
const db = () => harness.db;
const _ = () => harness.db.command;

const students = [
  {
    _id: 's1',
    name: 'Ann',
    grade: 3,
    score: 91,
    tags: ['art', 'music'],
    address: { city: 'Beijing', zip: '100000' },
    scores: [
      { subject: 'math', value: 95 },
      { subject: 'art', value: 70 },
    ],
    joined: new Date('2024-09-01T00:00:00Z'),
  },
  {
    _id: 's2',
    name: 'bob',
    grade: 3,
    score: 78,
    tags: ['sports'],
    address: { city: 'Shanghai', zip: '200000' },
    scores: [{ subject: 'math', value: 60 }],
    joined: new Date('2024-09-05T00:00:00Z'),
  },
  {
    _id: 's3',
    name: 'Cai',
    grade: 4,
    score: 85,
    tags: ['art'],
    address: { city: 'Beijing', zip: '100001' },
    scores: [],
    joined: new Date('2023-09-01T00:00:00Z'),
    note: null,
  },
  { _id: 's4', name: 'Dan', grade: 5, score: 62, tags: [], address: { city: 'Guangzhou' }, joined: new Date('2022-09-01T00:00:00Z'), pickedUp: true },
  {
    _id: 's5',
    name: 'Eve',
    grade: 4,
    score: 85,
    tags: ['music', 'sports', 'art'],
    address: { city: 'Shanghai', zip: '200001' },
    scores: [{ subject: 'math', value: 88 }],
    joined: new Date('2024-02-01T00:00:00Z'),
  },
];

beforeAll(async () => {
  harness = await openContractDatabase();
  name = await harness.collection('students');
  await db().collection(name).add({ data: students });
});

afterAll(() => harness.close());

async function where(condition: object): Promise<Array<string | number>> {
  const { data } = await db().collection(name).where(condition).orderBy('_id', 'asc').get();
  return ids(data);
}

describe('contract: where with plain values', () => {
  it('matches equal fields (several fields = and)', async () => {
    expect(await where({ grade: 3 })).toEqual(['s1', 's2']);
    expect(await where({ grade: 4, score: 85 })).toEqual(['s3', 's5']);
  });

  it('flattens nested objects into field paths (not an exact sub-document match)', async () => {
    expect(await where({ address: { city: 'Beijing' } })).toEqual(['s1', 's3']);
    expect(await where({ 'address.city': 'Shanghai' })).toEqual(['s2', 's5']);
  });

  it('an array value matches arrays containing it; a Date matches equal dates', async () => {
    expect(await where({ tags: 'art' })).toEqual(['s1', 's3', 's5']);
    expect(await where({ joined: new Date('2024-09-05T00:00:00Z') })).toEqual(['s2']);
  });

  it('matches with JS RegExp and db.RegExp({ regexp, options })', async () => {
    expect(await where({ name: /^b/ })).toEqual(['s2']);
    expect(await where({ name: /^B/i })).toEqual(['s2']);
    expect(await where({ name: db().RegExp({ regexp: '^[a-c]', options: 'i' }) })).toEqual(['s1', 's2', 's3']);
  });

  it('ignores undefined values', async () => {
    expect(await where({ grade: 5, pickedUp: undefined })).toEqual(['s4']);
  });

  it('the last where() wins', async () => {
    const { data } = await db().collection(name).where({ grade: 3 }).where({ grade: 5 }).get();
    expect(ids(data)).toEqual(['s4']);
  });
});

describe('contract: comparison commands', () => {
  it('eq / neq', async () => {
    expect(await where({ grade: _().eq(5) })).toEqual(['s4']);
    expect(await where({ grade: _().neq(3) })).toEqual(['s3', 's4', 's5']);
    expect(await where({ address: _().eq({ city: 'Guangzhou' }) })).toEqual(['s4']);
  });

  it('lt / lte / gt / gte, also on dates', async () => {
    expect(await where({ score: _().lt(78) })).toEqual(['s4']);
    expect(await where({ score: _().lte(78) })).toEqual(['s2', 's4']);
    expect(await where({ score: _().gt(85) })).toEqual(['s1']);
    expect(await where({ score: _().gte(85) })).toEqual(['s1', 's3', 's5']);
    expect(await where({ joined: _().gte(new Date('2024-01-01T00:00:00Z')) })).toEqual(['s1', 's2', 's5']);
  });

  it('in / nin', async () => {
    expect(await where({ grade: _().in([4, 5]) })).toEqual(['s3', 's4', 's5']);
    expect(await where({ grade: _().nin([4, 5]) })).toEqual(['s1', 's2']);
  });

  it('chained: _.gt(70).and(_.lt(90)), _.lt(70).or(_.gt(90))', async () => {
    expect(await where({ score: _().gt(70).and(_().lt(90)) })).toEqual(['s2', 's3', 's5']);
    expect(await where({ score: _().lt(70).or(_().gt(90)) })).toEqual(['s1', 's4']);
    expect(await where({ score: _().gt(70).lt(80) })).toEqual(['s2']);
  });
});

describe('contract: element and array commands', () => {
  it('exists', async () => {
    expect(await where({ pickedUp: _().exists(true) })).toEqual(['s4']);
    expect(await where({ 'address.zip': _().exists(false) })).toEqual(['s4']);
  });

  it('size', async () => {
    expect(await where({ tags: _().size(0) })).toEqual(['s4']);
    expect(await where({ tags: _().size(2) })).toEqual(['s1']);
  });

  it('all', async () => {
    expect(await where({ tags: _().all(['art', 'music']) })).toEqual(['s1', 's5']);
  });

  it('elemMatch on sub-documents and on scalars', async () => {
    expect(await where({ scores: _().elemMatch({ subject: 'math', value: _().gte(88) }) })).toEqual(['s1', 's5']);
    expect(await where({ tags: _().elemMatch(_().eq('sports')) })).toEqual(['s2', 's5']);
  });

  it('mod', async () => {
    expect(await where({ grade: _().mod(2, 0) })).toEqual(['s3', 's5']);
  });
});

describe('contract: logic commands', () => {
  it('top-level _.or([...]) and _.and([...])', async () => {
    expect(await where(_().or([{ grade: 5 }, { score: _().gt(90) }]))).toEqual(['s1', 's4']);
    expect(await where(_().and([{ grade: 4 }, { 'address.city': 'Beijing' }]))).toEqual(['s3']);
  });

  it('top-level _.nor([...])', async () => {
    expect(await where(_().nor([{ grade: 3 }, { grade: 4 }]))).toEqual(['s4']);
  });

  it('field-level _.or / _.and / _.nor over commands', async () => {
    expect(await where({ score: _().or([_().lt(70), _().gte(91)]) })).toEqual(['s1', 's4']);
    expect(await where({ score: _().and([_().gt(70), _().lt(85)]) })).toEqual(['s2']);
    expect(await where({ grade: _().nor([_().eq(3), _().eq(4)]) })).toEqual(['s4']);
  });

  it('_.not(command) and _.not(regexp) under a field', async () => {
    expect(await where({ score: _().not(_().gte(80)) })).toEqual(['s2', 's4']);
    expect(await where({ name: _().not(/^[A-C]/) })).toEqual(['s2', 's4', 's5']);
  });

  it('mixes fields and logic commands', async () => {
    expect(await where({ grade: _().in([3, 4]), score: _().or([_().lt(80), _().eq(85)]) })).toEqual(['s2', 's3', 's5']);
  });
});

describe('contract: orderBy, skip, limit, field, count', () => {
  it('orders by several keys in the order given', async () => {
    const { data } = await db().collection(name).orderBy('grade', 'desc').orderBy('score', 'asc').orderBy('_id', 'desc').get();
    expect(ids(data)).toEqual(['s4', 's5', 's3', 's2', 's1']);
  });

  it('orders by nested fields and dates', async () => {
    const byCity = await db().collection(name).orderBy('address.city', 'asc').orderBy('_id', 'asc').get();
    expect(ids(byCity.data)).toEqual(['s1', 's3', 's4', 's2', 's5']);
    const byDate = await db().collection(name).orderBy('joined', 'desc').get();
    expect(ids(byDate.data)).toEqual(['s2', 's1', 's5', 's3', 's4']);
  });

  it('skip and limit page through an ordered result', async () => {
    const page = (skip: number) => db().collection(name).orderBy('score', 'desc').orderBy('_id', 'asc').skip(skip).limit(2).get();
    expect(ids((await page(0)).data)).toEqual(['s1', 's3']);
    expect(ids((await page(2)).data)).toEqual(['s5', 's2']);
    expect(ids((await page(4)).data)).toEqual(['s4']);
    expect(ids((await page(6)).data)).toEqual([]);
  });

  it('field() keeps the chosen fields (and _id), or drops the excluded ones', async () => {
    const picked = await db().collection(name).where({ _id: 's1' }).field({ name: true, 'address.city': true }).get();
    expect(picked.data).toEqual([{ _id: 's1', name: 'Ann', address: { city: 'Beijing' } }]);
    const dropped = await db().collection(name).where({ _id: 's4' }).field({ scores: false, tags: false, address: false, joined: false }).get();
    expect(dropped.data).toEqual([{ _id: 's4', name: 'Dan', grade: 5, score: 62, pickedUp: true }]);
  });

  it('count() counts matches and ignores skip/limit', async () => {
    expect(await db().collection(name).count()).toEqual({ total: 5, errMsg: 'collection.count:ok' });
    expect(
      (
        await db()
          .collection(name)
          .where({ score: _().gte(85) })
          .count()
      ).total,
    ).toBe(3);
    expect((await db().collection(name).where({ grade: 3 }).skip(1).limit(1).count()).total).toBe(2);
  });

  it('get() resolves { data, errMsg: collection.get:ok }', async () => {
    const result = await db().collection(name).where({ grade: 5 }).get();
    expect(result).toEqual({ data: [expect.objectContaining({ _id: 's4' })], errMsg: 'collection.get:ok' });
  });
});

describe('contract: one get() returns at most 100 records (cloud function cap)', () => {
  let big: string;

  beforeAll(async () => {
    big = await harness.collection('big');
    const rows = Array.from({ length: 250 }, (_unused, i) => ({ _id: `r${String(i).padStart(3, '0')}`, i }));
    for (let start = 0; start < rows.length; start += 50)
      await db()
        .collection(big)
        .add({ data: rows.slice(start, start + 50) });
  });

  it('without limit(), and with limit(500), get() returns 100', async () => {
    expect((await db().collection(big).get()).data).toHaveLength(100);
    expect((await db().collection(big).limit(500).get()).data).toHaveLength(100);
    expect((await db().collection(big).limit(30).get()).data).toHaveLength(30);
  });

  it('callers page with skip/limit to read everything', async () => {
    const all: StoredDocument[] = [];
    for (let skip = 0; ; skip += 100) {
      const { data } = await db().collection(big).orderBy('i', 'asc').skip(skip).limit(100).get();
      all.push(...data);
      if (data.length < 100) break;
    }
    expect(all).toHaveLength(250);
    expect(all.map((doc) => doc.i)).toEqual(Array.from({ length: 250 }, (_unused, i) => i));
  });

  it('count() is not capped', async () => {
    expect((await db().collection(big).count()).total).toBe(250);
  });
});
