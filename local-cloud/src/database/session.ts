import type { Change } from './store';
import type { DocId, StoredDocument } from './types';

/**
 * Where single-document operations read and write: directly in the store (under the database
 * lock), or inside a transaction (its own view, written at commit). DocumentReference and
 * `add` work on either.
 */
export interface Session {
  readonly inTransaction: boolean;
  /** Rejects with DATABASE_COLLECTION_NOT_EXIST for an unknown collection (or if the session is over). */
  ensureCollection(name: string): Promise<void>;
  /** A copy of the document as this session sees it. */
  findById(collection: string, id: DocId): Promise<StoredDocument | undefined>;
  /** Runs a read-compute-write with no other write in between. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Makes the changes: now, or when the transaction commits. */
  commit(changes: readonly Change[]): Promise<void>;
}
