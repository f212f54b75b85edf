import { defineAction } from '@kehou/shared/cloud';
import { noticePeriodInput, type NoticePreview } from '@kehou/shared/fees';
import { computeNotices, totalsOf } from '../lib/notices';

/** What issuing would write, child by child, with every line and clause. Writes nothing. School admin only. */
export const previewNotices = defineAction({
  input: noticePeriodInput,
  handler: async (ctx, input): Promise<NoticePreview> => {
    const period = { from: input.from, to: input.to };
    const { rows, school } = await computeNotices(ctx, input.schoolId, input.termId, period);
    return {
      schoolId: input.schoolId,
      termId: input.termId,
      period,
      profileId: school.profileId,
      rows: rows.map((r) => r.row),
      totals: totalsOf(rows.map((r) => r.row)),
    };
  },
});
