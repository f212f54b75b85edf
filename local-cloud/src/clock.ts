const DAY_MS = 86_400_000;

/**
 * The local runtime's clock. WeChat's functions run on real time; locally, tests and the demo can
 * move it (a listing period ends, a term is replayed in the past) without waiting or faking data.
 */
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advanceDays(days: number): Date {
    this.offsetMs += days * DAY_MS;
    return this.now();
  }

  set(at: Date): Date {
    this.offsetMs = at.getTime() - Date.now();
    return this.now();
  }

  reset(): Date {
    this.offsetMs = 0;
    return this.now();
  }

  get shifted(): boolean {
    return this.offsetMs !== 0;
  }
}
