/**
 * The day's reminders, run by the messages function's timer in bounded, resumable steps. Each kind
 * has one run record per China day in `messageQueue` (`run:<kind>:<day>`: cursor, steps, state);
 * a timer call advances the unfinished runs one page at a time until its budget is spent, writing
 * the page's messages to the queue and then the cursor (conditional on the cursor it read). A call
 * killed part-way, or two calls at once, repeat at most a page: its messages have the same natural
 * keys, so each is still sent once.
 */
import { type ActionContext, isDuplicateKeyError } from '@kehou/shared/cloud';
import { chinaDate } from '@kehou/shared/disclosure';
import { filingDeadline } from './filing-deadline';
import type { ReminderKind } from './kinds';
import { listingEnding } from './listing-ending';
import { reportsDue } from './reports-due';
import { unpaidNotices } from './unpaid-notices';
import { unsignedAgreements } from './unsigned-agreements';

export const REMINDER_KINDS: ReminderKind[] = [listingEnding, unsignedAgreements, unpaidNotices, filingDeadline, reportsDue];

/** Reminders go out from this hour of the China day (nobody is messaged at night). */
export const REMINDER_HOUR = 9;

export interface ReminderRunDoc {
  _id: string;
  kind: 'reminder-run';
  reminder: string;
  day: string;
  cursor: string | null;
  steps: number;
  state: 'running' | 'done';
  updatedAt: string;
}

export interface RemindersResult {
  steps: number;
  /** Kinds finished for today (now or earlier). */
  done: string[];
  waiting?: 'before-hour';
}

const runIdOf = (kind: string, day: string) => `run:${kind}:${day}`;

export async function runReminders(ctx: ActionContext, budgetMs = 10_000, kinds: ReminderKind[] = REMINDER_KINDS): Promise<RemindersResult> {
  const now = ctx.now();
  const day = chinaDate(now);
  if (Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(11, 13)) < REMINDER_HOUR) return { steps: 0, done: [], waiting: 'before-hour' };
  const started = Date.now();
  const result: RemindersResult = { steps: 0, done: [] };
  const runs = await loadRuns(ctx, kinds, day);
  for (const kind of kinds) {
    let run = runs.get(kind.key) as ReminderRunDoc;
    while (run.state !== 'done' && Date.now() - started < budgetMs) {
      const next = await kind.step(ctx, day, run.cursor);
      await ctx.flushMessages();
      const advanced: Partial<ReminderRunDoc> = {
        cursor: next,
        steps: run.steps + 1,
        state: next === null ? 'done' : 'running',
        updatedAt: ctx.now().toISOString(),
      };
      const { stats } = await ctx.collection('messageQueue').where({ _id: run._id, cursor: run.cursor, state: 'running' }).update({ data: advanced });
      result.steps++;
      // Another call moved it on meanwhile: read where it is now.
      run = stats.updated ? { ...run, ...advanced } : ((await ctx.collection('messageQueue').doc(run._id).get()).data as ReminderRunDoc);
    }
    if (run.state === 'done') result.done.push(kind.key);
  }
  return result;
}

async function loadRuns(ctx: ActionContext, kinds: ReminderKind[], day: string): Promise<Map<string, ReminderRunDoc>> {
  const ids = kinds.map((k) => runIdOf(k.key, day));
  const { data } = await ctx
    .collection('messageQueue')
    .where({ _id: ctx._.in(ids) })
    .limit(100)
    .get();
  const runs = new Map((data as ReminderRunDoc[]).map((r) => [r.reminder, r]));
  for (const kind of kinds) {
    if (runs.has(kind.key)) continue;
    const run: ReminderRunDoc = {
      _id: runIdOf(kind.key, day),
      kind: 'reminder-run',
      reminder: kind.key,
      day,
      cursor: null,
      steps: 0,
      state: 'running',
      updatedAt: ctx.now().toISOString(),
    };
    try {
      await ctx.collection('messageQueue').add({ data: { ...run } });
      runs.set(kind.key, run);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      runs.set(kind.key, (await ctx.collection('messageQueue').doc(run._id).get()).data as ReminderRunDoc);
    }
  }
  return runs;
}
