import { join } from 'node:path';
import { COLLECTIONS, type FunctionName, INDEXES } from '@kehou/shared';
import { buildContext, type CallResult, type CloudFunction } from '@kehou/shared/cloud';
import { drainQueue } from '@kehou/shared/notify/server';
import { Clock, type ClockOptions } from './clock';
import { createLocalCloud } from './cloud';
import { loadOrCreateSecret } from './data-folder/secret';
import { createLocalDatabase, type Disk, type LocalDatabase } from './database';
import { cloudFunctions } from './functions';
import { FileLinks } from './http/file-links';
import { Sessions } from './http/sessions';
import { Meter } from './metering';
import { Outbox } from './outbox';
import { LocalPay } from './pay/local-pay';
import { LocalStorage } from './storage';
import { readTriggers, TimerRunner } from './timers';
import { runAs } from './wx-context';

export interface RuntimeOptions {
  /** Persist the database, files and outbox here; omit to keep everything in memory (tests). */
  dataDir?: string;
  functions?: Record<string, CloudFunction>;
  clock?: ClockOptions;
  /** The database's file operations (tests put a failing disk here). */
  disk?: Disk;
}

export type LocalRuntime = Awaited<ReturnType<typeof createRuntime>>;

/**
 * The local WeChat cloud: database, storage, outbox and the cloud functions, with callers injected.
 * Rejects with a CorruptDataFileError when a file of the database folder is damaged.
 */
export async function createRuntime(options: RuntimeOptions = {}) {
  const { dataDir } = options;
  const database = createLocalDatabase({ dir: dataDir ? join(dataDir, 'db') : undefined, disk: options.disk });
  await database.ready();
  await ensureCollections(database);
  const outbox = new Outbox(dataDir ? join(dataDir, 'outbox.jsonl') : undefined);
  const storage = new LocalStorage(dataDir ? join(dataDir, 'storage') : undefined);
  const clock = new Clock(options.clock);
  const secret = loadOrCreateSecret(dataDir);
  const links = new FileLinks(secret);
  const sessions = new Sessions(secret);
  const functions: Record<string, CloudFunction> = options.functions ?? cloudFunctions;
  // WeChat Pay calls the callback function itself, with the raw result and no user in the context.
  const pay = new LocalPay(clock, async (name, event) => {
    const fn = functions[name];
    if (!fn) throw new Error(`云函数 ${name} 不存在`);
    return runAs(null, () => fn(cloud, event, {}), 'wx_paycallback');
  });
  // The functions see the database through the meter (round trips, bytes, messages; tests and the benchmark read it).
  const meter = new Meter();
  const cloud = createLocalCloud({ database: meter.wrapDatabase(database), outbox, storage, clock, links, pay, meter });

  /** Invokes a function as WeChat would: the caller's identity from the context, JSON in and out. */
  async function call<T = unknown>(name: FunctionName | string, event: unknown, openid: string | null): Promise<CallResult<T>> {
    const fn = Object.hasOwn(functions, name) ? functions[name] : undefined;
    if (!fn) return { ok: false, code: 'FUNCTION_NOT_FOUND', message: `云函数 ${name} 不存在` };
    const wireEvent = JSON.parse(JSON.stringify(event ?? {}));
    const result = await meter.call(() => runAs(openid, () => fn(cloud, wireEvent, {})));
    return JSON.parse(JSON.stringify(result)) as CallResult<T>;
  }

  /** Runs a function as WeChat's timer trigger does: the timer event, no user, SOURCE wx_trigger (tests call it too). */
  async function trigger<T = unknown>(name: FunctionName | string, event: Record<string, unknown> = { Type: 'Timer' }): Promise<T> {
    const fn = Object.hasOwn(functions, name) ? functions[name] : undefined;
    if (!fn) throw new Error(`云函数 ${name} 不存在`);
    return meter.call(() => runAs(null, () => fn(cloud, { Type: 'Timer', ...event }, {}), 'wx_trigger')) as Promise<T>;
  }

  const timers = new TimerRunner(readTriggers(Object.keys(functions)), clock, trigger);

  /** Sends every queued message now, as the messages function's timer would (tests; the outbox gets them). */
  async function drainMessages() {
    return runAs(null, async () => drainQueue(await buildContext(cloud, 'messages', 'drain'), Number.POSITIVE_INFINITY, 10_000), 'wx_trigger');
  }

  return {
    cloud,
    database,
    meter,
    outbox,
    storage,
    clock,
    links,
    sessions,
    pay,
    timers,
    dataDir,
    call,
    trigger,
    drainMessages,
    close: async () => {
      timers.stop();
      await database.close();
    },
  };
}

async function ensureCollections(database: LocalDatabase) {
  const existing = new Set(database.listCollections());
  for (const name of COLLECTIONS) if (!existing.has(name)) await database.createCollection(name);
  // The indexes listed for the cloud console (shared/src/domain/indexes.ts), compound as nedb writes them.
  for (const index of INDEXES) await database.ensureIndex(index.collection, { fieldName: index.fields.map(([field]) => field) });
}
