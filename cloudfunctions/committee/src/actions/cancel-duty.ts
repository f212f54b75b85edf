import { chinaToday, implement, invalidState, updateAudited } from '@kehou/shared/cloud';
import { committeeContract } from '@kehou/shared/contracts';
import { ownDuty, toDutyView } from '../lib/duty';

/** The person who signed up withdraws before the day. */
export const cancelDuty = implement(committeeContract.actions.cancelDuty, async (ctx, input) => {
  ctx.caller.requireSignedIn();
  const doc = await ownDuty(ctx, input.schoolId, input.dutyId);
  if (doc.status === 'cancelled') return toDutyView(doc, ctx.caller.openid, false);
  if (doc.date <= chinaToday(ctx)) throw invalidState('值班当天及之后不能取消，请直接联系学校');
  await updateAudited(ctx, 'dutySignups', doc._id, { status: doc.status }, { status: 'cancelled', revision: ctx._.inc(1) }, `取消 ${doc.date} 家长值班`);
  return toDutyView({ ...doc, status: 'cancelled' }, ctx.caller.openid, false);
});
