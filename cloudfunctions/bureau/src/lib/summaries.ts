import type { School } from '@kehou/shared';
import type { SchoolSummaryDoc } from '@kehou/shared/bureau';
import { isStale, refreshSchoolSummary } from '@kehou/shared/bureau/server';
import { type ActionContext, getAll } from '@kehou/shared/cloud';

/** The bureaus the caller reviews for, from their roles (never from the input). */
export const bureausOf = (ctx: ActionContext) => ctx.caller.roles('bureau').map((r) => r.bureauId);

/** The summaries of the caller's bureaus: one page per 100 schools. */
export const summariesOf = (ctx: ActionContext, bureauIds: string[]) =>
  getAll<SchoolSummaryDoc>(ctx.collection('schoolSummaries').where({ bureauId: ctx._.in(bureauIds) }));

/** Schools of the bureaus that have no summary yet. */
export async function schoolsWithoutSummary(ctx: ActionContext, bureauIds: string[], have: SchoolSummaryDoc[]): Promise<School[]> {
  const schools = await getAll<School>(
    ctx
      .collection('schools')
      .where({ bureauId: ctx._.in(bureauIds) })
      .field({ _id: true, bureauId: true, name: true }),
  );
  const known = new Set(have.map((s) => s.schoolId));
  return schools.filter((s) => !known.has(s._id));
}

/**
 * One bounded step: refreshes at most `limit` summaries, those missing first, then those marked
 * out of date (stale.ts), then the oldest. `remaining`: missing and marked ones left after it.
 * Safe to run again at any point (each refresh recomputes one school's document from its own data).
 */
export async function refreshStep(ctx: ActionContext, bureauIds: string[], limit: number): Promise<{ refreshed: string[]; remaining: number }> {
  const have = await summariesOf(ctx, bureauIds);
  const missing = await schoolsWithoutSummary(ctx, bureauIds, have);
  const byAge = [...have].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  const stale = byAge.filter(isStale).map((s) => s.schoolId);
  const queue = [...new Set([...missing.map((s) => s._id), ...stale, ...byAge.map((s) => s.schoolId)])];
  const now = queue.slice(0, limit);
  for (const id of now) await refreshSchoolSummary(ctx, id);
  return { refreshed: now, remaining: Math.max(0, missing.length + stale.length - now.length) };
}
