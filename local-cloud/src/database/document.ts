/**
 * Single-document operations: `collection.doc(id)` and `collection.add`, on a {@link Session}
 * (plain or transactional). Results and failures as in wx-server-sdk's DocumentReference:
 * - `get()` rejects with `document.get:fail document with _id <id> does not exist` when missing;
 * - `set()` replaces the whole document, creating it when missing;
 * - `update()` on a missing document resolves `{ stats: { updated: 0 } }` (no upsert);
 * - `updated` counts documents actually changed (MongoDB's nModified): writing the values a
 *   document already has reports 0.
 */
import { callApi, faults } from './errors';
import { project } from './find';
import { generateId } from './ids';
import { encodeProjection } from './query';
import type { Session } from './session';
import type { Change } from './store';
import type {
  AddManyResult,
  AddResult,
  DocId,
  DocumentData,
  DocumentGetResult,
  FieldProjection,
  IdOf,
  RemoveResult,
  SetResult,
  StoredDocument,
  UpdateResult,
  WriteOptions,
} from './types';
import { applyUpdate, encodeUpdate } from './update';
import { deepEqual, isPlainObject, toStorableDocument } from './values';

export function assertDocId(id: unknown): asserts id is DocId {
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error('docId必须为字符串或数字');
}

function writeData(options: unknown): unknown {
  if (!isPlainObject(options)) throw faults.invalidParam('options must be an object with a data field');
  return options.data;
}

export class DocumentReference<Id extends DocId = DocId> {
  constructor(
    private readonly session: Session,
    readonly collectionName: string,
    readonly _id: Id,
    private readonly projection?: FieldProjection,
  ) {
    assertDocId(_id);
  }

  /** Only these fields in `get()`. */
  field(projection: FieldProjection): DocumentReference<Id> {
    return new DocumentReference(this.session, this.collectionName, this._id, projection);
  }

  get(): Promise<DocumentGetResult> {
    return callApi('document.get', async () => {
      await this.session.ensureCollection(this.collectionName);
      const doc = await this.session.findById(this.collectionName, this._id);
      if (!doc) throw faults.documentNotFound(this._id);
      const projection = this.projection ? encodeProjection(this.projection, new Date()) : undefined;
      return { data: project(doc, projection), errMsg: 'document.get:ok' };
    });
  }

  /** Replaces the document with `data` (creating it if missing). */
  set(options: WriteOptions): Promise<SetResult<Id>> {
    return callApi('document.set', () =>
      this.session.exclusive(async () => {
        await this.session.ensureCollection(this.collectionName);
        const data = writeData(options);
        if (!isPlainObject(data) || Object.keys(data).length === 0) {
          throw faults.invalidParam('参数必需是非空对象 (options.data must be a non-empty object)');
        }
        if (Object.hasOwn(data, '_id')) throw faults.invalidParam('不能更新_id的值 (_id cannot be updated)');
        const after: StoredDocument = { _id: this._id, ...toStorableDocument(data, new Date()) };
        const before = await this.session.findById(this.collectionName, this._id);
        if (!before) {
          await this.session.commit([{ kind: 'insert', collection: this.collectionName, doc: after }]);
          // In a transaction the SDK gets `upserted` instead of `upsertedId`, so it reports created: 0.
          return { _id: this._id, stats: { updated: 0, created: this.session.inTransaction ? 0 : 1 }, errMsg: 'document.set:ok' };
        }
        if (deepEqual(before, after)) return { _id: this._id, stats: { updated: 0, created: 0 }, errMsg: 'document.set:ok' };
        await this.session.commit([{ kind: 'replace', collection: this.collectionName, before, after }]);
        return { _id: this._id, stats: { updated: 1, created: 0 }, errMsg: 'document.set:ok' };
      }),
    );
  }

  /** Updates fields of the document (nested objects merge field by field; see update.ts). */
  update(options: WriteOptions): Promise<UpdateResult> {
    return callApi('document.update', () =>
      this.session.exclusive(async () => {
        await this.session.ensureCollection(this.collectionName);
        const update = encodeUpdate(writeData(options), new Date());
        const before = await this.session.findById(this.collectionName, this._id);
        if (!before) return { stats: { updated: 0 }, errMsg: 'document.update:ok' };
        const after = applyUpdate(before, update);
        if (deepEqual(before, after)) return { stats: { updated: 0 }, errMsg: 'document.update:ok' };
        await this.session.commit([{ kind: 'replace', collection: this.collectionName, before, after }]);
        return { stats: { updated: 1 }, errMsg: 'document.update:ok' };
      }),
    );
  }

  remove(): Promise<RemoveResult> {
    return callApi('document.remove', () =>
      this.session.exclusive(async () => {
        await this.session.ensureCollection(this.collectionName);
        const before = await this.session.findById(this.collectionName, this._id);
        if (!before) return { stats: { removed: 0 }, errMsg: 'document.remove:ok' };
        await this.session.commit([{ kind: 'remove', collection: this.collectionName, doc: before }]);
        return { stats: { removed: 1 }, errMsg: 'document.remove:ok' };
      }),
    );
  }
}

/**
 * `collection.add({ data })`: inserts with the given `_id` or a generated one. An `_id` that
 * exists fails with a duplicate key error (errCode -502001) and writes nothing — for an array,
 * nothing of the whole batch.
 */
type AddInput = { data: DocumentData | DocumentData[] };

export function addDocuments<D extends DocumentData>(session: Session, collection: string, options: { data: D }): Promise<AddResult<IdOf<D>>>;
export function addDocuments(session: Session, collection: string, options: { data: DocumentData[] }): Promise<AddManyResult>;
export function addDocuments(session: Session, collection: string, options: AddInput): Promise<AddResult<DocId> | AddManyResult>;
export function addDocuments(session: Session, collection: string, options: AddInput): Promise<AddResult<DocId> | AddManyResult> {
  return callApi('collection.add', () =>
    session.exclusive(async () => {
      await session.ensureCollection(collection);
      const input = writeData(options);
      const many = Array.isArray(input);
      const items: unknown[] = many ? input : [input];
      if (items.length === 0) throw faults.invalidParam('data must not be an empty array');
      const now = new Date();
      const docs = items.map((item): StoredDocument => {
        const { _id: given, ...body } = toStorableDocument(item, now);
        const id = given === undefined ? generateId(now.getTime()) : given;
        assertDocId(id);
        return { _id: id, ...body };
      });
      const seen = new Set<DocId>();
      for (const doc of docs) {
        if (seen.has(doc._id) || (await session.findById(collection, doc._id))) throw faults.duplicateKey(collection, doc._id);
        seen.add(doc._id);
      }
      const changes: Change[] = docs.map((doc) => ({ kind: 'insert', collection, doc }));
      await session.commit(changes);
      return many ? { _ids: docs.map((doc) => doc._id), errMsg: 'collection.add:ok' } : { _id: docs[0]._id, errMsg: 'collection.add:ok' };
    }),
  );
}
