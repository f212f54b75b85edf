import { checkWrittenText, chinaToday, implement, invalidState, isoNow, updateAudited } from '@kehou/shared/cloud';
import { committeeContract } from '@kehou/shared/contracts';
import { ownDuty, toDutyView } from '../lib/duty';

/** After (or at the end of) the day, the parent on duty writes what they saw, for the committee. */
export const writeDutyNote = implement(committeeContract.actions.writeDutyNote, async (ctx, input) => {
  ctx.caller.requireSignedIn();
  const doc = await ownDuty(ctx, input.schoolId, input.dutyId);
  if (doc.status !== 'confirmed') throw invalidState('只有学校确认的值班可以写值班记录');
  if (doc.date > chinaToday(ctx)) throw invalidState('值班当天起才能写值班记录');
  await checkWrittenText(ctx, [{ label: '值班记录', text: input.text }]);
  const note = { text: input.text, at: isoNow(ctx) };
  await updateAudited(ctx, 'dutySignups', doc._id, { status: 'confirmed' }, { note: ctx._.set(note), revision: ctx._.inc(1) }, `写 ${doc.date} 值班记录`);
  return toDutyView({ ...doc, note }, ctx.caller.openid, true);
});
