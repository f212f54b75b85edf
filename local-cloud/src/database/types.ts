/** Public shapes of the local cloud database, mirroring wx-server-sdk's results. */
import type { Disk } from './disk';

export type DocId = string | number;

/** A document body as callers write it. */
export type DocumentData = Record<string, unknown>;

/** A document as stored and returned: always has an `_id`. */
export type StoredDocument = DocumentData & { _id: DocId };

export type OrderDirection = 'asc' | 'desc';

export interface GetResult {
  data: StoredDocument[];
  errMsg: string;
}

export interface DocumentGetResult {
  data: StoredDocument;
  errMsg: string;
}

/**
 * The `_id` type `add` returns for `data`: the type of a typed `_id` in it, else string (generated
 * ids are strings; untyped records are assumed to carry string ids too).
 */
export type IdOf<D> = string extends keyof D ? string : D extends { _id: infer I extends DocId } ? I : string;

export interface AddResult<Id extends DocId = string> {
  _id: Id;
  errMsg: string;
}

export interface AddManyResult {
  _ids: DocId[];
  errMsg: string;
}

export interface UpdateResult {
  stats: { updated: number };
  errMsg: string;
}

export interface SetResult<Id extends DocId = DocId> {
  _id: Id;
  stats: { updated: number; created: number };
  errMsg: string;
}

export interface RemoveResult {
  stats: { removed: number };
  errMsg: string;
}

export interface CountResult {
  total: number;
  errMsg: string;
}

export interface AggregateResult {
  list: DocumentData[];
  errMsg: string;
}

export interface CreateCollectionResult {
  errMsg: string;
  requestId: string;
}

export interface WriteOptions {
  data: DocumentData;
}

export interface AddOptions<D extends DocumentData = DocumentData> {
  data: D;
}

export interface AddManyOptions {
  data: DocumentData[];
}

/** `field()` projection: `true`/`1` include, `false`/`0` exclude, or a projection operator. */
export type FieldProjection = Record<string, boolean | number | Record<string, unknown>>;

export interface LocalDatabaseOptions {
  /** Persist here: one `<collection>.db` file per collection and a journal (see datafile.ts); omit to keep everything in memory. */
  dir?: string;
  /** The file operations persistence makes (tests put a failing disk here). */
  disk?: Disk;
  /** Most records one `get()` returns, whatever `limit()` says (WeChat cloud functions: 100). */
  maxGetLimit?: number;
  /** Records an aggregation returns when the pipeline has no `limit` stage (WeChat: 20). */
  aggregateDefaultLimit?: number;
  /** A transaction still open after this long is rolled back and releases the database (ms, default 10 s). */
  transactionTimeoutMs?: number;
}
