import type { QueryRef } from './sdk';

/** WeChat caps one get at 100 records in a cloud function: read everything page by page. */
export async function getAll<T>(query: QueryRef, pageSize = 100): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; ; skip += pageSize) {
    const { data } = await query.skip(skip).limit(pageSize).get();
    all.push(...(data as T[]));
    if (data.length < pageSize) return all;
  }
}
