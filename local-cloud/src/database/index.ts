/**
 * A local implementation of the WeChat cloud database API (wx-server-sdk `cloud.database()`),
 * on @seald-io/nedb (storage, persistence, indexes) and mingo (MongoDB query/update semantics).
 *
 *   const db = createLocalDatabase({ dir: 'data/db' }); // omit dir: in memory
 *   await db.createCollection('todos');
 *   const _ = db.command;
 *   await db.collection('todos').where({ done: false, due: _.lt(new Date()) }).get();
 */
export { createLocalDatabase, LocalDatabase } from './database';
export { CollectionReference, Query } from './collection';
export { DocumentReference } from './document';
export { Aggregate } from './aggregate';
export { Transaction, type TransactionCollection } from './transaction';
export {
  command,
  serverDate,
  databaseRegExp,
  DatabaseRegExp,
  LogicCommand,
  QueryCommand,
  ServerDate,
  UpdateCommand,
  type DatabaseCommand,
} from './command';
export {
  CloudDatabaseError,
  ErrCode,
  isCollectionNotExistError,
  isDocumentNotFoundError,
  isDuplicateKeyError,
} from './errors';
export type { IndexOptions } from './store';
export { nodeDisk, type Disk } from './disk';
export { CorruptDataFileError } from './datafile';
export type * from './types';
