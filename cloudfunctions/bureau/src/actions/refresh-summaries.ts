import type { School } from '@kehou/shared';
import { refreshSchoolSummary } from '@kehou/shared/bureau/server';
import { AppError, findById, implement } from '@kehou/shared/cloud';
import { bureauContract } from '@kehou/shared/contracts';
import { bureausOf, refreshStep } from '../lib/summaries';

/** Schools refreshed per call: each is a few dozen reads, so a call stays well inside WeChat's time limit. */
export const REFRESH_PER_CALL = 3;

/**
 * Brings summaries up to date: one named school of the caller's bureaus, or one bounded step over
 * them (missing first, then those marked out of date, then the oldest). The client repeats while `remaining` > 0.
 */
export const refreshSummaries = implement(bureauContract.actions.refreshSummaries, async (ctx, input) => {
  const bureauIds = bureausOf(ctx);
  if (input.schoolId) {
    const school = await findById<School>(ctx, 'schools', input.schoolId);
    if (!school || !bureauIds.includes(school.bureauId)) throw new AppError('NOT_FOUND', '辖区内没有这所学校');
    await refreshSchoolSummary(ctx, school._id);
    return { refreshed: [school._id], remaining: 0 };
  }
  return refreshStep(ctx, bureauIds, REFRESH_PER_CALL);
});
