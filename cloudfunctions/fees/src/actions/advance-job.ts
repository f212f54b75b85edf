import { advanceJob as advance, implement, invalidState } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { issueNoticesStep } from '../jobs/issue-notices';

/** One more step of issuing a period's notices (the screen calls it until done). */
export const advanceJob = implement(feesContract.actions.advanceJob, async (ctx, _input, { doc: job }) => {
  if (job.kind !== 'issue-notices') throw invalidState('这个任务不在这里处理');
  return advance(ctx, job, issueNoticesStep);
});
