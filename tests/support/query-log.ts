import { INDEXES, type IndexSpec, queryCovered } from '@kehou/shared';
import type { ObservedQuery } from '../../local-cloud/src/database';
import { LogicCommand } from '../../local-cloud/src/database/command';
import type { LocalRuntime } from './runtime';

/** A query's shape: the fields its `where` names and the fields it sorts by. */
export interface QueryShape {
  collection: string;
  fields: string[];
  sort: string[];
}

/** The fields a `where` condition names (through `_.or` / `_.and` of query objects). */
export function conditionFields(condition: unknown): string[] {
  if (condition === undefined || condition === null) return [];
  if (condition instanceof LogicCommand) return [...new Set(condition.operands.flatMap(conditionFields))];
  if (typeof condition !== 'object') return [];
  return Object.entries(condition as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
}

export const shapeOf = (query: ObservedQuery): QueryShape => ({
  collection: query.collection,
  fields: conditionFields(query.condition).sort(),
  sort: query.orders.map(([field]) => field),
});

const describe = (shape: QueryShape) => `${shape.collection} where {${shape.fields.join(', ')}}${shape.sort.length ? ` orderBy ${shape.sort.join(', ')}` : ''}`;

/**
 * Records every query the functions make on the runtime's database while it runs, and says which
 * have no index in `shared/src/domain/indexes.ts` (a school-wide view must never scan a collection).
 */
export function startQueryLog(runtime: LocalRuntime, indexes: readonly IndexSpec[] = INDEXES) {
  const shapes = new Map<string, QueryShape>();
  const stop = runtime.database.observeQueries((query) => {
    const shape = shapeOf(query);
    shapes.set(describe(shape), shape);
  });
  return {
    stop,
    /** Each distinct query shape seen, described. */
    seen: () => [...shapes.keys()].sort(),
    /** The query shapes no index covers, described. */
    unindexed: () =>
      [...shapes.entries()]
        .filter(([, shape]) => !queryCovered(shape, indexes))
        .map(([text]) => text)
        .sort(),
  };
}
