import { conflict, implement, loadJob } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { type FeeNoticeDoc, sameAmounts } from '@kehou/shared/fees';
import { supersedeNotice, tellGuardians } from '@kehou/shared/fees/server';
import { computePeriod } from '../lib/notices';
import { previewDigestOf, previewIdOf, previewRowsIn } from '../lib/preview';

/**
 * Corrects an issued period (school admin): for every child whose bill changed since its notice
 * (attendance corrected, hardship declared late, a withdrawal reaching back), a correction notice
 * supersedes the old one; the old one never changes. The family owes, or gets back, only the
 * difference. Exactly the previewed rows (the preview's digest, and each changed row computing as
 * it was shown), or nothing.
 */
export const issueCorrections = implement(feesContract.actions.issueCorrections, async (ctx, input) => {
  const { rows, period } = await computePeriod(ctx, input.schoolId, input.termId, input.periodKey);
  const preview = await loadJob(ctx, previewIdOf(input.schoolId, input.termId, period.key));
  const stale = () => conflict('预览之后考勤、报名或减免有了变化，请重新预览，确认无误后再更正');
  if (!preview || preview.state !== 'done' || previewDigestOf(preview) !== input.digest) throw stale();
  const shown = new Map((await previewRowsIn(ctx, preview, 'changed')).map((r) => [r.applicationId, r]));
  const changed = rows.filter((r) => r.state === 'changed' && r.latest);
  if (changed.length !== shown.size || changed.some((r) => !shown.has(r.app._id) || !sameAmounts(shown.get(r.app._id)!, r.amounts))) throw stale();
  const corrected: FeeNoticeDoc[] = [];
  for (const row of changed) {
    corrected.push(await supersedeNotice(ctx, row.latest!, row, period, input.reason));
  }
  await tellGuardians(ctx, corrected, period);
  return { corrected: corrected.length, noticeIds: corrected.map((n) => n._id) };
});
