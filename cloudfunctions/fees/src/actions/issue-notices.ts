import { AppError, conflict, implement, isoNow, type ActionContext } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { billingRunIdOf, type BillingRunDoc, type FeeNoticeDoc } from '@kehou/shared/fees';
import { tellGuardians, writeFirstNotice } from '@kehou/shared/fees/server';
import type { BillingPeriod } from '@kehou/shared/policy';
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
    const created: FeeNoticeDoc[] = [];
    let existing = rows.filter((r) => r.state !== 'new').length;
    for (const row of rows.filter((r) => r.state === 'new')) {
      const notice = await writeFirstNotice(ctx, row, period);
      if (notice) created.push(notice);
      else existing += 1; // issued at the same moment by another call
    }
    if (created.length) {
      await recordBillingRun(ctx, input.schoolId, input.termId, period, created.length);
      await ctx.audit(
        created.map((n) => ({ collection: 'feeNotices' as const, id: n._id })),
        `发出收费通知 ${created.length} 份（${period.label}）`,
      );
      await tellGuardians(ctx, created, period);
    }
    return { created: created.length, existing, noticeIds: rows.map((r) => r.latest?._id ?? created.find((n) => n.applicationId === r.app._id)?._id ?? '').filter(Boolean) };
});

/** Marks the period as issued (the attendance of its days is frozen for billing from now on). */
async function recordBillingRun(ctx: ActionContext, schoolId: string, termId: string, period: BillingPeriod, count: number) {
  const id = billingRunIdOf(schoolId, termId, period.key);
  const now = isoNow(ctx);
  const openid = ctx.caller.openid ?? '';
  const { stats } = await ctx.collection('feeBillingRuns').where({ _id: id }).update({ data: { notices: ctx._.inc(count), lastIssuedAt: now, lastIssuedBy: openid } });
  if (stats.updated === 1) return;
  const run: BillingRunDoc = { _id: id, schoolId, termId, periodKey: period.key, period: { from: period.from, to: period.to }, firstIssuedAt: now, lastIssuedAt: now, lastIssuedBy: openid, notices: count };
  try {
    await ctx.collection('feeBillingRuns').add({ data: { ...run } });
  } catch {
    // Another call created it a moment ago: count these notices on it.
    await ctx.collection('feeBillingRuns').where({ _id: id }).update({ data: { notices: ctx._.inc(count), lastIssuedAt: now, lastIssuedBy: openid } });
  }
}
