/** Matching, sorting, paging and projecting documents with mingo (MongoDB semantics). */
import { Query } from 'mingo';
import { faults } from './errors';
import type { MongoQuery } from './query';
import type { StoredDocument } from './types';
import { cloneValue } from './values';

export type SortSpec = Record<string, 1 | -1>;

export interface FindSpec {
  query: MongoQuery;
  sort?: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

/** Runs mingo, reporting its complaints (unknown operator, bad projection…) as database errors. */
function withMingo<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw faults.requestFailed(`[InvalidParameter] ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The documents matching `query`, in store order (not copied). */
export function matching(docs: readonly StoredDocument[], query: MongoQuery): StoredDocument[] {
  return withMingo(() => {
    const compiled = new Query(query);
    return docs.filter((doc) => compiled.test(doc));
  });
}

/** `where/orderBy/skip/limit/field` → fresh copies of the selected documents. */
export function find(docs: readonly StoredDocument[], spec: FindSpec): StoredDocument[] {
  if (!spec.sort || Object.keys(spec.sort).length === 0) return findInStoreOrder(docs, spec);
  return withMingo(() => {
    const cursor = new Query(spec.query).find<StoredDocument>([...docs], spec.projection ?? {});
    if (spec.sort && Object.keys(spec.sort).length > 0) cursor.sort(spec.sort);
    if (spec.skip) cursor.skip(spec.skip);
    if (spec.limit !== undefined) cursor.limit(spec.limit);
    return cursor.all().map((doc) => cloneValue(doc));
  });
}

/** Without a sort: matches in store order, stopping once the page is full (paging stays cheap). */
function findInStoreOrder(docs: readonly StoredDocument[], spec: FindSpec): StoredDocument[] {
  const page = withMingo(() => {
    const compiled = new Query(spec.query);
    const selected: StoredDocument[] = [];
    let toSkip = spec.skip ?? 0;
    const limit = spec.limit ?? Number.POSITIVE_INFINITY;
    for (const doc of docs) {
      if (selected.length >= limit) break;
      if (!compiled.test(doc)) continue;
      if (toSkip > 0) toSkip -= 1;
      else selected.push(doc);
    }
    return selected;
  });
  const projection = spec.projection && Object.keys(spec.projection).length > 0 ? spec.projection : null;
  return projection
    ? withMingo(() =>
        new Query({})
          .find<StoredDocument>(page, projection)
          .all()
          .map((doc) => cloneValue(doc)),
      )
    : page.map((doc) => cloneValue(doc));
}

/** A copy of one document with a projection applied. */
export function project(doc: StoredDocument, projection: Record<string, unknown> | undefined): StoredDocument {
  if (!projection || Object.keys(projection).length === 0) return cloneValue(doc);
  return find([doc], { query: {}, projection })[0] ?? cloneValue(doc);
}
