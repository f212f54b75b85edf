/**
 * Timer triggers, locally: every function's `config.json` triggers (as WeChat reads them) run on
 * the runtime's clock. `tick()` fires each trigger whose next fire time (after its last run) has
 * come, once (a clock moved three days ahead fires a daily trigger once, not three times, as a
 * WeChat function that was down would not catch up either), with WeChat's timer event
 * `{ Type: 'Timer', TriggerName, Time }` and no user in the context. `start()` ticks on real
 * time; tests move the clock and call `tick()`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Clock } from './clock';
import { type Cron, nextFire, parseCron } from './cron';

export interface TimerTrigger {
  functionName: string;
  name: string;
  cron: Cron;
}

export interface TimerFiring {
  functionName: string;
  name: string;
  time: string;
  result?: unknown;
  error?: string;
}

const FUNCTIONS_DIR = resolve(__dirname, '../../cloudfunctions');

/** The timer triggers of the named functions' config.json files. */
export function readTriggers(functionNames: string[], dir = FUNCTIONS_DIR): TimerTrigger[] {
  const triggers: TimerTrigger[] = [];
  for (const functionName of functionNames) {
    const file = join(dir, functionName, 'config.json');
    if (!existsSync(file)) continue;
    const config = JSON.parse(readFileSync(file, 'utf8')) as { triggers?: { name: string; type: string; config: string }[] };
    const timers = (config.triggers ?? []).filter((t) => t.type === 'timer');
    if (timers.length > 1) throw new Error(`${functionName}/config.json：微信每个云函数只能有一个定时触发器`);
    for (const t of timers) triggers.push({ functionName, name: t.name, cron: parseCron(t.config) });
  }
  return triggers;
}

export class TimerRunner {
  private readonly lastRun = new Map<TimerTrigger, Date>();
  private running: Promise<TimerFiring[]> | null = null;
  private interval: NodeJS.Timeout | null = null;
  readonly fired: TimerFiring[] = [];

  constructor(
    readonly triggers: TimerTrigger[],
    private readonly clock: Clock,
    private readonly invoke: (functionName: string, event: Record<string, unknown>) => Promise<unknown>,
  ) {
    const now = clock.now();
    for (const t of triggers) this.lastRun.set(t, now);
  }

  /** Fires every trigger that is due on the runtime's clock; one tick at a time. */
  tick(): Promise<TimerFiring[]> {
    if (!this.running) this.running = this.fireDue().finally(() => (this.running = null));
    return this.running;
  }

  private async fireDue(): Promise<TimerFiring[]> {
    const firings: TimerFiring[] = [];
    for (const trigger of this.triggers) {
      const last = this.lastRun.get(trigger) ?? this.clock.now();
      const now = this.clock.now();
      // A clock moved back: start counting from now.
      const due = now < last ? null : nextFire(trigger.cron, last);
      if (now < last) this.lastRun.set(trigger, now);
      if (!due || due > now) continue;
      this.lastRun.set(trigger, now);
      const firing: TimerFiring = { functionName: trigger.functionName, name: trigger.name, time: due.toISOString() };
      try {
        firing.result = await this.invoke(trigger.functionName, { Type: 'Timer', TriggerName: trigger.name, Time: due.toISOString() });
      } catch (error) {
        firing.error = String(error);
        console.error(`[timer ${trigger.functionName}.${trigger.name}]`, error);
      }
      firings.push(firing);
      this.fired.push(firing);
      if (this.fired.length > 200) this.fired.splice(0, this.fired.length - 200);
    }
    return firings;
  }

  /** Ticks every `everyMs` of real time (the server); stop() ends it. */
  start(everyMs = 20_000): void {
    if (this.interval) return;
    this.interval = setInterval(() => void this.tick(), everyMs);
    this.interval.unref();
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
  }
}
