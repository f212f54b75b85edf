import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The leases the current async context holds, across every lock. One storage for the whole
 * process: each AsyncLocalStorage ever used costs every later promise of the process a step (Node
 * 20), and a test suite opens a database per test.
 */
const HELD = new AsyncLocalStorage<ReadonlySet<symbol>>();

/** A held lock; `release()` is idempotent. */
export interface Lease {
  readonly owner: symbol;
  release(): void;
}

/**
 * The database's write lock: FIFO, one holder at a time.
 *
 * Every single write takes it for its read-compute-write, and a transaction holds it from start
 * to commit/rollback, which makes each write atomic and transactions serializable.
 * Work started inside {@link AsyncLock.run} (the async continuation of the holder, e.g. a plain
 * write made from a `runTransaction` callback) re-enters instead of deadlocking.
 */
export class AsyncLock {
  private readonly waiters: Array<() => void> = [];
  private holder: symbol | null = null;

  /** Waits for the lock and holds it until the lease is released. */
  async acquire(): Promise<Lease> {
    const owner = Symbol('lock-owner');
    if (this.holder === null) {
      this.holder = owner;
    } else {
      // Ownership is handed over synchronously on release, so nobody can slip in between.
      await new Promise<void>((resolve) =>
        this.waiters.push(() => {
          this.holder = owner;
          resolve();
        }),
      );
    }
    let released = false;
    return {
      owner,
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiters.shift();
        if (next) next();
        else this.holder = null;
      },
    };
  }

  /** True when the calling async context holds the lock (see {@link AsyncLock.runAs}). */
  isHeldByCaller(): boolean {
    return this.holder !== null && (HELD.getStore()?.has(this.holder) ?? false);
  }

  /** Runs `fn` with the lock held (re-entering if the caller already holds it). */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.isHeldByCaller()) return fn();
    const lease = await this.acquire();
    try {
      return await this.runAs(lease, fn);
    } finally {
      lease.release();
    }
  }

  /** Runs `fn` so that lock-taking work it starts re-enters `lease` instead of waiting for it. */
  runAs<T>(lease: Lease, fn: () => Promise<T>): Promise<T> {
    return HELD.run(new Set([...(HELD.getStore() ?? []), lease.owner]), fn);
  }
}
