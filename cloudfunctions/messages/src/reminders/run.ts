/**
 * The day's reminders, run by the messages function's timer in bounded, resumable steps. Each kind
 * has one run record per China day in `messageQueue` (`run:<kind>:<day>`: cursor, steps, state);
 * a timer call advances the unfinished runs one page at a time until its budget is spent, writing
 * the page's messages to the queue and then the cursor (conditional on the cursor it read). A call
 * killed part-way, or two calls at once, repeat at most a page: its messages have the same natural
 * keys, so each is still sent once.
 */
import type { ActionContext } from '@kehou/shared/cloud';
import { chinaDate } from '@kehou/shared/disclosure';
import { advanceRun, type DailyRunDoc, dailyRuns } from '@kehou/shared/notify/server';
import { filingDeadline } from './filing-deadline';
import type { ReminderKind } from './kinds';
import { listingEnding } from './listing-ending';
import { reportsDue } from './reports-due';
import { unpaidNotices } from './unpaid-notices';
import { unsignedAgreements } from './unsigned-agreements';

export const REMINDER_KINDS: ReminderKind[] = [listingEnding, unsignedAgreements, unpaidNotices, filingDeadline, reportsDue];

/** Reminders go out from this hour of the China day (nobody is messaged at night). */
export const REMINDER_HOUR = 9;

export interface RemindersResult {
  steps: number;
  /** Kinds finished for today (now or earlier). */
  done: string[];
  waiting?: 'before-hour';
}

export async function runReminders(ctx: ActionContext, budgetMs = 10_000, kinds: ReminderKind[] = REMINDER_KINDS): Promise<RemindersResult> {
  const now = ctx.now();
  const day = chinaDate(now);
  if (Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(11, 13)) < REMINDER_HOUR) return { steps: 0, done: [], waiting: 'before-hour' };
  const started = Date.now();
  const result: RemindersResult = { steps: 0, done: [] };
  const runs = await dailyRuns(
    ctx,
    kinds.map((k) => k.key),
    day,
  );
  for (const kind of kinds) {
    let run = runs.get(kind.key) as DailyRunDoc;
    while (run.state !== 'done' && Date.now() - started < budgetMs) {
      const next = await kind.step(ctx, day, run.cursor);
      // The page's messages reach the queue before the cursor moves past them.
      await ctx.flushMessages();
      run = await advanceRun(ctx, run, next);
      result.steps++;
    }
    if (run.state === 'done') result.done.push(kind.key);
  }
  return result;
}
