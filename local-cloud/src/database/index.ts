/**
 * A local implementation of the WeChat cloud database API (wx-server-sdk `cloud.database()`),
 * on @seald-io/nedb (storage, persistence, indexes) and mingo (MongoDB query/update semantics).
 *
 *   const db = createLocalDatabase({ dir: 'data/db' }); // omit dir: in memory
 *   await db.createCollection('todos');
 *   const _ = db.command;
 *   await db.collection('todos').where({ done: false, due: _.lt(new Date()) }).get();
 */

export { Aggregate } from './aggregate';
export { CollectionReference, type ObservedQuery, Query } from './collection';
export {
  command,
  type DatabaseCommand,
  DatabaseRegExp,
  databaseRegExp,
  LogicCommand,
  QueryCommand,
  ServerDate,
  serverDate,
  UpdateCommand,
} from './command';
export { createLocalDatabase, LocalDatabase } from './database';
export { CorruptDataFileError } from './datafile';
export { type Disk, nodeDisk } from './disk';
export { DocumentReference } from './document';
export {
  CloudDatabaseError,
  ErrCode,
  isCollectionNotExistError,
  isDocumentNotFoundError,
  isDuplicateKeyError,
} from './errors';
export type { IndexOptions } from './store';
export { Transaction, type TransactionCollection } from './transaction';
export type * from './types';
