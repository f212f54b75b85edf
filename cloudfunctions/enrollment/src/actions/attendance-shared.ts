import { AppError, chinaToday, getAll, invalidState, type ActionContext } from '@kehou/shared/cloud';
import { WEEKDAY_LABELS, type ApplicationDoc, type ClassGroup, type StageSchedule, type Student, type Term } from '@kehou/shared';
import { isActiveOn, isServiceDay, scheduleForStage, serviceMinutes, type AttendanceDoc } from '@kehou/shared/fees';
import { currentPublication, getClass } from '@kehou/shared/enrollment/server';

/** Everything an attendance action needs about one class on one service day. */
export interface SheetContext {
  classGroup: ClassGroup;
  term: Term;
  schedule: StageSchedule;
  scheduledMinutes: number;
  /** Applications active on the date (the children on the sheet), by name. */
  active: ApplicationDoc[];
  students: Map<string, Student>;
  /** Saved records of the day, by student. */
  records: Map<string, AttendanceDoc>;
  revision: number;
}

export const attendanceId = (studentId: string, date: string) => `${studentId}:${date}`;

/**
 * The class teacher's sheet for a date: only the teacher of that class; only a service day of the
 * published plan's schedule for the class's stage, within a term, not in the future.
 */
export async function loadSheet(ctx: ActionContext, classId: string, date: string): Promise<SheetContext> {
  ctx.caller.requireTeacherOf(classId);
  const classGroup = await getClass(ctx, classId);
  if (!classGroup) throw new AppError('NOT_FOUND', '班级不存在');
  const terms = await getAll<Term>(ctx.collection('terms').where({ schoolId: classGroup.schoolId }));
  const term = terms.find((t) => t.startDate <= date && date <= t.endDate);
  if (!term) throw invalidState(`${date} 不在学期内，没有课后服务`);
  if (date > chinaToday(ctx)) throw invalidState('还没到这一天，不能提前记录考勤');
  const publication = await currentPublication(ctx, classGroup.schoolId, term._id);
  if (!publication) throw invalidState('本学期还没有公开的课后服务方案');
  const schedule = scheduleForStage(publication.content, classGroup.stage);
  if (!schedule) throw invalidState('课后服务方案里没有这个学段的服务时间');
  if (!isServiceDay(schedule, term, date)) {
    const days = schedule.weekdays.map((d) => WEEKDAY_LABELS[d]).join('、');
    throw invalidState(`${date} 不是课后服务日（方案安排在${days}）`);
  }
  const apps = await getAll<ApplicationDoc>(ctx.collection('applications').where({ classId, termId: term._id }));
  const active = apps.filter((app) => isActiveOn(app, term, date)).sort((a, b) => a.studentName.localeCompare(b.studentName, 'zh'));
  const students = active.length
    ? await getAll<Student>(ctx.collection('students').where({ _id: ctx._.in(active.map((a) => a.studentId)) }))
    : [];
  const records = await getAll<AttendanceDoc>(ctx.collection('attendance').where({ classId, date }));
  return {
    classGroup,
    term,
    schedule,
    scheduledMinutes: serviceMinutes(schedule, date),
    active,
    students: new Map(students.map((s) => [s._id, s])),
    records: new Map(records.map((r) => [r.studentId, r])),
    revision: records.reduce((max, r) => Math.max(max, r.revision), 0),
  };
}
