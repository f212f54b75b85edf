/**
 * Metering: the local runtime's database as the cloud functions see it, counting what a call
 * costs in WeChat, where each database operation is a network round trip (~20 ms from a cloud
 * function) and a call is killed at its timeout (3 s by default, 60 s at most).
 *
 * - Round trips: every `get`, `count`, `add`, `set`, `update`, `remove` (of a document or of a
 *   `where()`), every aggregate `end()`, each operation inside a transaction, and the transaction
 *   itself (its start and commit together) count 1.
 * - Bytes read (the JSON size of what the database answered, while a `measure` is under way), the
 *   answer's bytes (of each function call), messages sent (subscription messages).
 * - `latencyMs`: a real delay before each round trip, as WeChat's network adds.
 * - `stopAfter: k` (of a `measure`): the k+1-th round trip, and every one after it, throws a
 *   {@link CallTimeoutError} without touching the database, and messages are no longer sent: the
 *   function is killed there, as WeChat kills a call at its timeout. The call answers `TIMEOUT`.
 *
 * Scopes nest (a `measure` around several calls, each call its own scope); figures are added to
 * every enclosing scope and to `totals`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallResult, Database } from '@kehou/shared/cloud';

export interface Figures {
  /** Database round trips (each operation is one). */
  roundTrips: number;
  reads: number;
  writes: number;
  /** Transactions run (each also counts one round trip for its start and commit). */
  transactions: number;
  /** JSON bytes the database answered (counted only inside a `measure`). */
  readBytes: number;
  /** JSON bytes of the functions' answers. */
  answerBytes: number;
  /** The largest single answer, in bytes. */
  largestAnswerBytes: number;
  /** Subscription messages sent. */
  messages: number;
  /** Function calls made. */
  calls: number;
  /** Calls killed by `stopAfter`. */
  timeouts: number;
}

export interface Measured<T> {
  result: T;
  figures: Figures;
  /** Local wall time, in milliseconds. */
  wallMs: number;
  /** Whether `stopAfter` killed the work. */
  stopped: boolean;
}

export interface MeasureOptions {
  /** Kill the work after this many round trips (the next one throws a CallTimeoutError). */
  stopAfter?: number;
}

/** What a killed call throws from every database operation after its budget. */
export class CallTimeoutError extends Error {
  readonly errCode = -504003;
  constructor(readonly afterRoundTrips: number) {
    super(`Invoking task timed out after ${afterRoundTrips} database round trips (metering stopAfter)`);
    this.name = 'CallTimeoutError';
  }
}

/** The answer a killed call gives its caller (WeChat: `errCode -504003, Invoking task timed out`). */
export const TIMEOUT_ANSWER: CallResult<never> = { ok: false, code: 'TIMEOUT', message: '云函数执行超时，请稍后重试' };

export function emptyFigures(): Figures {
  return { roundTrips: 0, reads: 0, writes: 0, transactions: 0, readBytes: 0, answerBytes: 0, largestAnswerBytes: 0, messages: 0, calls: 0, timeouts: 0 };
}

interface Scope {
  /** The meter measuring in this scope. */
  readonly meter: Meter;
  readonly figures: Figures;
  readonly parent?: Scope;
  readonly stopAfter?: number;
  /** Whether bytes read are counted (a measure is under way). */
  readonly countBytes: boolean;
  stopped: boolean;
}

const READS = new Set(['get', 'count']);
const WRITES = new Set(['add', 'set', 'update', 'remove']);
/** Builders that return a new query object and cost nothing. */
const PASS_THROUGH = new Set(['then', 'catch', 'finally']);

/**
 * The current scope of whichever meter is measuring. One storage for the process, not one per
 * meter: each AsyncLocalStorage ever used costs every later promise a step (Node 20), and a test
 * suite starts a runtime, with its meter, per test.
 */
const SCOPES = new AsyncLocalStorage<Scope>();

export class Meter {
  /** A delay before each round trip, in milliseconds (benchmark: `--latency 20`). */
  latencyMs = 0;
  /** Everything metered since the runtime started (or the last `reset`). */
  totals: Figures = emptyFigures();

  reset(): void {
    this.totals = emptyFigures();
  }

  /** Runs `fn` in its own scope and returns what it cost; `stopAfter` kills it after k round trips. */
  async measure<T>(fn: () => Promise<T>, options: MeasureOptions = {}): Promise<Measured<T>> {
    const scope: Scope = { meter: this, figures: emptyFigures(), parent: this.current(), stopAfter: options.stopAfter, countBytes: true, stopped: false };
    const started = performance.now();
    const result = await SCOPES.run(scope, fn);
    return { result, figures: { ...scope.figures }, wallMs: performance.now() - started, stopped: scope.stopped };
  }

  /**
   * One function call (the runtime's `call`): counted, its answer's bytes noted, and answered
   * `TIMEOUT` when a `stopAfter` of an enclosing measure killed it.
   */
  async call<T>(fn: () => Promise<CallResult<T>>): Promise<CallResult<T>> {
    const parent = this.current();
    const scope: Scope = { meter: this, figures: emptyFigures(), parent, countBytes: parent?.countBytes ?? false, stopped: false };
    this.add(scope, 'calls', 1);
    let result: CallResult<T>;
    try {
      result = await SCOPES.run(scope, fn);
    } catch (error) {
      if (!this.stoppedIn(scope)) throw error;
      result = TIMEOUT_ANSWER;
    }
    if (this.stoppedIn(scope)) {
      this.add(scope, 'timeouts', 1);
      result = TIMEOUT_ANSWER;
    }
    const bytes = Buffer.byteLength(JSON.stringify(result));
    this.add(scope, 'answerBytes', bytes);
    for (let s: Scope | undefined = scope; s; s = s.parent) s.figures.largestAnswerBytes = Math.max(s.figures.largestAnswerBytes, bytes);
    this.totals.largestAnswerBytes = Math.max(this.totals.largestAnswerBytes, bytes);
    return result;
  }

