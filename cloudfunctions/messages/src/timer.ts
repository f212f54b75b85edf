import type { ActionContext } from '@kehou/shared/cloud';
import { type DrainStepResult, drainQueue } from '@kehou/shared/notify/server';
import { type RemindersResult, runReminders } from './reminders/run';

export interface TimerResult {
  reminders: RemindersResult;
  drained: DrainStepResult & { steps: number };
}

/**
 * One timer call (every 2 minutes, config.json): advances the day's reminders, then sends the
 * queue, each for a few seconds (the next call goes on where this one stopped).
 */
export async function onTimer(ctx: ActionContext): Promise<TimerResult> {
  const reminders = await runReminders(ctx, 8_000);
  const drained = await drainQueue(ctx, 12_000);
  return { reminders, drained };
}
