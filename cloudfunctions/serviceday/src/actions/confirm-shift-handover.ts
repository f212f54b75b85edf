import { asData, chinaToday, implement, invalidState, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import { servicedayContract } from '@kehou/shared/contracts';
import { type ShiftHandoverDoc, toShiftView } from '@kehou/shared/serviceday';
import { loadClassDay, presentChildren } from '../lib/class-day';

/**
 * 交接班 (001 §六3): when supervision passes from one activity's teacher to the next, the receiving
 * teacher counts the children and confirms the number. The children who should be there are those
 * expected today, not on leave and not yet handed over; a different count is a mismatch, flagged to
 * the school's admin. Each confirmation is kept (`${classId}:${date}:${n}`), in order.
 */
export const confirmShiftHandover = implement(servicedayContract.actions.confirmShiftHandover, async (ctx, input, { doc: classGroup }) => {
  if (input.date !== chinaToday(ctx)) throw invalidState('只能确认今天的交接班');
  const day = await loadClassDay(ctx, classGroup, input.date, { shifts: true });
  const expected = presentChildren(day).length;
  const openid = ctx.caller.requireSignedIn();
  // A retry (the same shift, count and teacher as the last one) answers with the first.
  const last = day.shifts.at(-1);
  if (last && last.by === openid && last.fromActivity === input.fromActivity && last.toActivity === input.toActivity && last.counted === input.headCount) {
    return toShiftView(last);
  }
  const n = day.shifts.length + 1;
  const doc: ShiftHandoverDoc = {
    _id: `${classGroup._id}:${input.date}:${n}`,
    schoolId: classGroup.schoolId,
    classId: classGroup._id,
    className: classGroup.name,
    date: input.date,
    fromActivity: input.fromActivity,
    toActivity: input.toActivity,
    expected,
    counted: input.headCount,
    mismatch: expected !== input.headCount,
    note: input.note ?? '',
    by: openid,
    byName: ctx.caller.user?.name ?? '',
    at: isoNow(ctx),
  };
  await writeAudited(ctx, async (t) => {
    // Two confirmations at once: the second finds the number taken and is told to refresh.
    if (await txGet(t, 'shiftHandovers', doc._id)) throw invalidState('刚刚有人确认了一次交接班，请刷新后再确认');
    const { _id, ...data } = doc;
    await t
      .collection('shiftHandovers')
      .doc(_id)
      .set({ data: asData(data) });
    const summary = `${classGroup.name} 交接班 ${doc.fromActivity}→${doc.toActivity}：清点 ${doc.counted} 人，应到 ${expected} 人${doc.mismatch ? '（人数不符）' : ''}`;
    return { result: undefined, note: { targets: [{ collection: 'shiftHandovers' as const, id: _id }], summary } };
  });
  return toShiftView(doc);
});
