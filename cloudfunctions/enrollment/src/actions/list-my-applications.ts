import type { ApplicationDoc, ChildEnrollment, GuardianshipRecord } from '@kehou/shared';
import { childNameForGuardian } from '@kehou/shared';
import { findById, getAll, implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { currentPublication, currentTerm, getClass, getSchool, getStudent, viewForGuardian } from '@kehou/shared/enrollment/server';

/** The caller's children with this term's application (if any) and what they can do next. */
export const listMyApplications = implement(enrollmentContract.actions.listMyApplications, async (ctx) => {
  const openid = ctx.caller.requireSignedIn();
  const guardianships = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ openid, status: ctx._.neq('rejected') }));
  const children: ChildEnrollment[] = [];
  for (const g of guardianships) {
    const [student, classGroup, school] = await Promise.all([getStudent(ctx, g.studentId), getClass(ctx, g.classId), getSchool(ctx, g.schoolId)]);
    if (!student || !classGroup || !school) continue;
    const term = await currentTerm(ctx, school._id);
    const confirmed = g.status === 'confirmed';
    const app = confirmed && term ? await findById<ApplicationDoc>(ctx, 'applications', `${student._id}:${term._id}`) : null;
    children.push({
      studentId: student._id,
      name: childNameForGuardian(student.name, g.status),
      className: classGroup.name,
      schoolId: school._id,
      schoolName: school.name,
      bindingStatus: g.status,
      termId: term?._id ?? null,
      termName: term?.name ?? null,
      open: !!term && !!(await currentPublication(ctx, school._id, term._id)),
      application: app ? await viewForGuardian(ctx, app) : null,
    });
  }
  return children;
});
