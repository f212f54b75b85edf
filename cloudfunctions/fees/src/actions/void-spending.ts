import { AppError, findById, implement, invalidState, isoNow, updateAudited } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import type { SpendingDoc } from '@kehou/shared/fees';
import { spendingRow } from '../lib/spending';

/** A wrong spending entry is voided with a reason (school admin); it stays in the record. */
export const voidSpending = implement(feesContract.actions.voidSpending, async (ctx, input) => {
  const doc = await findById<SpendingDoc>(ctx, 'spending', input.spendingId);
  if (!doc || doc.schoolId !== input.schoolId) throw new AppError('NOT_FOUND', '没有找到这条开支记录');
  if (doc.voided) throw invalidState('这条开支记录已经作废');
  const voided = { at: isoNow(ctx), by: ctx.caller.openid ?? '', reason: input.reason };
  if (!(await updateAudited(ctx, 'spending', doc._id, { voided: undefined }, { voided }, `作废开支：${input.reason}`)))
    throw invalidState('这条开支记录已经作废');
  return spendingRow({ ...doc, voided });
});
