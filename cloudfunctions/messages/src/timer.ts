import type { ActionContext } from '@kehou/shared/cloud';
import { type DrainStepResult, drainQueue } from '@kehou/shared/notify/server';
import { type RemindersResult, runReminders } from './reminders/run';

export interface TimerResult {
  reminders: RemindersResult;
  drained: DrainStepResult & { steps: number };
}

/**
 * One timer call (every 2 minutes, config.json): advances the day's reminders, then sends the
 * queue, each for a few seconds (the next call goes on where this one stopped). 15 s in all, under
 * the 20 s timeout the function is deployed with (README); a run killed anyway loses nothing (drain.ts).
 */
export async function onTimer(ctx: ActionContext): Promise<TimerResult> {
  const reminders = await runReminders(ctx, 5_000);
  const drained = await drainQueue(ctx, 10_000);
  return { reminders, drained };
}
