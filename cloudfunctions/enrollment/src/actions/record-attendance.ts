import { AppError, asData, conflict, implement, invalidState, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import type { AttendanceCorrection, AttendanceDoc } from '@kehou/shared/fees';
import { attendanceId, loadSheet } from '../lib/attendance';

const STALE = '这一天的考勤刚刚在另一台设备上保存过，请刷新后再改';

/**
 * Saves the class teacher's attendance for a service day, all or nothing: the day is one document
 * (every child's minutes), written in one conditional write on the revision the teacher saw, so a
 * save that answers "conflict" has written nothing. Sending the same values again (a retry)
 * changes nothing and is answered as saved. Once the day's billing period has been issued, a
 * change needs a reason and is kept as a correction (who, when, why, what); the issued notices
 * keep the minutes they were computed from.
 */
export const recordAttendance = implement(enrollmentContract.actions.recordAttendance, async (ctx, input, { doc: classGroup }) => {
  const sheet = await loadSheet(ctx, classGroup, input.date);
  const onSheet = new Set(sheet.active.map((a) => a.studentId));
  for (const entry of input.entries) {
    if (!onSheet.has(entry.studentId)) throw invalidState('只能为这一天参加课后服务的本班学生记录考勤');
    if (entry.attendedMinutes > sheet.scheduledMinutes) {
      throw invalidState(`参加时间不能超过当天的服务时间（${sheet.scheduledMinutes} 分钟）`);
    }
  }
  const changed = input.entries.filter((e) => sheet.minutes.get(e.studentId) !== e.attendedMinutes);
  const revision = sheet.day?.revision ?? 0;
  if (changed.length === 0) return { saved: 0, unchanged: input.entries.length, revision };
  if ((input.revision ?? 0) !== revision) throw conflict(STALE);
  if (sheet.billed && !input.reason) {
    throw new AppError('INVALID_INPUT', `这一天所在的${sheet.billed.label}已发出收费通知：修改考勤请写明原因，作为更正记录（已发出的通知不会因此改变）`);
  }

  const openid = ctx.caller.requireSignedIn();
  const now = isoNow(ctx);
  const merged = new Map(sheet.minutes);
  for (const entry of input.entries) merged.set(entry.studentId, entry.attendedMinutes);
  const entries = [...merged].map(([studentId, attendedMinutes]) => ({ studentId, attendedMinutes }));
  const correction: AttendanceCorrection | null = sheet.billed
    ? {
        at: now,
        by: openid,
        byName: ctx.caller.user?.name ?? '',
        reason: input.reason!,
        changes: changed.map((e) => ({ studentId: e.studentId, from: sheet.minutes.get(e.studentId) ?? null, to: e.attendedMinutes })),
      }
    : null;
  const id = attendanceId(sheet.classGroup._id, input.date);
  const summary = `${sheet.classGroup.name} ${input.date} 考勤：${changed.length} 人${correction ? `（收费后更正：${correction.reason}）` : ''}`;
  // The whole day and its audit entry in one transaction, on the revision the teacher saw.
  await writeAudited(ctx, async (t) => {
    const current = await txGet<AttendanceDoc>(t, 'attendance', id);
    if ((current?.revision ?? 0) !== revision) throw conflict(STALE);
    if (current) {
      await t
        .collection('attendance')
        .doc(id)
        .update({
          data: {
            entries: ctx._.set(entries),
            recordedBy: openid,
            recordedAt: now,
            revision: revision + 1,
            ...(correction ? { corrections: ctx._.set([...(current.corrections ?? []), correction]) } : {}),
          },
        });
      return { result: undefined, note: { targets: [{ collection: 'attendance' as const, id }], summary } };
    }
    const doc: Omit<AttendanceDoc, '_id'> = {
      schoolId: sheet.classGroup.schoolId,
      classId: sheet.classGroup._id,
      termId: sheet.term._id,
      date: input.date,
      scheduledMinutes: sheet.scheduledMinutes,
      entries,
      recordedBy: openid,
      recordedAt: now,
      revision: 1,
      ...(correction ? { corrections: [correction] } : {}),
    };
    await t
      .collection('attendance')
      .doc(id)
      .set({ data: asData(doc) });
    return { result: undefined, note: { targets: [{ collection: 'attendance' as const, id }], summary } };
  });
  return { saved: changed.length, unchanged: input.entries.length - changed.length, revision: revision + 1 };
});
