import { AppError, findById, implement, invalidState, isoNow, updateAudited } from '@kehou/shared/cloud';
import type { DutyDoc } from '@kehou/shared/committee';
import { committeeContract } from '@kehou/shared/contracts';
import { toDutyView } from '../lib/duty';

/** The school confirms a sign-up (or says it cannot take the person that day). */
export const decideDuty = implement(committeeContract.actions.decideDuty, async (ctx, input) => {
  const doc = await findById<DutyDoc>(ctx, 'dutySignups', input.dutyId);
  if (!doc || doc.schoolId !== input.schoolId) throw new AppError('NOT_FOUND', '没有找到本校的这次值班报名');
  const status = input.decision === 'confirm' ? 'confirmed' : 'declined';
  if (doc.status === status) return toDutyView(doc, ctx.caller.openid, false);
  if (doc.status !== 'pending') throw invalidState(`这次报名${doc.status === 'cancelled' ? '已被取消' : '已经处理过'}`);
  const decidedAt = isoNow(ctx);
  const done = await updateAudited(
    ctx,
    'dutySignups',
    doc._id,
    { status: 'pending' },
    { status, decidedAt, revision: ctx._.inc(1) },
    `${status === 'confirmed' ? '确认' : '不安排'} ${doc.date} 家长值班`,
  );
  if (!done) throw invalidState('这次报名刚刚有了变化，请刷新');
  return toDutyView({ ...doc, status, decidedAt }, ctx.caller.openid, false);
});
