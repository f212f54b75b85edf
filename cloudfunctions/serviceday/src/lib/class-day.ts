import { type ApplicationDoc, type ClassGroup, type School, type StageSchedule, type Student, type Term, WEEKDAY_LABELS } from '@kehou/shared';
import { type ActionContext, getAll, invalidState } from '@kehou/shared/cloud';
import { currentPublication, getSchool } from '@kehou/shared/enrollment/server';
import { attendsOn, isActiveOn, isServiceDay, scheduleForStage, serviceMinutes } from '@kehou/shared/fees';
import {
  addMinutes,
  endOfService,
  type HandoverDoc,
  type LeaveDoc,
  type LeaveView,
  leavesOn,
  type ServiceDaySettings,
  type ShiftHandoverDoc,
  settingsOf,
} from '@kehou/shared/serviceday';

/** Everything the gate sheet, a hand-over and the timer need about one class on one service day. */
export interface ClassDay {
  classGroup: ClassGroup;
  school: School;
  settings: ServiceDaySettings;
  term: Term;
  schedule: StageSchedule;
  date: string;
  end: string;
  flagAfter: string;
  scheduledMinutes: number;
  /** The children expected that day: enrolled then, and the day is one the family chose. */
  children: ApplicationDoc[];
  students: Map<string, Student>;
  /** Each child's leave that day, by student. */
  leaves: Map<string, LeaveView>;
  handovers: Map<string, HandoverDoc>;
  shifts: ShiftHandoverDoc[];
}

/** The term of the school a date falls in. */
export async function termOn(ctx: ActionContext, schoolId: string, date: string): Promise<Term | null> {
  const terms = await getAll<Term>(ctx.collection('terms').where({ schoolId }));
  return terms.find((t) => t.startDate <= date && date <= t.endDate) ?? null;
}

/**
 * One class on one service day (a day of the published plan's schedule for the class's stage,
 * within a term). About 8 round trips, whatever the size of the school.
 */
export async function loadClassDay(ctx: ActionContext, classGroup: ClassGroup, date: string, options: { shifts?: boolean } = {}): Promise<ClassDay> {
  const [term, school] = await Promise.all([termOn(ctx, classGroup.schoolId, date), getSchool(ctx, classGroup.schoolId)]);
  if (!term || !school) throw invalidState(`${date} 不在学期内，没有课后服务`);
  const publication = await currentPublication(ctx, school._id, term._id);
  if (!publication) throw invalidState('本学期还没有公开的课后服务方案');
  const schedule = scheduleForStage(publication.content, classGroup.stage);
  if (!schedule) throw invalidState('课后服务方案里没有这个学段的服务时间');
  if (!isServiceDay(schedule, term, date)) {
    throw invalidState(`${date} 不是课后服务日（方案安排在${schedule.weekdays.map((d) => WEEKDAY_LABELS[d]).join('、')}）`);
  }
  const classId = classGroup._id;
  const [apps, leaves, handovers, shifts] = await Promise.all([
    getAll<ApplicationDoc>(ctx.collection('applications').where({ classId, termId: term._id })),
    getAll<LeaveDoc>(ctx.collection('leaves').where({ classId, dates: date })),
    getAll<HandoverDoc>(ctx.collection('handovers').where({ classId, date })),
    options.shifts ? getAll<ShiftHandoverDoc>(ctx.collection('shiftHandovers').where({ classId, date })) : Promise.resolve([]),
  ]);
  const children = apps
    .filter((app) => isActiveOn(app, term, date) && attendsOn(app, publication.content.items, date))
    .sort((a, b) => a.studentName.localeCompare(b.studentName, 'zh'));
  const students = children.length ? await getAll<Student>(ctx.collection('students').where({ _id: ctx._.in(children.map((a) => a.studentId)) })) : [];
  const settings = settingsOf(school);
  const end = endOfService(schedule, date);
  return {
    classGroup,
    school,
    settings,
    term,
    schedule,
    date,
    end,
    flagAfter: addMinutes(end, settings.pickupMarginMinutes),
    scheduledMinutes: serviceMinutes(schedule, date),
    children,
    students: new Map(students.map((s) => [s._id, s])),
    leaves: leavesOn(leaves, date),
    handovers: new Map(handovers.map((h) => [h.studentId, h])),
    shifts: shifts.sort((a, b) => a.at.localeCompare(b.at)),
  };
}

/** Children who should be at school now: expected, not on leave, not yet handed over or gone home alone. */
export function presentChildren(day: ClassDay): ApplicationDoc[] {
  return day.children.filter((app) => {
    if (day.leaves.has(app.studentId) && !day.handovers.has(app.studentId)) return false;
    const kind = day.handovers.get(app.studentId)?.kind;
    return kind !== 'picker' && kind !== 'alone';
  });
}

/** The go-home-alone choice is offered only with the permit on file (003 §七3). */
export const aloneAllowed = (app: ApplicationDoc) => app.pickup.mode === 'alone' && app.permitSigned === true;

/** The pick-up adults of the application, by position. */
export const pickersOf = (app: ApplicationDoc) => (app.pickup.mode === 'pickers' ? app.pickup.pickers : []);
