/** Contract: collection.aggregate() … end() → { list, errMsg: 'collection.aggregate:ok' }. */
import { type ContractDatabase, openContractDatabase } from './contract-harness';

let harness: ContractDatabase;
let name: string;

const db = () => harness.db;
const _ = () => harness.db.command;

beforeAll(async () => {
  harness = await openContractDatabase();
  name = await harness.collection('fees');
  await db()
    .collection(name)
    .add({
      data: Array.from({ length: 30 }, (_unused, i) => ({
        _id: `f${String(i).padStart(2, '0')}`,
        school: i % 3 === 0 ? 'A' : 'B',
        amount: i,
        paid: i % 2 === 0,
      })),
    });
});

afterAll(() => harness.close());

describe('contract: aggregate', () => {
  it('match (with commands) / group / sort', async () => {
    const $ = _().aggregate;
    const result = await db()
      .collection(name)
      .aggregate()
      .match({ amount: _().gte(10), paid: true })
      .group({ _id: '$school', total: $.sum('$amount'), count: $.sum(1) })
      .sort({ _id: 1 })
      .end();
    expect(result.errMsg).toBe('collection.aggregate:ok');
    // paid (even) amounts 10..28: A = multiples of 6 (12, 18, 24), B = the rest (10, 14, 16, 20, 22, 26, 28)
    expect(result.list).toEqual([
      { _id: 'A', total: 54, count: 3 },
      { _id: 'B', total: 136, count: 7 },
    ]);
  });

  it('project / skip / limit / count', async () => {
    const page = await db().collection(name).aggregate().sort({ amount: -1 }).skip(2).limit(3).project({ _id: 0, amount: 1 }).end();
    expect(page.list).toEqual([{ amount: 27 }, { amount: 26 }, { amount: 25 }]);
    const counted = await db().collection(name).aggregate().match({ school: 'A' }).count('n').end();
    expect(counted.list).toEqual([{ n: 10 }]);
  });

  it('returns 20 records when the pipeline has no limit stage', async () => {
    expect((await db().collection(name).aggregate().end()).list).toHaveLength(20);
    expect((await db().collection(name).aggregate().limit(30).end()).list).toHaveLength(30);
  });
});
