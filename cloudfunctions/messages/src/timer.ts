import type { ActionContext } from '@kehou/shared/cloud';
import { type DrainStepResult, drainQueue } from '@kehou/shared/notify/server';

export interface TimerResult {
  drained: DrainStepResult & { steps: number };
}

/** One timer call: sends the queue in bounded steps for a few seconds (the next call goes on). */
export async function onTimer(ctx: ActionContext): Promise<TimerResult> {
  const drained = await drainQueue(ctx);
  return { drained };
}
