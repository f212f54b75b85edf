import type { ApplicationDoc, EnrolmentEntry, GuardianshipRecord } from '@kehou/shared';
import { childNameForGuardian } from '@kehou/shared';
import { AppError, findById, getAll, implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { currentPublication, getClass, getSchool, getStudent, resolveTerm } from '@kehou/shared/enrollment/server';

/**
 * The page a school shares into class groups: the school and term, whether enrolment is open, and
 * the caller's children at that school, so the page can lead straight to binding or applying.
 */
export const getEnrolmentEntry = implement(enrollmentContract.actions.getEnrolmentEntry, async (ctx, input) => {
  const school = await getSchool(ctx, input.schoolId);
  if (!school) throw new AppError('NOT_FOUND', '学校不存在');
  const term = await resolveTerm(ctx, school._id, input.termId);
  const open = !!term && !!(await currentPublication(ctx, school._id, term._id));
  const children: EnrolmentEntry['children'] = [];
  if (ctx.caller.openid) {
    const guardianships = await getAll<GuardianshipRecord>(
      ctx.collection('guardianships').where({ openid: ctx.caller.openid, schoolId: school._id, status: ctx._.neq('rejected') }),
    );
    for (const g of guardianships) {
      const [student, classGroup] = await Promise.all([getStudent(ctx, g.studentId), getClass(ctx, g.classId)]);
      if (!student || !classGroup) continue;
      const app = term && g.status === 'confirmed' ? await findById<ApplicationDoc>(ctx, 'applications', `${student._id}:${term._id}`) : null;
      children.push({
        studentId: student._id,
        name: childNameForGuardian(student.name, g.status),
        className: classGroup.name,
        bindingStatus: g.status,
        status: app?.status ?? null,
      });
    }
  }
  return {
    schoolId: school._id,
    schoolName: school.name,
    termId: term?._id ?? null,
    termName: term?.name ?? null,
    open,
    signedIn: !!ctx.caller.openid,
    children,
  };
});
