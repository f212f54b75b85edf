import type { CollectionName } from '../domain/collections';
import { isNotFoundError } from './errors';
import type { TransactionRef } from './sdk';

/** A document read inside a transaction, or null when it does not exist. */
export async function txGet<T>(t: TransactionRef, collection: CollectionName, id: string): Promise<T | null> {
  try {
    const { data } = await t.collection(collection).doc(id).get();
    return (data as T) ?? null;
  } catch (error) {
    if (isNotFoundError(error)) return null;
    throw error;
  }
}

/**
 * Creates a document inside a transaction; it must not exist yet (versions, publications and
 * notices are written once and never overwritten).
 */
export async function txCreate(t: TransactionRef, collection: CollectionName, id: string, data: Record<string, unknown>): Promise<void> {
  const existing = await txGet(t, collection, id);
  if (existing) throw new Error(`${collection}/${id} already exists`);
  await t.collection(collection).doc(id).set({ data });
}
