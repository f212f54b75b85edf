import { type ApplicationDoc, type ClassGroup, type StageSchedule, type Student, type Term, WEEKDAY_LABELS } from '@kehou/shared';
import { type ActionContext, chinaToday, findById, getAll, invalidState } from '@kehou/shared/cloud';
import { currentPublication, getSchool } from '@kehou/shared/enrollment/server';
import {
  type AttendanceDoc,
  attendsOn,
  type BillingRunDoc,
  billingRunIdOf,
  isActiveOn,
  isServiceDay,
  scheduleForStage,
  serviceMinutes,
} from '@kehou/shared/fees';
import { type BillingPeriod, billingPeriodOf } from '@kehou/shared/policy';
import { type LeaveDoc, type LeaveView, leavesOn } from '@kehou/shared/serviceday';

/** Everything an attendance action needs about one class on one service day. */
export interface SheetContext {
  classGroup: ClassGroup;
  term: Term;
  schedule: StageSchedule;
  scheduledMinutes: number;
  /** The children on the sheet: enrolled that day, and that day is one the family chose. */
  active: ApplicationDoc[];
  students: Map<string, Student>;
  /** The day's saved document (null: nothing saved yet). */
  day: AttendanceDoc | null;
  /** Saved minutes by student. */
  minutes: Map<string, number>;
  /** The day's billing period, when notices for it have been issued. */
  billed: BillingPeriod | null;
  /** Leave the parents reported for the day, by student (the sheet is pre-filled with these absences). */
  leaves: Map<string, LeaveView>;
}

export const attendanceId = (classId: string, date: string) => `${classId}:${date}`;

/**
 * The class teacher's sheet for a date (the router has checked the caller teaches the class): only a service day of the
 * published plan's schedule for the class's stage, within a term, not in the future. A child is
 * on it only if enrolled that day and the family chose that weekday (and an item running then).
 */
export async function loadSheet(ctx: ActionContext, classGroup: ClassGroup, date: string): Promise<SheetContext> {
  const classId = classGroup._id;
  const terms = await getAll<Term>(ctx.collection('terms').where({ schoolId: classGroup.schoolId }));
  const term = terms.find((t) => t.startDate <= date && date <= t.endDate);
  if (!term) throw invalidState(`${date} 不在学期内，没有课后服务`);
  if (date > chinaToday(ctx)) throw invalidState('还没到这一天，不能提前记录考勤');
  const [publication, school] = await Promise.all([currentPublication(ctx, classGroup.schoolId, term._id), getSchool(ctx, classGroup.schoolId)]);
  if (!publication || !school) throw invalidState('本学期还没有公开的课后服务方案');
  const schedule = scheduleForStage(publication.content, classGroup.stage);
  if (!schedule) throw invalidState('课后服务方案里没有这个学段的服务时间');
  if (!isServiceDay(schedule, term, date)) {
    const days = schedule.weekdays.map((d) => WEEKDAY_LABELS[d]).join('、');
    throw invalidState(`${date} 不是课后服务日（方案安排在${days}）`);
  }
  const period = billingPeriodOf(school.profileId, term, date);
  const [apps, day, run, leaves] = await Promise.all([
    getAll<ApplicationDoc>(ctx.collection('applications').where({ classId, termId: term._id })),
    findById<AttendanceDoc>(ctx, 'attendance', attendanceId(classId, date)),
    period ? findById<BillingRunDoc>(ctx, 'feeBillingRuns', billingRunIdOf(school._id, term._id, period.key)) : Promise.resolve(null),
    getAll<LeaveDoc>(ctx.collection('leaves').where({ classId, dates: date })),
  ]);
  const active = apps
    .filter((app) => isActiveOn(app, term, date) && attendsOn(app, publication.content.items, date))
    .sort((a, b) => a.studentName.localeCompare(b.studentName, 'zh'));
  const students = active.length ? await getAll<Student>(ctx.collection('students').where({ _id: ctx._.in(active.map((a) => a.studentId)) })) : [];
  return {
    classGroup,
    term,
    schedule,
    scheduledMinutes: serviceMinutes(schedule, date),
    active,
    students: new Map(students.map((s) => [s._id, s])),
    day,
    minutes: new Map((day?.entries ?? []).map((e) => [e.studentId, e.attendedMinutes])),
    billed: run ? period : null,
    leaves: leavesOn(leaves, date),
  };
}
