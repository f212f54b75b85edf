/**
 * Storage: one in-memory nedb datastore per collection, persisted (with a `dir`) by
 * {@link Persistence}: collection files plus a journal with one flushed line per commit.
 *
 * nedb keeps the documents and the unique `_id` index (and any `ensureIndex` ones). Matching,
 * sorting and updating are done above, with mingo, on `read()` snapshots.
 *
 * Writes come as batches of {@link Change}s (one single-document write, one multi-document
 * update, one transaction commit) and are all-or-nothing, in memory and on disk: if nedb refuses
 * one (e.g. a unique index) or the disk refuses the commit, the changes already made in memory are
 * undone. Readers wait while a batch is being applied and written, so nobody ever sees half of one,
 * nor a write that is not on disk yet.
 *
 * Every read and write first lets the event loop run: one long call paging through a big
 * collection must not keep every other request (another caller, /healthz) waiting, as each
 * database call is a network round trip in WeChat.
 */
import Datastore from '@seald-io/nedb';
import type { CollectionContents, JournalRecord } from './datafile';
import { type Disk, nodeDisk } from './disk';
import { faults } from './errors';
import { Narrower } from './narrow';
import { Persistence } from './persistence';
import type { MongoQuery } from './query';
import type { DocId, DocumentData, StoredDocument } from './types';
import { cloneValue } from './values';

export type Change =
  | { kind: 'insert'; collection: string; doc: StoredDocument }
  | { kind: 'replace'; collection: string; before: StoredDocument; after: StoredDocument }
  | { kind: 'remove'; collection: string; doc: StoredDocument };

export interface IndexOptions {
  fieldName: string | string[];
  unique?: boolean;
  sparse?: boolean;
}

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,128}$/;

export function isValidCollectionName(name: unknown): name is string {
  return typeof name === 'string' && COLLECTION_NAME.test(name);
}

const noop = () => undefined;

function invert(change: Change): Change {
  switch (change.kind) {
    case 'insert':
      return { kind: 'remove', collection: change.collection, doc: change.doc };
    case 'remove':
      return { kind: 'insert', collection: change.collection, doc: change.doc };
    case 'replace':
      return { kind: 'replace', collection: change.collection, before: change.after, after: change.before };
  }
}

function uniqueViolation(error: unknown): { key: unknown } | null {
  if (typeof error !== 'object' || error === null) return null;
  const { errorType, key } = error as { errorType?: unknown; key?: unknown };
  return errorType === 'uniqueViolated' ? { key } : null;
}

// setImmediate where Node has it; a zero timeout where the runtime is hosted in a browser-like
// environment (the weapp tests run the functions inside jsdom).
const nextTurn: (resolve: () => void) => void = typeof setImmediate === 'function' ? (resolve) => setImmediate(resolve) : (resolve) => setTimeout(resolve, 0);
const yieldToEventLoop = () => new Promise<void>((resolve) => nextTurn(resolve));

export class Store {
  private readonly datastores = new Map<string, Datastore<DocumentData>>();
  private readonly indexes = new Map<string, IndexOptions[]>();
  /** Each collection's documents as an array, kept until the collection next changes (nedb builds one per call). */
  private readonly arrays = new Map<string, StoredDocument[]>();
  /** Each collection's field indexes, for the same version of its documents as `arrays`. */
  private readonly narrowers = new Map<string, Narrower>();
  private readonly persistence: Persistence | null;
  private applying: Promise<void> | null = null;
  /** Settles once the collections found in `dir` are loaded; rejects (CorruptDataFileError) on a damaged file. */
  readonly ready: Promise<void>;

  constructor(dir?: string, disk: Disk = nodeDisk) {
    this.persistence = dir ? new Persistence(dir, disk) : null;
    this.ready = this.persistence ? this.load(this.persistence) : Promise.resolve();
    this.ready.catch(noop); // surfaced by every operation that awaits it
  }

  private async load(persistence: Persistence): Promise<void> {
    for (const [name, contents] of await persistence.load()) await this.open(name, contents);
  }

  private async open(name: string, contents: CollectionContents): Promise<void> {
    const datastore = new Datastore<DocumentData>({ inMemoryOnly: true });
    for (const index of contents.indexes) await datastore.ensureIndexAsync(index);
    if (contents.docs.length) await datastore.insertAsync(contents.docs);
    this.datastores.set(name, datastore);
    this.indexes.set(name, [...contents.indexes]);
    this.forget(name);
  }

  /** Drops what was derived from a collection's documents (it changed). */
  private forget(name: string): void {
    this.arrays.delete(name);
    this.narrowers.delete(name);
  }

  private documents(name: string): StoredDocument[] {
    let docs = this.arrays.get(name);
    if (!docs) {
      docs = this.datastore(name).getAllData() as StoredDocument[];
      this.arrays.set(name, docs);
    }
    return docs;
  }

  private contents(name: string): CollectionContents {
    return { docs: this.documents(name), indexes: this.indexes.get(name) ?? [] };
  }

  private allContents(): Map<string, CollectionContents> {
    return new Map(this.names().map((name) => [name, this.contents(name)]));
  }

  /** Collection names (once {@link Store.ready}). */
  names(): string[] {
    return [...this.datastores.keys()].sort();
  }

  has(name: string): boolean {
    return this.datastores.has(name);
  }

  async create(name: string): Promise<void> {
    await this.ready;
    if (!isValidCollectionName(name)) throw faults.invalidParam(`集合名称不合法 (invalid collection name ${JSON.stringify(name)})`);
    if (this.has(name)) throw faults.collectionExists(name);
    await this.persistence?.createCollection(name, { docs: [], indexes: [] });
    await this.open(name, { docs: [], indexes: [] });
  }

