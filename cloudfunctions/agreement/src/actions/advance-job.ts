import { advanceJob as advance, implement, invalidState } from '@kehou/shared/cloud';
import { agreementContract } from '@kehou/shared/contracts';
import { publishTemplateStep } from '../jobs/publish-template';

/** One more step of telling the families about a new agreement version (the screen calls it until done). */
export const advanceJob = implement(agreementContract.actions.advanceJob, async (ctx, _input, { doc: job }) => {
  if (job.kind !== 'publish-template') throw invalidState('这个任务不在这里处理');
  return advance(ctx, job, publishTemplateStep);
});
