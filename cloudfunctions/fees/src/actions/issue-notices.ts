import { AppError, advanceJob, conflict, implement, startJob } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { issueNoticesStep } from '../jobs/issue-notices';
import { computePeriod } from '../lib/notices';

/**
 * Issues the period's notices (school admin): exactly the rows the preview showed, or nothing — a
 * digest that no longer matches (attendance, enrolment or a waiver changed since) is refused. One
 * notice per child and period: the id is the enrolment and the period key, so a repeated,
 * overlapping or concurrent call creates nothing twice. A period billed by attendance is issued
 * only once it has ended. Every confirmed guardian of a child with a new notice is told.
 *
 * A job (`issue-notices:<school>:<term>:<period>`): this call checks the digest, starts the job (or
 * answers the one under way; a finished one runs again, issuing only what is missing) and does its
 * first step; fees.advanceJob does the rest. `created` counts the notices this call's step wrote.
 */
export const issueNotices = implement(feesContract.actions.issueNotices, async (ctx, input) => {
  const { preview } = await computePeriod(ctx, input.schoolId, input.termId, input.periodKey);
  if (preview.blocked) throw new AppError('POLICY_VIOLATION', preview.blocked);
  if (preview.digest !== input.digest) throw conflict('预览之后考勤、报名或减免有了变化，请重新预览，确认无误后再发出');
  const job = await startJob(
    ctx,
    {
      kind: 'issue-notices',
      scope: `${input.schoolId}:${input.termId}:${preview.periodKey}`,
      schoolId: input.schoolId,
      termId: input.termId,
      total: preview.rows.length,
      params: { periodKey: preview.periodKey },
      summary: `发出${preview.periodLabel}收费通知：${preview.counts.new} 份新通知`,
    },
    { restart: true },
  );
  const before = job.result.created ?? 0;
  const view = await advanceJob(ctx, job, issueNoticesStep);
  const created = view.stepped ? (view.result.created ?? 0) - before : 0;
  return { created, existing: view.stepped ? (view.result.existing ?? 0) : 0, noticeIds: [], job: view };
});
