import { implement } from '@kehou/shared/cloud';
import { servicedayContract } from '@kehou/shared/contracts';
import { isPastFlagTime, toHandoverView, toShiftView } from '@kehou/shared/serviceday';
import { aloneAllowed, loadClassDay, pickersOf } from '../lib/class-day';

/**
 * 放学交接表: the children expected on the day, each with the leave reported, the adults of the
 * pick-up arrangement to choose from, whether going home alone may be offered (signed permit on
 * file) and the hand-over recorded so far; and the day's shift hand-overs.
 */
export const getGateSheet = implement(servicedayContract.actions.getGateSheet, async (ctx, input, { doc: classGroup }) => {
  const day = await loadClassDay(ctx, classGroup, input.date, { shifts: true });
  const overdue = isPastFlagTime(day.flagAfter, input.date, ctx.now());
  const rows = day.children.map((app) => {
    const leave = day.leaves.get(app.studentId);
    const handover = day.handovers.get(app.studentId);
    return {
      studentId: app.studentId,
      studentName: app.studentName,
      studentNo: day.students.get(app.studentId)?.studentNo ?? '',
      leave: leave ? { reason: leave.reason, late: leave.late } : null,
      pickers: pickersOf(app).map((p, index) => ({ index, name: p.name, relation: p.relation, phone: p.phone })),
      aloneAllowed: aloneAllowed(app),
      handover: handover ? toHandoverView(handover) : null,
      overdue: overdue && (handover ? handover.kind === 'waiting' : !leave),
      revision: handover?.revision ?? 0,
    };
  });
  const kinds = rows.map((r) => r.handover?.kind);
  const onLeave = rows.filter((r) => r.leave && !r.handover).length;
  return {
    classId: classGroup._id,
    className: classGroup.name,
    date: input.date,
    start: day.schedule.start,
    end: day.end,
    flagAfter: day.flagAfter,
    overdue,
    rows,
    counts: {
      expected: rows.length - onLeave,
      onLeave,
      handed: kinds.filter((k) => k === 'picker').length,
      alone: kinds.filter((k) => k === 'alone').length,
      waiting: kinds.filter((k) => k === 'waiting').length,
      notYet: rows.filter((r) => !r.handover && !r.leave).length,
    },
    shifts: day.shifts.map(toShiftView),
  };
});
