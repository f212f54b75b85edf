import type { ApplicationDoc } from '@kehou/shared';
import { markingStaleAtEnd } from '@kehou/shared/bureau/server';
import type { JobStep } from '@kehou/shared/cloud';
import { assertTermChargeable, loadTermBilling, periodOf, periodRows, tellGuardians, writeFirstNotices } from '@kehou/shared/fees/server';

/** Applications billed per step (each notice is written in a transaction: ~2 round trips a notice). */
export const ISSUE_STEP = 25;

export interface IssueNoticesParams {
  periodKey: string;
}

/**
 * One step of issuing a period's notices: the next applications of the term (by id, after the
 * cursor) are billed exactly as the preview computes them (only theirs read: declarations, their
 * classes' attendance, their notices), the new notices written (their ids are the enrolment and the
 * period: never twice), and their guardians told. A notice a killed step wrote but did not tell
 * about (first version, issued since this job started) is told when the batch is redone.
 * The last step marks the bureau's summary of the school out of date.
 */
export const issueNoticesStep: JobStep = markingStaleAtEnd(async (ctx, job) => {
  const { periodKey } = job.params as unknown as IssueNoticesParams;
  const billing = await loadTermBilling(ctx, job.schoolId, job.termId ?? '');
  assertTermChargeable(billing);
  const period = periodOf(billing, periodKey);
  const { data } = await ctx
    .collection('applications')
    .where({ schoolId: job.schoolId, termId: job.termId, _id: ctx._.gt(job.cursor ?? '') })
    .orderBy('_id', 'asc')
    .limit(ISSUE_STEP)
    .field({ _id: true })
    .get();
  const ids = (data as Pick<ApplicationDoc, '_id'>[]).map((a) => a._id);
  const rows = ids.length ? await periodRows(ctx, billing, period, { applicationIds: ids }) : [];
  const created = await writeFirstNotices(
    ctx,
    rows.filter((r) => r.state === 'new'),
    period,
  );
  const untold = rows.flatMap((r) => (r.state !== 'new' && r.latest && r.latest.sequence === 1 && r.latest.issuedAt >= job.startedAt ? [r.latest] : []));
  await tellGuardians(ctx, [...created, ...untold], period);
  const byThisJob = created.length + untold.length;
  return {
    cursor: ids.at(-1) ?? job.cursor,
    done: ids.length,
    add: { created: byThisJob, existing: rows.length - byThisJob },
    finished: ids.length < ISSUE_STEP,
  };
});
