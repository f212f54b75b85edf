const DAY_MS = 86_400_000;
/**
 * The furthest the local clock may be from real time, in total: two years (the demo term, on fixed
 * dates of the 2026—2027 school year, is replayed on a clock set back to late August).
 */
export const DEFAULT_MAX_SHIFT_DAYS = 730;

export interface ClockOptions {
  /** False: the clock runs on real time only (production-like starts). Default true. */
  movable?: boolean;
  maxShiftDays?: number;
}

export class ClockError extends Error {}

/**
 * The local runtime's clock. WeChat's functions run on real time; locally, tests and the demo can
 * move it (a listing period ends, a term is replayed in the past) without waiting or faking data,
 * within `maxShiftDays` of real time in total. A clock that is not movable (or was frozen) refuses.
 */
export class Clock {
  private offsetMs = 0;
  private canMove: boolean;
  readonly maxShiftDays: number;

  constructor(options: ClockOptions = {}) {
    this.canMove = options.movable ?? true;
    this.maxShiftDays = options.maxShiftDays ?? DEFAULT_MAX_SHIFT_DAYS;
  }

  get movable(): boolean {
    return this.canMove;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advanceDays(days: number): Date {
    return this.moveTo(this.offsetMs + days * DAY_MS);
  }

  set(at: Date): Date {
    return this.moveTo(at.getTime() - Date.now());
  }

  reset(): Date {
    this.offsetMs = 0;
    return this.now();
  }

  /** Back to real time, for good: what a production-like start does once the demo is seeded. */
  freeze(): void {
    this.offsetMs = 0;
    this.canMove = false;
  }

  get shifted(): boolean {
    return this.offsetMs !== 0;
  }

  private moveTo(offsetMs: number): Date {
    if (!this.canMove) throw new ClockError('本地时钟按真实时间运行，不能调整');
    if (!Number.isFinite(offsetMs) || Math.abs(offsetMs) > this.maxShiftDays * DAY_MS) {
      throw new ClockError(`本地时钟与真实时间最多相差 ${this.maxShiftDays} 天`);
    }
    this.offsetMs = offsetMs;
    return this.now();
  }
}
