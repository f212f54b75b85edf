import { AppError, advanceJob, conflict, implement, loadJob, startJob } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { issueNoticesStep } from '../jobs/issue-notices';
import { blockedOf, loadPeriod } from '../lib/notices';
import { previewDigestOf, previewIdOf } from '../lib/preview';

/**
 * Issues the period's notices (school admin): exactly the rows of the preview the admin saw (its
 * digest), each billed again as it is issued; a row whose facts changed since (attendance,
 * enrolment or a waiver) stops it, and the admin previews again. One notice per child and period:
 * the id is the enrolment and the period key, so a repeated, overlapping or concurrent call
 * creates nothing twice. A period billed by attendance is issued only once it has ended. Every
 * confirmed guardian of a child with a new notice is told.
 *
 * A job (`issue-notices:<school>:<term>:<period>`): this call checks the preview (its job, a few
 * reads, whatever the school's size), starts the job (or answers the one under way; a finished one
 * runs again, issuing only what is missing) and does its first step; fees.advanceJob does the
 * rest. `created` counts the notices this call's step wrote.
 */
export const issueNotices = implement(feesContract.actions.issueNotices, async (ctx, input) => {
  const { period } = await loadPeriod(ctx, input.schoolId, input.termId, input.periodKey);
  const preview = await loadJob(ctx, previewIdOf(input.schoolId, input.termId, period.key));
  if (!preview || preview.state !== 'done') throw conflict('收费预览还没有算完，请等预览完成、确认无误后再发出');
  const blocked = blockedOf(ctx, period, (preview.result.unrecordedRows ?? 0) === 0);
  if (blocked) throw new AppError('POLICY_VIOLATION', blocked);
  if (previewDigestOf(preview) !== input.digest) throw conflict('预览已经重新计算过，请重新预览，确认无误后再发出');
  const job = await startJob(
    ctx,
    {
      kind: 'issue-notices',
      scope: `${input.schoolId}:${input.termId}:${period.key}`,
      schoolId: input.schoolId,
      termId: input.termId,
      total: preview.result.new ?? 0,
      params: {
        periodKey: period.key,
        previewId: preview._id,
        run: preview.startedAt,
        alreadyBilled: (preview.result.issued ?? 0) + (preview.result.changed ?? 0),
      },
      summary: `发出${period.label}收费通知：${preview.result.new ?? 0} 份新通知`,
    },
    { restart: true },
  );
  const before = job.result.created ?? 0;
  const view = await advanceJob(ctx, job, issueNoticesStep);
  if (view.stepped && view.state === 'failed' && !view.result.created) throw conflict(view.error ?? '请重新预览，确认无误后再发出');
  const created = view.stepped ? (view.result.created ?? 0) - before : 0;
  return { created, existing: view.stepped ? (view.result.existing ?? 0) : 0, noticeIds: [], job: view };
});
