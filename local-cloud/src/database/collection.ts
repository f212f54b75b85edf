/**
 * `db.collection(name)` and the queries built from it (`where/orderBy/skip/limit/field`, then
 * `get/count/update/remove`). Builders are immutable and validate their arguments synchronously,
 * throwing like the SDK does; operations resolve/reject with the SDK's shapes.
 *
 * WeChat limits reproduced: one `get()` returns at most `maxGetLimit` records (100 in a cloud
 * function) whatever `limit()` asks; `update`/`remove` on a query affect every match and ignore
 * orderBy/skip/limit; `count` ignores skip/limit.
 */
import { Aggregate, type AggregateContext } from './aggregate';
import { addDocuments, DocumentReference } from './document';
import { callApi } from './errors';
import { find, matching, type SortSpec } from './find';
import { encodeProjection, encodeWhere } from './query';
import type { Session } from './session';
import type { Change, Store } from './store';
import type {
  AddManyOptions,
  AddManyResult,
  AddOptions,
  AddResult,
  CountResult,
  DocId,
  DocumentData,
  FieldProjection,
  GetResult,
  IdOf,
  OrderDirection,
  RemoveResult,
  UpdateResult,
  WriteOptions,
} from './types';
import { applyUpdate, encodeUpdate } from './update';
import { cloneValue, deepEqual, isPlainObject } from './values';

/** A query as it reached the database (`LocalDatabase.observeQueries`): tests check each has an index. */
export interface ObservedQuery {
  collection: string;
  op: 'get' | 'count' | 'update' | 'remove';
  /** The `where` condition as the caller gave it (undefined: none). */
  condition: unknown;
  orders: ReadonlyArray<readonly [string, 1 | -1]>;
}

/** What collections and queries need from their database. */
export interface QueryContext extends AggregateContext {
  /** Plain (non-transactional) session: store reads, writes under the database lock. */
  readonly session: Session;
  readonly store: Store;
  readonly maxGetLimit: number;
  /** Told of every query (get, count, update, remove of a where). */
  readonly observers?: ReadonlySet<(query: ObservedQuery) => void>;
}

interface QueryState {
  readonly condition?: unknown;
  readonly orders: ReadonlyArray<readonly [string, 1 | -1]>;
  readonly offset?: number;
  readonly max?: number;
  readonly projection?: FieldProjection;
}

function assertInteger(name: string, value: unknown): asserts value is number {
  if (!Number.isInteger(value)) throw new Error(`${name} must be integer`);
}

export class Query {
  constructor(
    protected readonly context: QueryContext,
    readonly collectionName: string,
    private readonly state: QueryState = { orders: [] },
  ) {}

  private with(change: Partial<QueryState>): Query {
    return new Query(this.context, this.collectionName, { ...this.state, ...change });
  }

  /** Replaces the condition (as the SDK does: the last `where` wins). */
  where(condition: object): Query {
    if (Object.prototype.toString.call(condition) !== '[object Object]') throw new Error('查询参数必须为对象');
    const values = Object.values(condition as Record<string, unknown>);
    if (values.length > 0 && values.every((value) => value === undefined)) throw new Error('查询参数对象值不能均为undefined');
    return this.with({ condition });
  }

  /** Adds a sort key; ordering by a field already used changes its direction in place. */
  orderBy(fieldPath: string, direction: OrderDirection): Query {
    if (typeof fieldPath !== 'string' || fieldPath === '') throw new Error('fieldPath must be a non-empty string');
    if (direction !== 'asc' && direction !== 'desc') throw new Error('排序字符不合法');
    const value = direction === 'desc' ? -1 : 1;
    const exists = this.state.orders.some(([field]) => field === fieldPath);
    const orders = exists
      ? this.state.orders.map(([field, dir]) => [field, field === fieldPath ? value : dir] as const)
      : [...this.state.orders, [fieldPath, value] as const];
    return this.with({ orders });
  }

  skip(offset: number): Query {
    assertInteger('offset', offset);
    return this.with({ offset });
  }

  limit(max: number): Query {
    assertInteger('limit', max);
    return this.with({ max });
  }

  field(projection: FieldProjection): Query {
    if (!isPlainObject(projection)) throw new Error('field() expects an object');
    return this.with({ projection });
  }

