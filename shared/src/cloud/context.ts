import type { CollectionName } from '../domain/collections';
import type { Caller } from './caller';
import type { CloudSdk, Database, SubscribeMessage } from './sdk';

export interface AuditTarget {
  collection: CollectionName;
  id: string;
}

/** What every action handler gets: the cloud, the database, the caller and the side effects. */
export interface ActionContext {
  cloud: CloudSdk;
  db: Database;
  /** db.command */
  _: any;
  caller: Caller;
  functionName: string;
  actionName: string;
  now(): Date;
  /**
   * Records who did what, when, to what, for an event that is not a database write (an export, an
   * uploaded file). A database change records its entry with it, in one transaction: audited.ts.
   */
  audit(targets: AuditTarget[], summary?: string): Promise<void>;
  /** Sends a one-time subscription message; failures (no subscription left) are logged, not thrown. */
  notify(message: SubscribeMessage): Promise<boolean>;
  collection(name: CollectionName): ReturnType<Database['collection']>;
}
