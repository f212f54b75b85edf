import { defineAction } from '@kehou/shared/cloud';
import { attendanceSheetInput, type AttendanceSheet } from '@kehou/shared/fees';
import { loadSheet } from './attendance-shared';

/** 考勤表: the class teacher's children active on the date, each with the saved record or full attendance. */
export const attendanceSheet = defineAction({
  input: attendanceSheetInput,
  handler: async (ctx, input): Promise<AttendanceSheet> => {
    const sheet = await loadSheet(ctx, input.classId, input.date);
    return {
      classId: sheet.classGroup._id,
      className: sheet.classGroup.name,
      date: input.date,
      termId: sheet.term._id,
      start: sheet.schedule.start,
      end: sheet.schedule.end,
      scheduledMinutes: sheet.scheduledMinutes,
      revision: sheet.revision,
      rows: sheet.active.map((app) => {
        const record = sheet.records.get(app.studentId);
        return {
          studentId: app.studentId,
          studentName: app.studentName,
          studentNo: sheet.students.get(app.studentId)?.studentNo ?? '',
          attendedMinutes: record ? record.attendedMinutes : sheet.scheduledMinutes,
          recorded: !!record,
        };
      }),
    };
  },
});
