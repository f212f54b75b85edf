import { AppError, advanceJob, countWhere, implement, startJob } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { resolveTerm } from '@kehou/shared/enrollment/server';
import { approveWaitingStep, waitingWhere } from '../jobs/approve-waiting';

/**
 * The school's review (学校审核) of everything waiting for it, of one class or of the whole school,
 * as it was waiting when the admin loaded the desk (`asOf`): a job (`approve-waiting:<school>:
 * <term>:<class or all>`) in bounded steps (jobs/approve-waiting.ts). Each call starts it (a
 * finished one runs again for the new desk; one under way, perhaps another admin's, is joined) and
 * does one step; the screen advances it (enrollment.advanceJob) until `done`. A retry resumes it.
 */
export const approveWaiting = implement(enrollmentContract.actions.approveWaiting, async (ctx, input, { doc: school }) => {
  const term = await resolveTerm(ctx, school._id, input.termId);
  if (!term) throw new AppError('NOT_FOUND', '学期不存在');
  const params = { ...(input.classId ? { classId: input.classId } : {}), asOf: input.asOf };
  const job = await startJob(
    ctx,
    {
      kind: 'approve-waiting',
      scope: `${school._id}:${term._id}:${input.classId ?? 'all'}`,
      schoolId: school._id,
      termId: term._id,
      params,
      total: await countWhere(ctx, 'applications', waitingWhere(ctx, school._id, term._id, params)),
      summary: `学校审核：${input.classId ? '本班' : '全校'}待审核的报名全部通过`,
    },
    { restart: true },
  );
  const view = await advanceJob(ctx, job, approveWaitingStep);
  const approved = view.stepped ? Math.max(0, view.done - job.done) : 0;
  return { approved, placed: approved, remaining: Math.max(0, view.total - view.done), done: view.state !== 'running', job: view };
});
