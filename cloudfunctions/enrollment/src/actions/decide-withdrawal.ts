import type { ApplicationDoc, Publication } from '@kehou/shared';
import { findById, implement, invalidState, isoNow } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { leaveClubs, loadApplication, moveApplication, notifyStatus } from '@kehou/shared/enrollment/server';
import { settleWithdrawalFees, tellGuardians } from '@kehou/shared/fees/server';
import { billingPeriodLabel } from '@kehou/shared/policy';

/**
 * The school approves a withdrawal (the child's club places free at once and go to the first on
 * each waiting list, who is told; the money is settled by the profile: a billed period reaching
 * the effective date is corrected, see fees/server/settle-withdrawal.ts) or declines it (the
 * application is as it was).
 */
export const decideWithdrawal = implement(enrollmentContract.actions.decideWithdrawal, async (ctx, input, { doc: app }) => {
  if (app.status !== 'withdrawal-requested' || !app.withdrawal) throw invalidState('没有待审批的退出申请');
  const decided = { ...app.withdrawal, decidedAt: isoNow(ctx), note: input.note ?? '' };
  if (input.decision === 'reject') {
    const updated = await moveApplication(ctx, app, 'reject-withdrawal', {
      facts: { statusBeforeWithdrawal: app.withdrawal.previousStatus },
      set: { withdrawal: { ...decided, decision: 'rejected' } },
      note: input.note || '学校未批准退出申请',
    });
    await notifyStatus(ctx, updated, input.note ? `未批准退出：${input.note}` : '学校未批准退出申请');
    return { applicationId: updated._id, status: updated.status, promoted: [], settlement: null };
  }
  const updated = await moveApplication(ctx, app, 'approve-withdrawal', {
    set: { withdrawal: { ...decided, decision: 'approved' } },
    note: `自 ${app.withdrawal.effectiveDate} 起退出`,
  });
  await notifyStatus(ctx, updated, `已批准自${app.withdrawal.effectiveDate}起退出`);

  const freed = await leaveClubs(ctx, updated);
  const publication = await findById<Publication>(ctx, 'publications', updated.publicationId);
  const promoted: string[] = [];
  for (const { itemId, promoted: places } of freed) {
    const name = publication?.content.items.find((i) => i.id === itemId)?.name ?? '社团';
    for (const place of places) {
      const other: ApplicationDoc | null = await loadApplication(ctx, place.applicationId);
      if (!other) continue;
      promoted.push(other._id);
      await ctx.audit([{ collection: 'applications', id: other._id }], `${name}候补递补`);
      await notifyStatus(ctx, other, `${name}有空余名额，已为孩子递补`);
    }
  }
  const { view: settlement, corrections } = await settleWithdrawalFees(ctx, updated, app.withdrawal.effectiveDate);
  for (const notice of corrections) await tellGuardians(ctx, [notice], { label: billingPeriodLabel(notice.periodKey) });
  return { applicationId: updated._id, status: updated.status, promoted, settlement };
});
