import type { ActionContext, JobStep } from '../../cloud';
import type { SchoolSummaryDoc } from '../types';
import { summaryIdOf } from './summary';

/**
 * Summaries out of date. An action or a job that changes what a school's summary counts, where
 * recomputing it would cost more than its caller may (a whole school's applications or fee
 * documents), marks the summary instead: one update. Marked summaries are refreshed first by the
 * next refresh step (the dashboard asks for it while any is left) and by the hourly timer.
 * A mark is a counter, not a flag: a full refresh records the count it saw when it began reading,
 * so a change that lands while it computes leaves the summary marked.
 */
export async function markSummaryStale(ctx: ActionContext, schoolId: string): Promise<void> {
  try {
    await ctx
      .collection('schoolSummaries')
      .where({ _id: summaryIdOf(schoolId) })
      .update({ data: { staleMarks: ctx._.inc(1) } });
  } catch (error) {
    // A failed mark never fails the change: the timer refreshes every summary within hours anyway.
    console.error('[summary]', schoolId, error);
  }
}

export const isStale = (s: Pick<SchoolSummaryDoc, 'staleMarks' | 'refreshedMarks'>) => (s.staleMarks ?? 0) > (s.refreshedMarks ?? 0);

/** Wraps an action's handler so that, once it succeeded, its school's summary is marked (the school from the input's schoolId or the scope's document). */
export function markingStale<H extends (ctx: ActionContext, input: any, scope: any) => Promise<unknown>>(handler: H): H {
  return (async (ctx: ActionContext, input: { schoolId?: string }, scope: { doc?: { schoolId?: string } | null }) => {
    const result = await handler(ctx, input, scope);
    const schoolId = input?.schoolId ?? scope?.doc?.schoolId;
    if (schoolId) await markSummaryStale(ctx, schoolId);
    return result;
  }) as H;
}

/** Wraps a job's step so that its last step marks the school's summary (a step redone after a kill marks again, harmlessly). */
export function markingStaleAtEnd(step: JobStep): JobStep {
  return async (ctx, job) => {
    const outcome = await step(ctx, job);
    if (outcome.finished) await markSummaryStale(ctx, job.schoolId);
    return outcome;
  };
}
