/**
 * The local stand-in for `cloud.database()`: same surface as wx-server-sdk's Database
 * (`collection`, `command`, `serverDate`, `RegExp`, `createCollection`, `runTransaction`,
 * `startTransaction`), plus local helpers (`ready`, `listCollections`, `ensureIndex`, `compact`,
 * `backupTo`, `close`).
 *
 * Concurrency: every write (and every transaction, for its whole life) takes one database-wide
 * lock; reads go without it but never see half of a write. A collection must exist before use
 * (DATABASE_COLLECTION_NOT_EXIST, -502005); collections found on disk exist.
 */
import { randomBytes } from 'node:crypto';
import { CollectionReference, type ObservedQuery, type QueryContext } from './collection';
import { command, databaseRegExp, serverDate } from './command';
import { callApi, faults, toApiError } from './errors';
import { AsyncLock } from './lock';
import type { Session } from './session';
import { type IndexOptions, Store } from './store';
import { runTransaction, Transaction, type TransactionContext } from './transaction';
import type { CreateCollectionResult, LocalDatabaseOptions } from './types';
import { cloneValue } from './values';

const DEFAULT_MAX_GET_LIMIT = 100;
const DEFAULT_AGGREGATE_LIMIT = 20;
// WeChat rolls back a transaction not committed within 30 s.
const DEFAULT_TRANSACTION_TIMEOUT_MS = 30_000;

export class LocalDatabase {
  /** `db.command` (`_`). */
  readonly command = command;
  /** `db.serverDate({ offset })`: the time of the write. */
  readonly serverDate = serverDate;
  /** `db.RegExp({ regexp, options })`. */
  readonly RegExp = databaseRegExp;

  private readonly store: Store;
  private readonly lock = new AsyncLock();
  private closed = false;
  private readonly context: QueryContext;
  private readonly observers = new Set<(query: ObservedQuery) => void>();
  private readonly transactionContext: TransactionContext;

  constructor(options: LocalDatabaseOptions = {}) {
    this.store = new Store(options.dir, options.disk);
    const session: Session = {
      inTransaction: false,
      ensureCollection: async (name) => {
        this.assertOpen();
        await this.store.ready;
        if (!this.store.has(name)) throw faults.collectionNotExist(name);
      },
      findById: async (collection, id) => {
        const doc = await this.store.readById(collection, id);
        return doc ? cloneValue(doc) : undefined;
      },
      exclusive: (fn) =>
        this.lock.run(async () => {
          this.assertOpen();
          return fn();
        }),
      commit: (changes) => this.store.apply(changes),
    };
    this.context = {
      session,
      store: this.store,
      maxGetLimit: options.maxGetLimit ?? DEFAULT_MAX_GET_LIMIT,
      observers: this.observers,
      aggregateDefaultLimit: options.aggregateDefaultLimit ?? DEFAULT_AGGREGATE_LIMIT,
    };
    this.transactionContext = {
      session,
      store: this.store,
      timeoutMs: options.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS,
    };
  }

  private assertOpen(): void {
    if (this.closed) throw faults.closed();
  }

  /** Tells `listener` of every query (not of `doc(id)` reads and writes, which go by the `_id` index); returns how to stop. */
  observeQueries(listener: (query: ObservedQuery) => void): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  collection(name: string): CollectionReference {
    return new CollectionReference(this.context, name);
  }

  /** Creates an empty collection; fails if it exists. */
  createCollection(name: string): Promise<CreateCollectionResult> {
    return callApi('createCollection', () =>
      this.lock.run(async () => {
        this.assertOpen();
        await this.store.create(name);
        return { errMsg: 'createCollection:ok', requestId: randomBytes(8).toString('hex') };
      }),
    );
  }

  /**
   * Runs `callback` in a transaction and commits it; rejects (after rolling back) with what the
   * callback threw, or with the value passed to `transaction.rollback(value)`.
   */
  async runTransaction<T>(callback: (transaction: Transaction) => T | Promise<T>, retries = 3): Promise<T> {
    void retries; // serialized transactions never conflict, so there is nothing to retry
    // Not wrapped in callApi: the rejection must be exactly what the callback threw or rolled back with.
    if (this.closed) throw toApiError('runTransaction', faults.closed());
    return runTransaction(this.lock, this.transactionContext, callback);
  }

  /**
   * Starts a transaction to finish with `commit()` or `rollback()`. Until then it holds the
   * database: plain writes wait for it (a transaction left open is rolled back after
   * `transactionTimeoutMs`).
   */
  async startTransaction(): Promise<Transaction> {
    if (this.closed) throw toApiError('startTransaction', faults.closed());
    const lease = await this.lock.acquire();
    return new Transaction(this.transactionContext, lease);
  }

  // ---- local helpers (not in wx-server-sdk) ----

  /** Resolves once the collections in `dir` are loaded (every operation waits for it anyway). */
  ready(): Promise<void> {
    return this.store.ready;
  }

  /** Names of the existing collections (complete once {@link LocalDatabase.ready}). */
  listCollections(): string[] {
    return this.store.names();
  }

  /** The indexes made on a collection with {@link LocalDatabase.ensureIndex}. */
  listIndexes(collection: string): IndexOptions[] {
    return this.store.indexesOf(collection);
  }

  /** nedb index passthrough; a unique index makes duplicate writes fail like WeChat's unique indexes. */
  ensureIndex(collection: string, options: IndexOptions): Promise<void> {
    return callApi('ensureIndex', () =>
      this.lock.run(async () => {
        await this.context.session.ensureCollection(collection);
        await this.store.ensureIndex(collection, options);
      }),
    );
  }

  /** Folds the journal into the collection files. */
  compact(): Promise<void> {
    return this.lock.run(() => this.store.compact());
  }

  /** Writes a consistent copy of every collection into `dir` (between writes, never inside one). */
  backupTo(dir: string): Promise<void> {
    return this.lock.run(async () => {
      this.assertOpen();
      await this.store.exportTo(dir);
    });
  }

  /** Waits for running writes/transactions, compacts, and refuses further operations. */
  close(): Promise<void> {
    return this.lock.run(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.store.ready.catch(() => undefined);
      await this.store.compact().catch(() => undefined);
    });
  }
}

export function createLocalDatabase(options: LocalDatabaseOptions = {}): LocalDatabase {
  return new LocalDatabase(options);
}
