import { AppError, conflict, implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { tellGuardians, writeFirstNotices } from '@kehou/shared/fees/server';
import { computePeriod } from '../lib/notices';

/**
 * Issues the period's notices (school admin): exactly the rows the preview showed, or nothing — a
 * digest that no longer matches (attendance, enrolment or a waiver changed since) is refused. One
 * notice per child and period: the id is the enrolment and the period key, so a repeated,
 * overlapping or concurrent call creates nothing twice. A period billed by attendance is issued
 * only once it has ended. Every confirmed guardian of a child with a new notice is told.
 */
export const issueNotices = implement(feesContract.actions.issueNotices, async (ctx, input) => {
  const { rows, period, preview } = await computePeriod(ctx, input.schoolId, input.termId, input.periodKey);
  if (preview.blocked) throw new AppError('POLICY_VIOLATION', preview.blocked);
  if (preview.digest !== input.digest) throw conflict('预览之后考勤、报名或减免有了变化，请重新预览，确认无误后再发出');
  const fresh = rows.filter((r) => r.state === 'new');
  const created = await writeFirstNotices(ctx, fresh, period);
  await tellGuardians(ctx, created, period);
  return {
    created: created.length,
    existing: rows.length - created.length,
    noticeIds: rows.map((r) => r.latest?._id ?? created.find((n) => n.applicationId === r.app._id)?._id ?? '').filter(Boolean),
  };
});
