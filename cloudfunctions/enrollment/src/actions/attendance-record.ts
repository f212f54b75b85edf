import { conflict, defineAction, invalidState, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import { recordAttendanceInput, type AttendanceDoc } from '@kehou/shared/fees';
import { attendanceId, loadSheet } from './attendance-shared';

const STALE = '这一天的考勤刚刚在另一台设备上保存过，请刷新后再改';

/**
 * Saves the class teacher's attendance for a service day. One document per child and date (natural
 * key), each write conditional on the revision read, and the whole save on the sheet's revision the
 * teacher saw: of two devices saving different values, the second is told to refresh. The day's
 * records and their audit entry are one transaction: all saved or none. Sending the same values
 * again (a retry) changes nothing and is answered as saved.
 */
export const recordAttendance = defineAction({
  input: recordAttendanceInput,
  handler: async (ctx, input) => {
    const sheet = await loadSheet(ctx, input.classId, input.date);
    const onSheet = new Set(sheet.active.map((a) => a.studentId));
    for (const entry of input.entries) {
      if (!onSheet.has(entry.studentId)) throw invalidState('只能为这一天已参加课后服务的本班学生记录考勤');
      if (entry.attendedMinutes > sheet.scheduledMinutes) {
        throw invalidState(`参加时间不能超过当天的服务时间（${sheet.scheduledMinutes} 分钟）`);
      }
    }
    const changed = input.entries.filter((e) => sheet.records.get(e.studentId)?.attendedMinutes !== e.attendedMinutes);
    if (changed.length === 0) return { saved: 0, unchanged: input.entries.length, revision: sheet.revision };
    if ((input.revision ?? 0) !== sheet.revision) throw conflict(STALE);

    const revision = sheet.revision + 1;
    const openid = ctx.caller.requireSignedIn();
    const now = isoNow(ctx);
    await writeAudited(ctx, async (t) => {
      for (const entry of changed) {
        const id = attendanceId(entry.studentId, input.date);
        const existing = sheet.records.get(entry.studentId);
        const current = await txGet<AttendanceDoc>(t, 'attendance', id);
        if ((current?.revision ?? null) !== (existing?.revision ?? null)) throw conflict(STALE);
        if (existing) {
          await t.collection('attendance').doc(id).update({ data: { attendedMinutes: entry.attendedMinutes, recordedBy: openid, recordedAt: now, revision } });
          continue;
        }
        const doc: Omit<AttendanceDoc, '_id'> = {
          schoolId: sheet.classGroup.schoolId,
          classId: sheet.classGroup._id,
          termId: sheet.term._id,
          studentId: entry.studentId,
          date: input.date,
          attendedMinutes: entry.attendedMinutes,
          scheduledMinutes: sheet.scheduledMinutes,
          recordedBy: openid,
          recordedAt: now,
          revision,
        };
        await t.collection('attendance').doc(id).set({ data: { ...doc } });
      }
      const note = {
        targets: changed.map((e) => ({ collection: 'attendance' as const, id: attendanceId(e.studentId, input.date) })),
        summary: `${sheet.classGroup.name} ${input.date} 考勤：${changed.length} 人`,
      };
      return { result: undefined, note };
    });
    return { saved: changed.length, unchanged: input.entries.length - changed.length, revision };
  },
});
