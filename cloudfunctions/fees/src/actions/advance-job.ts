import { advanceJob as advance, implement, invalidState } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { issueNoticesStep } from '../jobs/issue-notices';
import { previewNoticesStep } from '../jobs/preview-notices';

const STEPS = { 'issue-notices': issueNoticesStep, 'preview-notices': previewNoticesStep } as const;

/** One more step of computing a period's preview or issuing its notices (the screen calls it until done). */
export const advanceJob = implement(feesContract.actions.advanceJob, async (ctx, _input, { doc: job }) => {
  if (!(job.kind in STEPS)) throw invalidState('这个任务不在这里处理');
  return advance(ctx, job, STEPS[job.kind as keyof typeof STEPS]);
});
