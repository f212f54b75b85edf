import { type AccessRule, CONTRACTS, DOCUMENT_SCOPES, describeRule } from '@kehou/shared/contracts';
import { EXAMPLES } from './examples';
import { buildWorld, CALLERS, fingerprint, holdsIn, type World } from './world';

/**
 * Every action of every area, called by every kind of caller, each expectation from the action's
 * access rule (shared/src/contracts): a caller the rule refuses is refused and the database is the
 * same before and after; a caller it allows is never refused for access. A caller outside a
 * document scope gets the same answer for a missing and for an existing id.
 */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world.cloud.close());

const REFUSED = new Set(['NOT_SIGNED_IN', 'FORBIDDEN', 'NOT_FOUND']);
const allows = (rule: AccessRule, caller: (typeof CALLERS)[number]) =>
  rule.kind === 'anyone' ||
  (caller.openid !== null &&
    (rule.kind === 'signed-in' ||
      (rule.kind === 'holder' ? rule.roles.some((r) => caller.holds.includes(r) || caller.elsewhere?.includes(r)) : holdsIn(caller, rule.roles, rule.scope))));

const pairs = Object.entries(CONTRACTS).flatMap(([area, contract]) =>
  Object.entries(contract.actions).map(([name, spec]) => ({ area, name, rule: spec.access as AccessRule })),
);
let tried = 0;
let refusedChecked = 0;
afterAll(() => {
  console.log(`访问矩阵：${pairs.length} 个操作 × ${CALLERS.length} 类调用者 = ${tried} 次调用，其中 ${refusedChecked} 次应被拒绝（均未写入数据）`);
});

describe.each(pairs)('$area.$name', ({ area, name, rule }) => {
  const example = (EXAMPLES as Record<string, Record<string, (w: World) => object>>)[area]?.[name];

  it('has an example input and a rule', () => {
    expect(example).toBeDefined();
    expect(rule.why.length).toBeGreaterThan(1);
  });

  it.each(CALLERS)(`as $kind: as the rule says (${describeRule(rule)})`, async (caller) => {
    const input = example!(world);
    const before = await fingerprint(world.cloud);
    const answer = await world.cloud.call(caller.openid, area as never, name, input);
    tried += 1;
    if (allows(rule, caller)) {
      if (!answer.ok) {
        expect(answer.code).not.toBe('NOT_SIGNED_IN');
        expect(answer.message).not.toBe(rule.why);
      }
      return;
    }
    refusedChecked += 1;
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(REFUSED.has(answer.code)).toBe(true);
    expect(await fingerprint(world.cloud)).toBe(before);
    if (rule.kind === 'role' && DOCUMENT_SCOPES.includes(rule.scope) && caller.openid) {
      const missing = await world.cloud.call(caller.openid, area as never, name, {
        ...input,
        [rule.field]: `${(input as Record<string, string>)[rule.field]}-missing`,
      });
      expect(missing).toEqual(answer);
    }
  });
});
