import type { ApplicationDoc, ClassGroup, GuardianshipRecord } from '@kehou/shared';
import { addAudited, checkWrittenText, chinaToday, findById, getAll, implement, invalidState, isoNow } from '@kehou/shared/cloud';
import { servicedayContract } from '@kehou/shared/contracts';
import { currentPublication, getSchool } from '@kehou/shared/enrollment/server';
import { attendsOn, isActiveOn, isServiceDay, scheduleForStage } from '@kehou/shared/fees';
import { eachDay } from '@kehou/shared/policy';
import { isLateReport, type LeaveDoc, leaveDays, leaveIdOf, settingsOf } from '@kehou/shared/serviceday';
import { termOn } from '../lib/class-day';

/** A range of at most this many calendar days in one report (a month's illness). */
const MAX_DAYS = 31;

/**
 * A guardian reports that the child will not come on a day or a range of days, with a reason the
 * class teacher reads (content-checked before it is stored). Only the child's service days of the
 * range are recorded, in one document per report (`${studentId}:${from}:${to}`): a retry is the same
 * document, and an overlapping report leaves the days already reported as they were. A day reported
 * on that very day after the school's cut-off is still recorded, marked late. About 14 round trips
 * whatever the length of the range.
 */
export const reportLeave = implement(servicedayContract.actions.reportLeave, async (ctx, input, { doc: student }) => {
  const openid = ctx.caller.requireSignedIn();
  const to = input.to ?? input.from;
  const range = eachDay(input.from, to);
  if (range.length > MAX_DAYS) throw invalidState(`一次最多请 ${MAX_DAYS} 天的假`);
  if (input.from < chinaToday(ctx)) throw invalidState('不能为已经过去的日子请假');
  const term = await termOn(ctx, student.schoolId, input.from);
  if (!term) throw invalidState(`${input.from} 不在学期内，没有课后服务`);
  if (to > term.endDate) throw invalidState(`请假日期须在本学期内（${term.endDate} 学期结束）`);
  const [classGroup, school, publication, app, guardianship] = await Promise.all([
    findById<ClassGroup>(ctx, 'classes', student.classId),
    getSchool(ctx, student.schoolId),
    currentPublication(ctx, student.schoolId, term._id),
    findById<ApplicationDoc>(ctx, 'applications', `${student._id}:${term._id}`),
    findById<GuardianshipRecord>(ctx, 'guardianships', `${student._id}:${openid}`),
  ]);
  const schedule = classGroup && publication ? scheduleForStage(publication.content, classGroup.stage) : null;
  if (!classGroup || !school || !publication || !schedule || !app) throw invalidState('孩子本学期没有参加课后服务，不需要请假');
  const days = range.filter((date) => isServiceDay(schedule, term, date) && isActiveOn(app, term, date) && attendsOn(app, publication.content.items, date));
  if (days.length === 0) throw invalidState('所选日期孩子没有课后服务，不需要请假');

  // Reports already covering days of the range (a retry of this very report among them).
  const overlapping = await getAll<LeaveDoc>(ctx.collection('leaves').where({ studentId: student._id, dates: ctx._.in(days) }));
  const before = leaveDays(overlapping);
  const fresh = days.filter((d) => !before.has(d));
  const answer = (docs: LeaveDoc[], late: number) => {
    const onLeave = leaveDays(docs);
    return {
      studentId: student._id,
      days: days.filter((d) => onLeave.has(d)).map((d) => onLeave.get(d)!),
      alreadyReported: days.filter((d) => before.has(d)).length,
      late,
    };
  };
  if (fresh.length === 0) return answer(overlapping, 0);

  await checkWrittenText(ctx, [{ label: '请假原因', text: input.reason }]);
  const now = ctx.now();
  const settings = settingsOf(school);
  const doc: LeaveDoc = {
    _id: leaveIdOf(student._id, input.from, to),
    studentId: student._id,
    studentName: student.name,
    schoolId: student.schoolId,
    classId: student.classId,
    termId: term._id,
    from: input.from,
    to,
    dates: fresh,
    lateDates: fresh.filter((date) => isLateReport(settings, date, now)),
    reason: input.reason,
    reportedBy: openid,
    reportedByName: guardianship?.guardianName ?? ctx.caller.user?.name ?? '',
    reportedAt: isoNow(ctx),
  };
  const late = doc.lateDates.length;
  const summary = `${student.name} 请假 ${fresh.length} 天（${fresh.join('、')}）${late ? `，其中 ${late} 天逾期报告` : ''}`;
  // One document and its audit entry, whatever the length of the range; the same report sent twice at once: the first stands.
  if (!(await addAudited(ctx, 'leaves', doc, summary))) {
    return answer(await getAll<LeaveDoc>(ctx.collection('leaves').where({ studentId: student._id, dates: ctx._.in(days) })), 0);
  }
  return answer([...overlapping, doc], late);
});
