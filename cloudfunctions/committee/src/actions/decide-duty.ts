import { AppError, findById, implement, invalidState, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import type { DutyDoc, DutyStatus } from '@kehou/shared/committee';
import { committeeContract } from '@kehou/shared/contracts';
import { toDutyView } from '../lib/duty';
import { releasePlace } from '../lib/duty-places';

/** The school confirms a sign-up (or says it cannot take the person that day, which frees the place). */
export const decideDuty = implement(committeeContract.actions.decideDuty, async (ctx, input) => {
  const doc = await findById<DutyDoc>(ctx, 'dutySignups', input.dutyId);
  if (!doc || doc.schoolId !== input.schoolId) throw new AppError('NOT_FOUND', '没有找到本校的这次值班报名');
  const status: DutyStatus = input.decision === 'confirm' ? 'confirmed' : 'declined';
  if (doc.status === status) return toDutyView(doc, ctx.caller.openid, false);
  if (doc.status !== 'pending') throw invalidState(`这次报名${doc.status === 'cancelled' ? '已被取消' : '已经处理过'}`);
  const decidedAt = isoNow(ctx);
  const decided = await writeAudited(ctx, async (t) => {
    const current = await txGet<DutyDoc>(t, 'dutySignups', doc._id);
    if (current?.status !== 'pending') throw invalidState('这次报名刚刚有了变化，请刷新');
    await t
      .collection('dutySignups')
      .doc(doc._id)
      .update({ data: { status, decidedAt, revision: current.revision + 1 } });
    if (status === 'declined') await releasePlace(t, current);
    return {
      result: { ...current, status, decidedAt },
      note: { targets: [{ collection: 'dutySignups', id: doc._id }], summary: `${status === 'confirmed' ? '确认' : '不安排'} ${doc.date} 家长值班` },
    };
  });
  return toDutyView(decided, ctx.caller.openid, false);
});
