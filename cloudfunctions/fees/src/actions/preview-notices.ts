import { implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { computePeriod } from '../lib/notices';

/**
 * What issuing the period would write, child by child, with every line and clause, which rows are
 * already issued or changed since, the days still unrecorded per class, and the digest issuing
 * must send back. Writes nothing. School admin only.
 */
export const previewNotices = implement(
  feesContract.actions.previewNotices,
  async (ctx, input) => (await computePeriod(ctx, input.schoolId, input.termId, input.periodKey)).preview,
);
