import { advanceJob as advance, implement, invalidState, type JobStep } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { approveWaitingStep } from '../jobs/approve-waiting';
import { fixListingStep } from '../jobs/fix-listing';
import { importRosterStep } from '../jobs/import-roster';
import { postListingStep } from '../jobs/post-listing';

const STEPS: Partial<Record<string, JobStep>> = {
  'post-listing': postListingStep,
  'fix-listing': fixListingStep,
  'import-roster': importRosterStep,
  'approve-waiting': approveWaitingStep,
};

/**
 * One more step of one of the school's jobs this function runs (posting or fixing a list): the
 * screen calls it until the job is done, and again after coming back; a call while another is
 * stepping answers `busy`, doing nothing.
 */
export const advanceJob = implement(enrollmentContract.actions.advanceJob, async (ctx, _input, { doc: job }) => {
  const step = STEPS[job.kind];
  if (!step) throw invalidState('这个任务不在这里处理');
  return advance(ctx, job, step);
});
