import { markingStaleAtEnd } from '@kehou/shared/bureau/server';
import { conflict, type JobStep } from '@kehou/shared/cloud';
import { type FeePreviewDoc, sameAmounts } from '@kehou/shared/fees';
import { periodRows, tellGuardians, writeFirstNotices } from '@kehou/shared/fees/server';
import { loadPeriod } from '../lib/notices';

/** Previewed children billed per step (their notices are added at once: a few round trips per batch). */
export const ISSUE_STEP = 100;

export interface IssueNoticesParams {
  periodKey: string;
  /** The preview job and the run the admin saw: only its `new` rows are issued. */
  previewId: string;
  run: string;
  /** Children already billed when previewed (counted in `existing` once). */
  alreadyBilled: number;
}

/**
 * One step of issuing a period's notices: the next `new` rows of the preview the admin confirmed
 * (by id, after the cursor) are billed again from today's facts (only theirs read); a row that no
 * longer computes as previewed stops the job before this batch writes anything (the admin
 * previews again: what was issued stands, the rest is then issued as previewed). The new notices
 * are written (their ids are the enrolment and the period: never twice) and their guardians told.
 * A notice a killed step wrote but did not tell about (first version, issued since this job
 * started) is told when the batch is redone. The last step marks the bureau's summary of the school
 * out of date.
 */
export const issueNoticesStep: JobStep = markingStaleAtEnd(async (ctx, job) => {
  const params = job.params as unknown as IssueNoticesParams;
  const { billing, period } = await loadPeriod(ctx, job.schoolId, job.termId ?? '', params.periodKey);
  const { data } = await ctx
    .collection('feePreviews')
    .where({ previewId: params.previewId, run: params.run, kind: 'row', state: 'new', _id: ctx._.gt(job.cursor ?? '') })
    .orderBy('_id', 'asc')
    .limit(ISSUE_STEP)
    .get();
  const previewed = (data as FeePreviewDoc[]).flatMap((d) => (d.kind === 'row' ? [d.row] : []));
  const ids = previewed.map((r) => r.applicationId);
  const rows = ids.length ? await periodRows(ctx, billing, period, { applicationIds: ids }) : [];
  const now = new Map(rows.map((r) => [r.app._id, r]));
  const moved = previewed.filter((p) => {
    const row = now.get(p.applicationId);
    return !row || (row.state === 'new' && !sameAmounts(p, row.amounts));
  });
  if (moved.length) {
    const names = moved.slice(0, 3).map((p) => `${p.className}${p.studentName}`);
    throw conflict(`预览之后考勤、报名或减免有了变化（${names.join('、')}${moved.length > 3 ? ` 等 ${moved.length} 人` : ''}），请重新预览，确认无误后再发出`);
  }
  const created = await writeFirstNotices(
    ctx,
    rows.filter((r) => r.state === 'new'),
    period,
    `${job._id}@${job.startedAt}:${ids[0]}`,
  );
  const untold = rows.flatMap((r) => (r.state !== 'new' && r.latest && r.latest.sequence === 1 && r.latest.issuedAt >= job.startedAt ? [r.latest] : []));
  await tellGuardians(ctx, [...created, ...untold], period);
  const byThisJob = created.length + untold.length;
  return {
    cursor: data.length ? (data as FeePreviewDoc[]).at(-1)!._id : job.cursor,
    done: ids.length,
    add: { created: byThisJob, existing: rows.length - byThisJob + (job.cursor === null ? params.alreadyBilled : 0) },
    finished: ids.length < ISSUE_STEP,
  };
});
