import { nextSkipOf, type Page } from '../domain/paging';
import type { CollectionRef, QueryRef } from './sdk';

/** WeChat caps one get at 100 records in a cloud function: read everything page by page. */
export async function getAll<T>(query: QueryRef, pageSize = 100): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += pageSize) {
    const { data } = await query.skip(skip).limit(pageSize).get();
    all.push(...(data as T[]));
    if (data.length < pageSize) return all;
  }
}

/** One page of the documents matching `where`, in `order`, with how many match in all: two round trips, read at once. */
export async function readPage<T>(
  collection: CollectionRef,
  where: Record<string, unknown>,
  order: readonly (readonly [string, 'asc' | 'desc'])[],
  page: { skip: number; limit: number },
): Promise<Page<T>> {
  let query: QueryRef = collection.where(where);
  for (const [field, direction] of order) query = query.orderBy(field, direction);
  const [{ total }, { data }] = await Promise.all([collection.where(where).count(), query.skip(page.skip).limit(page.limit).get()]);
  return { rows: data as T[], total, nextSkip: nextSkipOf(page.skip, data.length, total) };
}
