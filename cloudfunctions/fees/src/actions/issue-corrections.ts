import { conflict, implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import type { FeeNoticeDoc } from '@kehou/shared/fees';
import { supersedeNotice, tellGuardians } from '@kehou/shared/fees/server';
import { computePeriod } from '../lib/notices';

/**
 * Corrects an issued period (school admin): for every child whose bill changed since its notice
 * (attendance corrected, hardship declared late, a withdrawal reaching back), a correction notice
 * supersedes the old one; the old one never changes. The family owes, or gets back, only the
 * difference. Exactly the previewed rows, or nothing (digest).
 */
export const issueCorrections = implement(feesContract.actions.issueCorrections, async (ctx, input) => {
  const { rows, period, preview } = await computePeriod(ctx, input.schoolId, input.termId, input.periodKey);
  if (preview.digest !== input.digest) throw conflict('预览之后考勤、报名或减免有了变化，请重新预览，确认无误后再更正');
  const corrected: FeeNoticeDoc[] = [];
  for (const row of rows.filter((r) => r.state === 'changed' && r.latest)) {
    corrected.push(await supersedeNotice(ctx, row.latest!, row, period, input.reason));
  }
  await tellGuardians(ctx, corrected, period);
  return { corrected: corrected.length, noticeIds: corrected.map((n) => n._id) };
});
