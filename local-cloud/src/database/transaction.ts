/**
 * Transactions: `db.runTransaction(callback)` and `db.startTransaction()`.
 *
 * A transaction holds the database lock from start to commit/rollback, so transactions are
 * serializable with each other and with single writes. Its writes are staged in its own view
 * (its reads see them) and reach the store in one all-or-nothing batch at commit; readers
 * outside never see them before. As in WeChat, only single-document operations exist inside:
 * `transaction.collection(name)` has `doc(id).get/set/update/remove` and `add`, no `where`.
 *
 * `runTransaction` follows @cloudbase/database's flow: resolves with the callback's value after
 * committing; rejects with the value given to `transaction.rollback(value)`, or with the error
 * the callback threw (after rolling back). Its retry count is accepted and unused: serialized
 * transactions never conflict.
 */

import { addDocuments, DocumentReference } from './document';
import { CloudDatabaseError, callApi, ErrCode, faults } from './errors';
import { AsyncLock, type Lease } from './lock';
import type { Session } from './session';
import type { Change, Store } from './store';
import type { AddOptions, AddResult, DocId, DocumentData, IdOf, StoredDocument } from './types';
import { cloneValue, deepEqual } from './values';

export interface TransactionContext {
  readonly store: Store;
  /** The plain session: reads of committed data, collection checks. */
  readonly session: Session;
  readonly timeoutMs: number;
}

/** A collection inside a transaction: single-document operations only. */
export interface TransactionCollection {
  readonly collectionName: string;
  doc<Id extends DocId>(id: Id): DocumentReference<Id>;
  add<D extends DocumentData>(options: AddOptions<D>): Promise<AddResult<IdOf<D>>>;
}

type State = 'active' | 'committing' | 'committed' | 'rolled back';

export class Transaction {
  private state: State = 'active';
  private rolledBackWith: { reason: unknown } | null = null;
  /** collection → _id → the document as this transaction left it (null: removed). */
  private readonly staged = new Map<string, Map<DocId, StoredDocument | null>>();
  /** Keeps this transaction's own read-modify-writes from interleaving. */
  private readonly serial = new AsyncLock();
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly session: Session;

  constructor(
    private readonly context: TransactionContext,
    private readonly lease: Lease,
  ) {
    this.timer = setTimeout(() => this.expire(), context.timeoutMs);
    this.timer.unref?.();
    this.session = {
      inTransaction: true,
      ensureCollection: async (name) => {
        this.assertActive();
        await this.context.session.ensureCollection(name);
      },
      findById: async (collection, id) => {
        this.assertActive();
        const staged = this.staged.get(collection);
        if (staged?.has(id)) {
          const doc = staged.get(id);
          return doc ? cloneValue(doc) : undefined;
        }
        return this.context.session.findById(collection, id);
      },
      exclusive: (fn) =>
        this.serial.run(async () => {
          this.assertActive();
          return fn();
        }),
      commit: async (changes) => {
        this.assertActive();
        for (const change of changes) this.stage(change);
      },
    };
  }

  /** Whether `rollback()` was called (or the transaction timed out), and with what. */
  get rollbackReason(): { reason: unknown } | null {
    return this.rolledBackWith;
  }

  get isActive(): boolean {
    return this.state === 'active';
  }

  collection(name: string): TransactionCollection {
    if (!name) throw new Error('Collection name is required');
    return {
      collectionName: name,
      doc: <Id extends DocId>(id: Id) => new DocumentReference(this.session, name, id),
      add: <D extends DocumentData>(options: AddOptions<D>) => addDocuments(this.session, name, options),
    };
  }

  /** Writes the staged changes and ends the transaction. */
  commit(): Promise<void> {
    return callApi('transaction.commit', () =>
      this.serial.run(async () => {
        this.assertActive();
        this.state = 'committing';
        try {
          await this.context.store.apply(await this.changes());
          this.finish('committed');
        } catch (error) {
          this.state = 'active';
          throw error;
        }
      }),
    );
  }

  /** Discards the staged changes and ends the transaction; `runTransaction` rejects with `reason`. */
  rollback(reason?: unknown): Promise<void> {
    return callApi('transaction.rollback', async () => {
      this.assertActive();
      this.rolledBackWith = { reason };
      this.finish('rolled back');
    });
  }

  private assertActive(): void {
    if (this.state === 'active') return;
    throw faults.transactionFinished(this.state === 'committing' ? 'committing' : this.state);
  }

  private stage(change: Change): void {
    const byId = this.staged.get(change.collection) ?? new Map<DocId, StoredDocument | null>();
    this.staged.set(change.collection, byId);
    if (change.kind === 'remove') byId.set(change.doc._id, null);
    else if (change.kind === 'insert') byId.set(change.doc._id, cloneValue(change.doc));
    else byId.set(change.after._id, cloneValue(change.after));
  }

  /** The staged documents as changes against what the store holds now. */
  private async changes(): Promise<Change[]> {
    const changes: Change[] = [];
    for (const [collection, byId] of this.staged) {
      for (const [id, after] of byId) {
        const before = await this.context.session.findById(collection, id);
        if (after === null) {
          if (before) changes.push({ kind: 'remove', collection, doc: before });
        } else if (!before) {
          changes.push({ kind: 'insert', collection, doc: after });
        } else if (!deepEqual(before, after)) {
          changes.push({ kind: 'replace', collection, before, after });
        }
      }
    }
    return changes;
  }

  private finish(state: 'committed' | 'rolled back'): void {
    this.state = state;
    this.staged.clear();
    clearTimeout(this.timer);
    this.lease.release();
  }

  /** A transaction left open too long is rolled back so it does not block the database forever. */
  private expire(): void {
    if (this.state !== 'active') return;
    this.rolledBackWith = {
      reason: new CloudDatabaseError(
        `transaction:fail the transaction was not committed within ${this.context.timeoutMs} ms and has been rolled back`,
        ErrCode.DATABASE_REQUEST_FAILED,
      ),
    };
    this.finish('rolled back');
  }
}

/** `db.runTransaction(callback)`: see the module comment. */
export async function runTransaction<T>(
  lockHolder: { acquire(): Promise<Lease>; runAs<R>(lease: Lease, fn: () => Promise<R>): Promise<R> },
  context: TransactionContext,
  callback: (transaction: Transaction) => T | Promise<T>,
): Promise<T> {
  const lease = await lockHolder.acquire();
  const transaction = new Transaction(context, lease);
  try {
    const result = await lockHolder.runAs(lease, async () => callback(transaction));
    const rolledBack = transaction.rollbackReason;
    if (rolledBack) throw rolledBack.reason;
    await transaction.commit();
    return result;
  } catch (error) {
    const rolledBack = transaction.rollbackReason;
    if (rolledBack) throw rolledBack.reason;
    if (transaction.isActive) await transaction.rollback().catch(() => undefined);
    throw error;
  } finally {
    lease.release();
  }
}