  private datastore(name: string): Datastore<DocumentData> {
    const datastore = this.datastores.get(name);
    if (!datastore) throw faults.collectionNotExist(name);
    return datastore;
  }

  /**
   * Runs `fn` on the collection's current documents, after any batch being applied.
   * The documents are the store's own objects: `fn` must not change them and must copy what it returns.
   */
  async read<T>(name: string, fn: (docs: readonly StoredDocument[]) => T): Promise<T> {
    await yieldToEventLoop();
    await this.ready;
    while (this.applying) await this.applying;
    return fn(this.documents(name));
  }

  /**
   * Like {@link Store.read}, with only the documents `query` can match (still to be tested
   * against it), found through field indexes: a where on a school or on ids reads those only.
   */
  async readMatching<T>(name: string, query: MongoQuery, fn: (candidates: readonly StoredDocument[]) => T): Promise<T> {
    await yieldToEventLoop();
    await this.ready;
    while (this.applying) await this.applying;
    let narrower = this.narrowers.get(name);
    if (!narrower) {
      narrower = new Narrower(this.documents(name));
      this.narrowers.set(name, narrower);
    }
    return fn(narrower.candidates(query));
  }

  /** The document with this `_id` (the store's own object: copy it), through the `_id` index. */
  async readById(name: string, id: DocId): Promise<StoredDocument | undefined> {
    await yieldToEventLoop();
    await this.ready;
    while (this.applying) await this.applying;
    const index = (this.datastore(name) as unknown as { indexes: { _id: { getMatching(value: DocId): StoredDocument[] } } }).indexes._id;
    return index.getMatching(id)[0];
  }

  /** The documents of `name` right now, for use inside a {@link Store.read} callback (e.g. `$lookup`). */
  peek(name: string): readonly StoredDocument[] {
    return this.datastores.has(name) ? this.documents(name) : [];
  }

  /** Applies a batch of changes, all or nothing, and has it on disk before resolving. */
  async apply(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    await yieldToEventLoop();
    await this.ready;
    while (this.applying) await this.applying;
    const run = this.applyAndPersist(changes);
    this.applying = run.then(noop, noop);
    try {
      await run;
    } finally {
      this.applying = null;
    }
  }

  private async applyAndPersist(changes: readonly Change[]): Promise<void> {
    await this.applyAll(changes);
    if (!this.persistence) return;
    try {
      await this.persistence.commit(journalRecord(changes));
    } catch (error) {
      await this.undo(changes);
      throw error;
    }
    if (this.persistence.shouldCompact) await this.persistence.compact(this.allContents());
  }

  private async applyAll(changes: readonly Change[]): Promise<void> {
    const done: Change[] = [];
    for (const change of changes) {
      try {
        await this.applyOne(change);
        done.push(change);
      } catch (error) {
        await this.undo(done);
        const violation = uniqueViolation(error);
        if (violation) throw faults.duplicateKey(change.collection, violation.key, 'unique');
        throw error;
      }
    }
  }

  private async undo(applied: readonly Change[]): Promise<void> {
    for (const change of [...applied].reverse()) await this.applyOne(invert(change)).catch(noop);
  }

  private async applyOne(change: Change): Promise<void> {
    const datastore = this.datastore(change.collection);
    this.forget(change.collection);
    switch (change.kind) {
      case 'insert':
        await datastore.insertAsync(cloneValue(change.doc));
        return;
      case 'replace':
        await datastore.updateAsync({ _id: change.before._id }, cloneValue(change.after), {});
        return;
      case 'remove':
        await datastore.removeAsync({ _id: change.doc._id }, {});
        return;
    }
  }

  /** The indexes made on a collection with `ensureIndex`. */
  indexesOf(name: string): IndexOptions[] {
    return [...(this.indexes.get(name) ?? [])];
  }

  /** nedb `ensureIndex` on a collection (unique indexes make `add`/`update` fail like WeChat's); one it has already is kept as it is. */
  async ensureIndex(name: string, options: IndexOptions): Promise<void> {
    await this.ready;
    const same = (this.indexes.get(name) ?? []).find((index) => String(index.fieldName) === String(options.fieldName));
    if (same && !!same.unique === !!options.unique && !!same.sparse === !!options.sparse) return;
    try {
      await this.datastore(name).ensureIndexAsync(options);
    } catch (error) {
      const violation = uniqueViolation(error);
      if (violation) throw faults.duplicateKey(name, violation.key, String(options.fieldName));
      throw error;
    }
    const key = String(options.fieldName);
    this.indexes.set(name, [...(this.indexes.get(name) ?? []).filter((index) => String(index.fieldName) !== key), { ...options }]);
    await this.persistence?.writeCollection(name, this.contents(name));
  }

  /** Folds the journal into the collection files. */
  async compact(): Promise<void> {
    await this.ready;
    while (this.applying) await this.applying;
    await this.persistence?.compact(this.allContents());
  }

  /** Writes every collection, as it is now, into `dir` (a consistent copy: no batch is half applied). */
  async exportTo(dir: string): Promise<void> {
    await this.ready;
    while (this.applying) await this.applying;
    if (!this.persistence) throw new Error('an in-memory database has nothing to back up');
    await this.persistence.exportTo(dir, this.allContents());
  }
}

function journalRecord(changes: readonly Change[]): JournalRecord {
  return {
    writes: changes.map((change) =>
      change.kind === 'replace'
        ? { collection: change.collection, id: change.after._id, doc: change.after }
        : { collection: change.collection, id: change.doc._id, doc: change.kind === 'insert' ? change.doc : null },
    ),
  };
}
