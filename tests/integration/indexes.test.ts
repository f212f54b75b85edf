import { COLLECTIONS, INDEXES, indexName } from '@kehou/shared';
import { type AccessRule, CONTRACTS } from '@kehou/shared/contracts';
import { EXAMPLES } from '../access/examples';
import { buildWorld, CALLERS, holdsIn, type World } from '../access/world';
import { startQueryLog } from '../support/query-log';

/**
 * Every query the functions make has an index in shared/src/domain/indexes.ts: every action is
 * called with its example input by each caller its rule allows (the access matrix's world: a
 * school with a class enrolled, billed, with listings, feedback, refunds and signatures), and each
 * query shape that reached the database is checked against the list.
 */
let world: World;
let log: ReturnType<typeof startQueryLog>;
beforeAll(async () => {
  world = await buildWorld();
  log = startQueryLog(world.cloud.runtime);
  for (const [area, contract] of Object.entries(CONTRACTS)) {
    for (const [name, spec] of Object.entries(contract.actions)) {
      const example = (EXAMPLES as Record<string, Record<string, (w: World) => object>>)[area]?.[name];
      const rule = spec.access as AccessRule;
      const callers = CALLERS.filter((c) => {
        if (rule.kind === 'anyone' || rule.kind === 'signed-in') return rule.kind === 'anyone' || c.openid !== null;
        if (rule.kind === 'holder') return rule.roles.some((r) => c.holds.includes(r) || c.elsewhere?.includes(r));
        return holdsIn(c, rule.roles, rule.scope);
      });
      for (const caller of callers) await world.cloud.call(caller.openid, area as never, name, example!(world));
    }
  }
  log.stop();
}, 180_000);
afterAll(() => world.cloud.close());

describe('database indexes', () => {
  it('every query the actions make is served by an index of shared/src/domain/indexes.ts', () => {
    expect(log.seen().length).toBeGreaterThan(20);
    expect(log.unindexed()).toEqual([]);
  });

  it('names each index once, on a collection that exists', () => {
    const names = INDEXES.map((i) => `${i.collection}.${indexName(i)}`);
    expect(new Set(names).size).toBe(names.length);
    for (const index of INDEXES) expect(COLLECTIONS).toContain(index.collection);
  });

  it('the local runtime creates them', () => {
    for (const index of INDEXES) {
      expect(world.cloud.runtime.database.listIndexes(index.collection).map((i) => String(i.fieldName))).toContain(index.fields.map(([f]) => f).join(','));
    }
  });
});
