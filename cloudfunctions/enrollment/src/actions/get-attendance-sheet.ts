import { implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { loadSheet } from '../lib/attendance';

/**
 * 考勤表: the class teacher's children on the day, each with the saved minutes; until the day is
 * saved, full attendance, or none for a child whose parent reported leave (pre-filled, with the reason).
 */
export const getAttendanceSheet = implement(enrollmentContract.actions.getAttendanceSheet, async (ctx, input, { doc: classGroup }) => {
  const sheet = await loadSheet(ctx, classGroup, input.date);
  return {
    classId: sheet.classGroup._id,
    className: sheet.classGroup.name,
    date: input.date,
    termId: sheet.term._id,
    start: sheet.schedule.start,
    end: sheet.schedule.end,
    scheduledMinutes: sheet.scheduledMinutes,
    revision: sheet.day?.revision ?? 0,
    billed: sheet.billed ? { periodLabel: sheet.billed.label } : null,
    corrections: (sheet.day?.corrections ?? []).map((c) => ({ at: c.at, byName: c.byName, reason: c.reason, changed: c.changes.length })),
    rows: sheet.active.map((app) => {
      const saved = sheet.minutes.get(app.studentId);
      const leave = sheet.leaves.get(app.studentId);
      return {
        studentId: app.studentId,
        studentName: app.studentName,
        studentNo: sheet.students.get(app.studentId)?.studentNo ?? '',
        attendedMinutes: saved ?? (leave ? 0 : sheet.scheduledMinutes),
        recorded: saved !== undefined,
        leave: leave ? { reason: leave.reason, late: leave.late, reportedByName: leave.reportedByName } : null,
      };
    }),
  };
});
