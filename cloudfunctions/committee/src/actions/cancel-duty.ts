import { chinaToday, implement, invalidState, txGet, writeAudited } from '@kehou/shared/cloud';
import type { DutyDoc } from '@kehou/shared/committee';
import { committeeContract } from '@kehou/shared/contracts';
import { ownDuty, toDutyView } from '../lib/duty';
import { releasePlace } from '../lib/duty-places';

/** The person who signed up withdraws before the day; the place is free again (in the same transaction). */
export const cancelDuty = implement(committeeContract.actions.cancelDuty, async (ctx, input) => {
  ctx.caller.requireSignedIn();
  const doc = await ownDuty(ctx, input.schoolId, input.dutyId);
  if (doc.status === 'cancelled') return toDutyView(doc, ctx.caller.openid, false);
  if (doc.date <= chinaToday(ctx)) throw invalidState('值班当天及之后不能取消，请直接联系学校');
  const cancelled = await writeAudited(ctx, async (t) => {
    const current = await txGet<DutyDoc>(t, 'dutySignups', doc._id);
    if (!current || current.status === 'cancelled') return { result: current ?? doc, note: null };
    await t
      .collection('dutySignups')
      .doc(doc._id)
      .update({ data: { status: 'cancelled', revision: current.revision + 1 } });
    if (current.status !== 'declined') await releasePlace(t, current);
    return {
      result: { ...current, status: 'cancelled' as const },
      note: { targets: [{ collection: 'dutySignups', id: doc._id }], summary: `取消 ${doc.date} 家长值班` },
    };
  });
  return toDutyView(cancelled, ctx.caller.openid, false);
});
