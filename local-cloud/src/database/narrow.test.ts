import { matching } from './find';
import { equalityConstraints, Narrower } from './narrow';
import type { StoredDocument } from './types';

const docs = [
  { _id: 'a', schoolId: 's1', grade: 1, tags: ['x'] },
  { _id: 'b', schoolId: 's2', grade: 2 },
  { _id: 'c', schoolId: 's1', grade: 2, tags: [] },
  { _id: 'd', grade: 1 },
  { _id: 'e', schoolId: 's1', grade: '2' },
] as unknown as StoredDocument[];

const ids = (list: readonly StoredDocument[]) => list.map((doc) => doc._id);

describe('narrowing a query to the documents it can match', () => {
  it('reads the equality and $in constraints on top-level fields, through $and', () => {
    expect(equalityConstraints({ schoolId: 's1', grade: { $in: [1, 2] }, 'a.b': 1, $or: [{ x: 1 }] })).toEqual([
      { field: 'schoolId', values: ['s1'] },
      { field: 'grade', values: [1, 2] },
    ]);
    expect(equalityConstraints({ $and: [{ schoolId: { $eq: 's2' } }, { grade: { $gt: 1 } }] })).toEqual([{ field: 'schoolId', values: ['s2'] }]);
    expect(equalityConstraints({ schoolId: null, grade: { $in: [1, null] } })).toEqual([]);
  });

  it('keeps the smallest candidate set, in store order, and tells 2 from "2"', () => {
    const narrower = new Narrower(docs);
    expect(ids(narrower.candidates({ schoolId: 's1' }))).toEqual(['a', 'c', 'e']);
    expect(ids(narrower.candidates({ schoolId: 's1', grade: 2 }))).toEqual(['b', 'c']);
    expect(ids(narrower.candidates({ _id: { $in: ['e', 'a', 'zz'] } }))).toEqual(['a', 'e']);
    expect(ids(narrower.candidates({ schoolId: 'none' }))).toEqual([]);
    expect(ids(narrower.candidates({ grade: { $gt: 0 } }))).toHaveLength(docs.length);
  });

  it('never narrows on a field that holds arrays somewhere (equality matches their elements)', () => {
    expect(ids(new Narrower(docs).candidates({ tags: 'x' }))).toHaveLength(docs.length);
  });

  it('gives the same answers as testing every document', () => {
    const narrower = new Narrower(docs);
    const queries = [
      { schoolId: 's1', grade: 2 },
      { grade: { $in: [1, '2'] } },
      { $and: [{ schoolId: 's1' }, { tags: { $exists: true } }] },
      { tags: 'x', schoolId: 's1' },
    ];
    for (const query of queries) expect(ids(matching(narrower.candidates(query), query))).toEqual(ids(matching(docs, query)));
  });
});
