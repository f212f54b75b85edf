/**
 * A scan done once per China day in bounded steps (the reminders): its record in `messageQueue`
 * (`run:<key>:<day>`) keeps the cursor, so a timer call killed part-way, or two at once, go on
 * where the last step left it. Bookkeeping of the messages machinery, like the queue itself: no
 * person's data changes, so no audit entry.
 */
import type { ActionContext } from '../../cloud/context';
import { isDuplicateKeyError } from '../../cloud/errors';

export interface DailyRunDoc {
  _id: string;
  kind: 'reminder-run';
  reminder: string;
  day: string;
  cursor: string | null;
  steps: number;
  state: 'running' | 'done';
  updatedAt: string;
}

const runIdOf = (key: string, day: string) => `run:${key}:${day}`;

/** Today's run of each key, created when missing (a concurrent call's creation is read back). */
export async function dailyRuns(ctx: ActionContext, keys: string[], day: string): Promise<Map<string, DailyRunDoc>> {
  const { data } = await ctx
    .collection('messageQueue')
    .where({ _id: ctx._.in(keys.map((k) => runIdOf(k, day))) })
    .limit(100)
    .get();
  const runs = new Map((data as DailyRunDoc[]).map((r) => [r.reminder, r]));
  for (const key of keys) {
    if (runs.has(key)) continue;
    const run: DailyRunDoc = {
      _id: runIdOf(key, day),
      kind: 'reminder-run',
      reminder: key,
      day,
      cursor: null,
      steps: 0,
      state: 'running',
      updatedAt: ctx.now().toISOString(),
    };
    try {
      await ctx.collection('messageQueue').add({ data: { ...run } });
      runs.set(key, run);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      runs.set(key, (await ctx.collection('messageQueue').doc(run._id).get()).data as DailyRunDoc);
    }
  }
  return runs;
}

/** Moves the run past one step (`next` null: done), if nobody moved it meanwhile; answers where it is now. */
export async function advanceRun(ctx: ActionContext, run: DailyRunDoc, next: string | null): Promise<DailyRunDoc> {
  const advanced: Partial<DailyRunDoc> = { cursor: next, steps: run.steps + 1, state: next === null ? 'done' : 'running', updatedAt: ctx.now().toISOString() };
  const { stats } = await ctx.collection('messageQueue').where({ _id: run._id, cursor: run.cursor, state: 'running' }).update({ data: advanced });
  if (stats.updated) return { ...run, ...advanced };
  return (await ctx.collection('messageQueue').doc(run._id).get()).data as DailyRunDoc;
}
