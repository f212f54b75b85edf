import type { ClassGroup, Guardianship, HomeChild, HomeSummary, RoleKind, School, Student } from '@kehou/shared';
import { childNameForGuardian } from '@kehou/shared';
import { type ActionContext, findById, getAll, implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { enrollmentTasks } from '@kehou/shared/enrollment/server';

/** Everything a home screen needs to know about the caller: their roles, children and schools. */
export const getHome = implement(enrollmentContract.actions.getHome, async (ctx) => {
  const { caller } = ctx;
  if (!caller.openid) {
    return { signedIn: false, name: '', roles: [], children: [], schools: [], classes: [], bureauIds: [] };
  }
  const guardianships = await getAll<Guardianship>(ctx.collection('guardianships').where({ openid: caller.openid, status: ctx._.neq('rejected') }));
  const children = await describeChildren(ctx, guardianships);
  const schools: HomeSummary['schools'] = [];
  const addSchool = async (schoolId: string, as: RoleKind) => {
    const school = await getSchool(ctx, schoolId);
    if (school) schools.push({ schoolId, name: school.name, profileId: school.profileId, as });
  };
  for (const role of caller.roles('admin')) await addSchool(role.schoolId, 'admin');
  for (const role of caller.roles('committee')) await addSchool(role.schoolId, 'committee');
  for (const role of caller.roles('teacher')) await addSchool(role.schoolId, 'teacher');
  const classIds = caller.roles('teacher').flatMap((r) => r.classIds);
  const classes = classIds.length
    ? (await getAll<ClassGroup>(ctx.collection('classes').where({ _id: ctx._.in(classIds) }))).map((c) => ({
        classId: c._id,
        name: c.name,
        schoolId: c.schoolId,
      }))
    : [];
  const roles = new Set<RoleKind>((caller.user?.roles ?? []).map((r) => r.kind));
  if (guardianships.length) roles.add('parent');
  const tasks = await enrollmentTasks(ctx);
  return {
    signedIn: true,
    name: caller.user?.name ?? '',
    roles: [...roles],
    children,
    schools,
    classes,
    bureauIds: caller.roles('bureau').map((r) => r.bureauId),
    ...(tasks ? { tasks } : {}),
  };
});

async function describeChildren(ctx: ActionContext, guardianships: Guardianship[]): Promise<HomeChild[]> {
  const children: HomeChild[] = [];
  for (const g of guardianships) {
    const [student, classGroup, school] = await Promise.all([
      findById<Student>(ctx, 'students', g.studentId),
      findById<ClassGroup>(ctx, 'classes', g.classId),
      getSchool(ctx, g.schoolId),
    ]);
    if (!student || !classGroup || !school) continue;
    children.push({
      studentId: student._id,
      name: childNameForGuardian(student.name, g.status),
      className: classGroup.name,
      schoolId: school._id,
      schoolName: school.name,
      bindingStatus: g.status,
    });
  }
  return children;
}

const getSchool = (ctx: ActionContext, id: string) => findById<School>(ctx, 'schools', id);
