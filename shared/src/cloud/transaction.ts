import type { CollectionName } from '../domain/collections';
import { txGet } from './audited';
import type { TransactionRef } from './sdk';

/**
 * Creates a document inside a transaction; it must not exist yet (versions, publications and
 * notices are written once and never overwritten).
 */
export async function txCreate(t: TransactionRef, collection: CollectionName, id: string, data: Record<string, unknown>): Promise<void> {
  const existing = await txGet(t, collection, id);
  if (existing) throw new Error(`${collection}/${id} already exists`);
  await t.collection(collection).doc(id).set({ data });
}
