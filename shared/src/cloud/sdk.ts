/**
 * The part of the wx-server-sdk surface our handlers use. The real SDK satisfies it in WeChat;
 * the local runtime (local-cloud/) provides its own object with the same shape.
 * Kept structural and loose on purpose: handlers must not depend on anything else.
 */
export interface WXContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  ENV?: string;
  SOURCE?: string;
}

export interface DbResult {
  errMsg?: string;
}
export interface GetResult<T> extends DbResult {
  data: T[];
}
export interface DocGetResult<T> extends DbResult {
  data: T;
}
export interface WriteStats extends DbResult {
  stats: { updated?: number; removed?: number; created?: number };
}

export interface DocumentRef {
  get(): Promise<DocGetResult<any>>;
  set(options: { data: Record<string, unknown> }): Promise<WriteStats & { _id?: string }>;
  update(options: { data: Record<string, unknown> }): Promise<WriteStats>;
  remove(): Promise<WriteStats>;
}

export interface QueryRef {
  where(query: Record<string, unknown>): QueryRef;
  orderBy(field: string, order: 'asc' | 'desc'): QueryRef;
  skip(n: number): QueryRef;
  limit(n: number): QueryRef;
  field(projection: Record<string, boolean>): QueryRef;
  get(): Promise<GetResult<any>>;
  count(): Promise<DbResult & { total: number }>;
  update(options: { data: Record<string, unknown> }): Promise<WriteStats>;
  remove(): Promise<WriteStats>;
}

/** An aggregation pipeline (`collection.aggregate()…end()`): sums over many documents in one round trip. */
export interface AggregateRef {
  match(condition: Record<string, unknown>): AggregateRef;
  group(value: Record<string, unknown>): AggregateRef;
  end(): Promise<DbResult & { list: any[] }>;
}

export interface CollectionRef extends QueryRef {
  doc(id: string): DocumentRef;
  aggregate(): AggregateRef;
  add(options: { data: Record<string, unknown> }): Promise<DbResult & { _id: string }>;
}

export interface TransactionRef {
  collection(name: string): { doc(id: string): DocumentRef };
  rollback(reason?: unknown): Promise<void>;
}

export interface Database {
  collection(name: string): CollectionRef;
  command: any;
  serverDate(options?: { offset?: number }): unknown;
  runTransaction<T>(fn: (transaction: TransactionRef) => Promise<T>, retries?: number): Promise<T>;
  createCollection(name: string): Promise<unknown>;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

/** `security.msgSecCheck` version 2: the text of a user active in the mini-program in the last 2 hours. */
export interface MsgSecCheckParams {
  openid: string;
  /** 1 资料, 2 评论, 3 论坛, 4 社交日志. */
  scene: 1 | 2 | 3 | 4;
  version: 2;
  content: string;
  title?: string;
  nickname?: string;
  signature?: string;
}

/** Its answer: `result.suggest` is the verdict (risky, pass, review), `label` the category (100 normal). */
export interface MsgSecCheckResult {
  errCode?: number;
  errcode?: number;
  errMsg?: string;
  result?: { suggest: 'risky' | 'pass' | 'review'; label: number };
  detail?: { strategy?: string; errcode?: number; suggest?: string; label?: number; keyword?: string; prob?: number }[];
  trace_id?: string;
}

/** WeChat Pay in cloud functions (`cloud.cloudPay`): JSON in and out, `returnCode`/`resultCode` on every answer. */
export interface CloudPay {
  unifiedOrder(params: Record<string, unknown>): Promise<Record<string, any>>;
  queryOrder(params: Record<string, unknown>): Promise<Record<string, any>>;
  closeOrder(params: Record<string, unknown>): Promise<Record<string, any>>;
  refund(params: Record<string, unknown>): Promise<Record<string, any>>;
  queryRefund(params: Record<string, unknown>): Promise<Record<string, any>>;
}

export interface CloudSdk {
  init(options?: { env?: unknown }): void;
  getWXContext(): WXContext;
  database(options?: unknown): Database;
  openapi: {
    subscribeMessage: { send(message: SubscribeMessage): Promise<unknown> };
    /** Content security (内容安全): `security.msgSecCheck` version 2, see content-check.ts. */
    security: { msgSecCheck(params: MsgSecCheckParams): Promise<MsgSecCheckResult> };
  };
  cloudPay: CloudPay;
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>;
  /**
   * Not part of wx-server-sdk: the local runtime's movable clock (see local-cloud/src/clock.ts).
   * In WeChat it is absent and actions run on real time.
   */
  now?: () => Date;
  getTempFileURL(options: { fileList: string[] }): Promise<{
    fileList: { fileID: string; tempFileURL: string; status: number; errMsg?: string }[];
  }>;
}
