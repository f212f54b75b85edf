import { defineAction } from '@kehou/shared/cloud';
import { previewNoticesInput, type NoticePreview } from '@kehou/shared/fees';
import { computePeriod } from '../lib/notices';

/**
 * What issuing the period would write, child by child, with every line and clause, which rows are
 * already issued or changed since, the days still unrecorded per class, and the digest issuing
 * must send back. Writes nothing. School admin only.
 */
export const previewNotices = defineAction({
  input: previewNoticesInput,
  handler: async (ctx, input): Promise<NoticePreview> => (await computePeriod(ctx, input.schoolId, input.termId, input.periodKey)).preview,
});
