import { AppError, forbidden, type ActionContext, findById } from '../../cloud';
import type { ApplicationDoc, GuardianshipRecord } from '../../index';

/**
 * Who may act for whom. Parents act only for children they are confirmed guardians of, teachers
 * only for their own classes, admins only for their own school. Identity is ctx.caller only.
 */

/** The caller's confirmed guardianship of the child, or a refusal. */
export async function requireGuardian(ctx: ActionContext, studentId: string): Promise<GuardianshipRecord> {
  const openid = ctx.caller.requireSignedIn();
  const guardianship = await findById<GuardianshipRecord>(ctx, 'guardianships', `${studentId}:${openid}`);
  if (guardianship?.status === 'pending') throw forbidden('您与孩子的绑定还在等待班主任确认');
  if (!guardianship || guardianship.status !== 'confirmed') throw forbidden('只能为自己已绑定的孩子办理');
  return guardianship;
}

const NOT_YOURS = '没有找到这份报名，或您无权查看';

/** The application, for one of the child's confirmed guardians (missing and not-yours look the same). */
export async function applicationForGuardian(
  ctx: ActionContext,
  applicationId: string,
): Promise<{ app: ApplicationDoc; guardianship: GuardianshipRecord }> {
  const openid = ctx.caller.requireSignedIn();
  const app = await findById<ApplicationDoc>(ctx, 'applications', applicationId);
  if (!app) throw new AppError('NOT_FOUND', NOT_YOURS);
  const guardianship = await findById<GuardianshipRecord>(ctx, 'guardianships', `${app.studentId}:${openid}`);
  if (!guardianship || guardianship.status !== 'confirmed') throw new AppError('NOT_FOUND', NOT_YOURS);
  return { app, guardianship };
}

export type StaffRole = 'teacher' | 'admin';

/** The application, for its class teacher and/or its school's admin (as the action allows); missing looks like not yours. */
export async function applicationForStaff(ctx: ActionContext, applicationId: string, allowed: StaffRole[]): Promise<ApplicationDoc> {
  ctx.caller.requireSignedIn();
  const refusal = forbidden(
    allowed.length === 2 ? '只有本班班主任或本校管理员可以查看' : allowed[0] === 'teacher' ? '只有本班班主任可以进行此操作' : '只有本校管理员可以进行此操作',
  );
  const app = await findById<ApplicationDoc>(ctx, 'applications', applicationId);
  // Missing and out of scope answer alike: ids are guessable (`${studentId}:${termId}`), and staff of
  // another school must not learn whether a child applied.
  if (!app) throw refusal;
  const asTeacher = allowed.includes('teacher') && ctx.caller.isTeacherOf(app.classId);
  const asAdmin = allowed.includes('admin') && ctx.caller.isAdminOf(app.schoolId);
  if (!asTeacher && !asAdmin) throw refusal;
  return app;
}

/** May the caller see staff-only details (hardship) of this application? */
export function isStaffFor(ctx: ActionContext, app: Pick<ApplicationDoc, 'classId' | 'schoolId'>): boolean {
  return ctx.caller.isTeacherOf(app.classId) || ctx.caller.isAdminOf(app.schoolId);
}
