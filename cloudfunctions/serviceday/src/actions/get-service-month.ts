import type { ApplicationDoc, ClassGroup, Term } from '@kehou/shared';
import { chinaToday, findById, getAll, implement } from '@kehou/shared/cloud';
import { servicedayContract } from '@kehou/shared/contracts';
import { currentPublication } from '@kehou/shared/enrollment/server';
import { type AttendanceDoc, attendsOn, isActiveOn, isServiceDay, scheduleForStage, serviceMinutes } from '@kehou/shared/fees';
import { eachDay } from '@kehou/shared/policy';
import { type HandoverDoc, type LeaveDoc, leaveDays, type ServiceDayRow, toHandoverView } from '@kehou/shared/serviceday';

const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * 本月服务: the child's service days of a month with the minutes the class teacher recorded, the
 * leave reported and how the child went home: the facts the fee rests on. For the child's
 * guardians, the class teacher and the school's admins (the router checked), never anyone else.
 * A handful of round trips whatever the size of the school.
 */
export const getServiceMonth = implement(servicedayContract.actions.getServiceMonth, async (ctx, input, { doc: student }) => {
  const from = `${input.month}-01`;
  const to = lastDayOf(input.month);
  const inMonth = ctx._.gte(from).lte(to);
  const [terms, classGroup, attendance, leaves, handovers] = await Promise.all([
    getAll<Term>(ctx.collection('terms').where({ schoolId: student.schoolId })),
    findById<ClassGroup>(ctx, 'classes', student.classId),
    getAll<AttendanceDoc>(ctx.collection('attendance').where({ classId: student.classId, date: inMonth })),
    getAll<LeaveDoc>(ctx.collection('leaves').where({ studentId: student._id, from: ctx._.lte(to), to: ctx._.gte(from) })),
    getAll<HandoverDoc>(ctx.collection('handovers').where({ studentId: student._id, date: inMonth })),
  ]);
  const minutes = new Map<string, number>();
  for (const day of attendance) {
    const entry = day.entries.find((e) => e.studentId === student._id);
    if (entry) minutes.set(day.date, entry.attendedMinutes);
  }
  const leaveOn = leaveDays(leaves);
  const handoverOn = new Map(handovers.map((h) => [h.date, h]));
  const days: ServiceDayRow[] = [];
  for (const term of terms.filter((t) => t.startDate <= to && from <= t.endDate)) {
    const [publication, app] = await Promise.all([
      currentPublication(ctx, student.schoolId, term._id),
      findById<ApplicationDoc>(ctx, 'applications', `${student._id}:${term._id}`),
    ]);
    const schedule = publication && classGroup ? scheduleForStage(publication.content, classGroup.stage) : null;
    if (!publication || !schedule || !app) continue;
    for (const date of eachDay(from, to)) {
      if (!isServiceDay(schedule, term, date) || !isActiveOn(app, term, date) || !attendsOn(app, publication.content.items, date)) continue;
      const leave = leaveOn.get(date);
      const handover = handoverOn.get(date);
      days.push({
        date,
        scheduledMinutes: serviceMinutes(schedule, date),
        attendedMinutes: minutes.get(date) ?? null,
        leave: leave ?? null,
        handover: handover ? toHandoverView(handover) : null,
      });
    }
  }
  const recorded = days.filter((d) => d.attendedMinutes !== null);
  return {
    today: chinaToday(ctx),
    studentId: student._id,
    studentName: student.name,
    month: input.month,
    days,
    totals: {
      serviceDays: days.length,
      recordedDays: recorded.length,
      attendedDays: recorded.filter((d) => (d.attendedMinutes ?? 0) > 0).length,
      attendedMinutes: recorded.reduce((sum, d) => sum + (d.attendedMinutes ?? 0), 0),
      leaveDays: days.filter((d) => d.leave).length,
    },
  };
});
