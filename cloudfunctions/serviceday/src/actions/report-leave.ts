import type { ApplicationDoc, ClassGroup, GuardianshipRecord } from '@kehou/shared';
import { asData, checkWrittenText, chinaToday, findById, getAll, implement, invalidState, isoNow, txGet, writeAudited } from '@kehou/shared/cloud';
import { servicedayContract } from '@kehou/shared/contracts';
import { currentPublication, getSchool } from '@kehou/shared/enrollment/server';
import { attendsOn, isActiveOn, isServiceDay, scheduleForStage } from '@kehou/shared/fees';
import { eachDay } from '@kehou/shared/policy';
import { isLateReport, type LeaveDoc, leaveIdOf, settingsOf, toLeaveView } from '@kehou/shared/serviceday';
import { termOn } from '../lib/class-day';

const MAX_DAYS = 31;

/**
 * A guardian reports that the child will not come on a day or a range of days, with a reason the
 * class teacher reads (content-checked before it is stored). Only the child's service days of the
 * range are recorded, one document per day (`${studentId}:${date}`): a retry or an overlapping
 * report leaves the days already reported as they were. A day reported on that very day after the
 * school's cut-off is still recorded, marked late. All days and the audit entry in one transaction.
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

  const existing = await getAll<LeaveDoc>(ctx.collection('leaves').where({ studentId: student._id, date: ctx._.in(days) }));
  const reported = new Set(existing.map((l) => l.date));
  const fresh = days.filter((d) => !reported.has(d));
  const answer = (docs: LeaveDoc[]) => ({
    studentId: student._id,
    days: docs.sort((a, b) => a.date.localeCompare(b.date)).map(toLeaveView),
    alreadyReported: existing.length,
    late: docs.filter((d) => !reported.has(d.date) && d.late).length,
  });
  if (fresh.length === 0) return answer(existing);

  await checkWrittenText(ctx, [{ label: '请假原因', text: input.reason }]);
  const now = ctx.now();
  const settings = settingsOf(school);
  const docs: LeaveDoc[] = fresh.map((date) => ({
    _id: leaveIdOf(student._id, date),
    studentId: student._id,
    studentName: student.name,
    schoolId: student.schoolId,
    classId: student.classId,
    termId: term._id,
    date,
    reason: input.reason,
    late: isLateReport(settings, date, now),
    reportedBy: openid,
    reportedByName: guardianship?.guardianName ?? ctx.caller.user?.name ?? '',
    reportedAt: isoNow(ctx),
  }));
  const written = await writeAudited(ctx, async (t) => {
    const added: LeaveDoc[] = [];
    for (const doc of docs) {
      if (await txGet(t, 'leaves', doc._id)) continue;
      const { _id, ...data } = doc;
      await t
        .collection('leaves')
        .doc(_id)
        .set({ data: asData(data) });
      added.push(doc);
    }
    const late = added.filter((d) => d.late).length;
    const summary = `${student.name} 请假 ${added.length} 天（${added.map((d) => d.date).join('、')}）${late ? `，其中 ${late} 天逾期报告` : ''}`;
    return { result: added, note: added.length ? { targets: added.map((d) => ({ collection: 'leaves' as const, id: d._id })), summary } : null };
  });
  // Days someone else reported at the same moment are in `existing` terms: read them back.
  const writtenIds = new Set(written.map((d) => d._id));
  const others =
    written.length === docs.length
      ? []
      : await getAll<LeaveDoc>(ctx.collection('leaves').where({ _id: ctx._.in(docs.filter((d) => !writtenIds.has(d._id)).map((d) => d._id)) }));
  return answer([...existing, ...written, ...others]);
});
