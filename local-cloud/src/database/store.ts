/**
 * Storage: one nedb datastore per collection (`<dir>/<name>.db`, or in memory without a dir).
 *
 * nedb keeps the documents, the unique `_id` index (and any `ensureIndex` ones) and the append-only
 * datafile. Matching, sorting and updating are done above, with mingo, on `read()` snapshots.
 *
 * Writes come as batches of {@link Change}s (one single-document write, one multi-document
 * update, one transaction commit) and are all-or-nothing: if nedb refuses one (e.g. a unique
 * index), the changes already made are undone. Readers wait while a batch is being applied,
 * so nobody ever sees half of one.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Datastore from '@seald-io/nedb';
import { faults } from './errors';
import type { DocumentData, StoredDocument } from './types';
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
const DATAFILE = /^([A-Za-z0-9_-]{1,128})\.db$/;

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

export class Store {
  private readonly datastores = new Map<string, Datastore<DocumentData>>();
  private applying: Promise<void> | null = null;
  /** Settles once the collections found in `dir` are loaded. */
  readonly ready: Promise<void>;

  constructor(private readonly dir?: string) {
    this.ready = dir ? this.loadDirectory(dir) : Promise.resolve();
    this.ready.catch(noop); // surfaced by every operation that awaits it
  }

  private async loadDirectory(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    for (const file of (await readdir(dir)).sort()) {
      const match = DATAFILE.exec(file);
      if (match) await this.open(match[1]);
    }
  }

  private async open(name: string): Promise<void> {
    const datastore = new Datastore<DocumentData>(
      this.dir ? { filename: join(this.dir, `${name}.db`) } : { inMemoryOnly: true },
    );
    await datastore.loadDatabaseAsync();
    this.datastores.set(name, datastore);
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
    await this.open(name);
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
    await this.ready;
    while (this.applying) await this.applying;
    return fn(this.datastore(name).getAllData() as StoredDocument[]);
  }

  /** The documents of `name` right now, for use inside a {@link Store.read} callback (e.g. `$lookup`). */
  peek(name: string): readonly StoredDocument[] {
    return (this.datastores.get(name)?.getAllData() as StoredDocument[] | undefined) ?? [];
  }

  /** Applies a batch of changes, all or nothing. */
  async apply(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    await this.ready;
    while (this.applying) await this.applying;
    const run = this.applyAll(changes);
    this.applying = run.then(noop, noop);
    try {
      await run;
    } finally {
      this.applying = null;
    }
  }

  private async applyAll(changes: readonly Change[]): Promise<void> {
    const done: Change[] = [];
    for (const change of changes) {
      try {
        await this.applyOne(change);
        done.push(change);
      } catch (error) {
        for (const applied of done.reverse()) await this.applyOne(invert(applied)).catch(noop);
        const violation = uniqueViolation(error);
        if (violation) throw faults.duplicateKey(change.collection, violation.key, 'unique');
        throw error;
      }
    }
  }

  private async applyOne(change: Change): Promise<void> {
    const datastore = this.datastore(change.collection);
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

  /** nedb `ensureIndex` on a collection (unique indexes make `add`/`update` fail like WeChat's). */
  async ensureIndex(name: string, options: IndexOptions): Promise<void> {
    await this.ready;
    try {
      await this.datastore(name).ensureIndexAsync(options);
    } catch (error) {
      const violation = uniqueViolation(error);
      if (violation) throw faults.duplicateKey(name, violation.key, String(options.fieldName));
      throw error;
    }
  }

  /** Rewrites every datafile without its history (nedb's datafiles are append-only). */
  async compact(): Promise<void> {
    await this.ready;
    while (this.applying) await this.applying;
    if (!this.dir) return;
    for (const datastore of this.datastores.values()) await datastore.compactDatafileAsync();
  }
}
