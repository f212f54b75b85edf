import type { CollectionName } from '../domain/collections';
import type { NotifyOptions } from '../notify/server/queue';
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
  /**
   * Queues a subscription message (shared/src/notify/server/queue.ts): written to `messageQueue` once
   * the action succeeds and sent by the `messages` function's timer against the person's consent.
   * False when the same message (template, person, thing, day) is already queued by this action.
   */
  notify(message: SubscribeMessage, options?: NotifyOptions): Promise<boolean>;
  /** Writes the queued messages now (the router does it after a handler succeeds; a timer or callback calls it itself). */
  flushMessages(): Promise<number>;
  collection(name: CollectionName): ReturnType<Database['collection']>;
}