  /** A subscription message about to be sent; throws when the call was killed (nothing is sent). */
  message(): void {
    const scope = this.current();
    if (scope && this.stoppedIn(scope)) throw new CallTimeoutError(this.budgetOf(scope) ?? 0);
    this.add(scope, 'messages', 1);
  }

  /** The database with every round trip metered. */
  wrapDatabase<D extends Database>(database: D): D {
    return this.wrap(database, 'database') as D;
  }

  // ---- internals ----

  private current(): Scope | undefined {
    const scope = SCOPES.getStore();
    return scope?.meter === this ? scope : undefined;
  }

  private add(scope: Scope | undefined, key: keyof Figures, n: number): void {
    this.totals[key] += n;
    for (let s = scope; s; s = s.parent) s.figures[key] += n;
  }

  private stoppedIn(scope: Scope): boolean {
    for (let s: Scope | undefined = scope; s; s = s.parent) if (s.stopped) return true;
    return false;
  }

  /** The tightest stopAfter budget left in the chain, or null. */
  private budgetOf(scope: Scope): number | null {
    let budget: number | null = null;
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (s.stopAfter !== undefined) budget = budget === null ? s.stopAfter : Math.min(budget, s.stopAfter);
    }
    return budget;
  }

  /** Counts one round trip before it runs; throws instead when the scope's budget is spent. */
  private async roundTrip<T>(kind: 'read' | 'write' | 'transaction', run: () => Promise<T>): Promise<T> {
    const scope = this.current();
    if (scope) {
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        if (s.stopped || (s.stopAfter !== undefined && s.figures.roundTrips >= s.stopAfter)) {
          s.stopped = true;
          throw new CallTimeoutError(s.stopAfter ?? 0);
        }
      }
    }
    this.add(scope, 'roundTrips', 1);
    this.add(scope, kind === 'read' ? 'reads' : kind === 'write' ? 'writes' : 'transactions', 1);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const result = await run();
    if (kind === 'read' && scope?.countBytes) this.add(scope, 'readBytes', Buffer.byteLength(JSON.stringify(result) ?? ''));
    return result;
  }

  private wrap(target: object, role: 'database' | 'query' | 'aggregate' | 'transaction'): object {
    const meter = this;
    return new Proxy(target, {
      get(obj, property, receiver) {
        const value = Reflect.get(obj, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || PASS_THROUGH.has(property)) return value;
        if (role === 'database') {
          if (property === 'collection') return (name: string) => meter.wrap(value.call(obj, name), 'query');
          if (property === 'runTransaction') {
            return (callback: (t: unknown) => unknown, retries?: number) =>
              meter.roundTrip('transaction', () => value.call(obj, (t: object) => callback(meter.wrap(t, 'transaction')), retries));
          }
          if (property === 'startTransaction') {
            return () => meter.roundTrip('transaction', async () => meter.wrap(await value.call(obj), 'transaction'));
          }
          if (property === 'createCollection') return (...args: unknown[]) => meter.roundTrip('write', () => value.apply(obj, args));
          return value.bind(obj);
        }
        if (role === 'transaction') {
          if (property === 'collection') return (name: string) => meter.wrap(value.call(obj, name), 'query');
          return value.bind(obj); // commit / rollback: counted with the transaction
        }
        if (role === 'aggregate') {
          if (property === 'end') return () => meter.roundTrip('read', () => value.call(obj));
          return (...args: unknown[]) => meter.wrap(value.apply(obj, args), 'aggregate'); // stages, count(field) included
        }
        if (property === 'aggregate') return () => meter.wrap(value.call(obj), 'aggregate');
        if (READS.has(property)) return (...args: unknown[]) => meter.roundTrip('read', () => value.apply(obj, args));
        if (WRITES.has(property)) return (...args: unknown[]) => meter.roundTrip('write', () => value.apply(obj, args));
        return (...args: unknown[]) => {
          const built = value.apply(obj, args);
          return built !== null && typeof built === 'object' && !(built instanceof Promise) ? meter.wrap(built, 'query') : built;
        };
      },
    });
  }
}

/** Figures as one line (tests print them). */
export function describeFigures(label: string, measured: Pick<Measured<unknown>, 'figures' | 'wallMs'>, latencyMs = 20): string {
  const f = measured.figures;
  const estimate = ((f.roundTrips * latencyMs) / 1000).toFixed(1);
  return `${label}: ${f.roundTrips} round trips (${f.reads} reads, ${f.writes} writes, ${f.transactions} transactions), ${f.readBytes} B read, largest answer ${f.largestAnswerBytes} B, ${f.messages} messages, ${f.calls} calls, ${measured.wallMs.toFixed(0)} ms locally, ~${estimate} s at ${latencyMs} ms a round trip`;
}
