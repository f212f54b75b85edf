/**
 * The one place the contract tests (`*.contract.test.ts`) get a database from.
 *
 * The tests use only the wx-server-sdk surface (`collection`, `command`, `serverDate`, `RegExp`,
 * `createCollection`, `runTransaction`, `startTransaction`) and assert only what the real WeChat
 * cloud database does, so pointing this factory at `cloud.database()` in a test environment
 * (unique collection names, cleanup by `where({}).remove()`) runs the same suite against WeChat.
 */
import { createLocalDatabase, type LocalDatabase } from './index';
import type { LocalDatabaseOptions } from './types';

export interface ContractDatabase {
  db: LocalDatabase;
  /** A fresh, empty collection name for this test (created). */
  collection(prefix?: string): Promise<string>;
  close(): Promise<void>;
}

let sequence = 0;

export async function openContractDatabase(options: LocalDatabaseOptions = {}): Promise<ContractDatabase> {
  const db = createLocalDatabase(options);
  return {
    db,
    async collection(prefix = 'c') {
      sequence += 1;
      const name = `${prefix}_${Date.now().toString(36)}_${sequence}`;
      await db.createCollection(name);
      return name;
    },
    close: () => db.close(),
  };
}

/** Resolves to the rejection of `fn()` (sync throw or async rejection); fails if it succeeded. */
export async function failureOf(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but the call succeeded');
}