  private observe(op: ObservedQuery['op']): void {
    for (const observer of this.context.observers ?? [])
      observer({ collection: this.collectionName, op, condition: this.state.condition, orders: this.state.orders });
  }

  private encodedCondition(now: Date) {
    return this.state.condition === undefined ? {} : encodeWhere(this.state.condition, now);
  }

  /** At most `maxGetLimit` documents, whatever `limit()` says: page with skip/limit. */
  get(): Promise<GetResult> {
    this.observe('get');
    return callApi('collection.get', async () => {
      await this.context.session.ensureCollection(this.collectionName);
      const now = new Date();
      const query = this.encodedCondition(now);
      const cap = this.context.maxGetLimit;
      const limit = this.state.max !== undefined && this.state.max > 0 ? Math.min(this.state.max, cap) : cap;
      const sort: SortSpec = Object.fromEntries(this.state.orders);
      const projection = this.state.projection ? encodeProjection(this.state.projection, now) : undefined;
      const skip = this.state.offset && this.state.offset > 0 ? this.state.offset : 0;
      const data = await this.context.store.readMatching(this.collectionName, query, (docs) => find(docs, { query, sort, skip, limit, projection }));
      return { data, errMsg: 'collection.get:ok' };
    });
  }

  /** Number of matching documents (skip/limit ignored). */
  count(): Promise<CountResult> {
    this.observe('count');
    return callApi('collection.count', async () => {
      await this.context.session.ensureCollection(this.collectionName);
      const query = this.encodedCondition(new Date());
      const total = await this.context.store.readMatching(this.collectionName, query, (docs) => matching(docs, query).length);
      return { total, errMsg: 'collection.count:ok' };
    });
  }

  /** Updates every matching document, atomically (one write under the database lock). */
  update(options: WriteOptions): Promise<UpdateResult> {
    this.observe('update');
    return callApi('collection.update', () =>
      this.context.session.exclusive(async () => {
        await this.context.session.ensureCollection(this.collectionName);
        const now = new Date();
        const update = encodeUpdate(isPlainObject(options) ? options.data : undefined, now);
        const query = this.encodedCondition(now);
        const targets = await this.context.store.readMatching(this.collectionName, query, (docs) => matching(docs, query).map((doc) => cloneValue(doc)));
        const changes: Change[] = [];
        for (const before of targets) {
          const after = applyUpdate(before, update);
          if (!deepEqual(before, after)) changes.push({ kind: 'replace', collection: this.collectionName, before, after });
        }
        await this.context.session.commit(changes);
        return { stats: { updated: changes.length }, errMsg: 'collection.update:ok' };
      }),
    );
  }

  /** Removes every matching document, atomically. */
  remove(): Promise<RemoveResult> {
    this.observe('remove');
    return callApi('collection.remove', () =>
      this.context.session.exclusive(async () => {
        await this.context.session.ensureCollection(this.collectionName);
        const query = this.encodedCondition(new Date());
        const targets = await this.context.store.readMatching(this.collectionName, query, (docs) => matching(docs, query).map((doc) => cloneValue(doc)));
        await this.context.session.commit(targets.map((doc): Change => ({ kind: 'remove', collection: this.collectionName, doc })));
        return { stats: { removed: targets.length }, errMsg: 'collection.remove:ok' };
      }),
    );
  }
}

export class CollectionReference extends Query {
  constructor(context: QueryContext, collectionName: string) {
    super(context, collectionName);
  }

  get name(): string {
    return this.collectionName;
  }

  doc<Id extends DocId>(id: Id): DocumentReference<Id> {
    return new DocumentReference(this.context.session, this.collectionName, id);
  }

  /** Adds one document (`{ _id, errMsg }`) or, given an array, several (`{ _ids, errMsg }`). */
  add<D extends DocumentData>(options: AddOptions<D>): Promise<AddResult<IdOf<D>>>;
  add(options: AddManyOptions): Promise<AddManyResult>;
  add(options: AddOptions | AddManyOptions): Promise<AddResult<DocId> | AddManyResult> {
    return addDocuments(this.context.session, this.collectionName, options);
  }

  aggregate(): Aggregate {
    return new Aggregate(this.context, this.collectionName);
  }
}
