import { type ActionContext, countWhere, findOne } from '../../cloud';
import type { EnrollmentTasks, Term } from '../../index';

/** Counts of what waits for the caller: as class teacher of their classes, as admin of their schools. */
export async function enrollmentTasks(ctx: ActionContext): Promise<EnrollmentTasks | undefined> {
  const classIds = ctx.caller.roles('teacher').flatMap((r) => r.classIds);
  const schoolIds = ctx.caller.roles('admin').map((r) => r.schoolId);
  if (!classIds.length && !schoolIds.length) return undefined;
  const tasks: EnrollmentTasks = { pendingBindings: 0, toReview: 0, toApprove: 0, toList: 0, listingsToFix: 0, withdrawals: 0 };
  if (classIds.length) {
    tasks.pendingBindings = await countWhere(ctx, 'guardianships', { classId: ctx._.in(classIds), status: 'pending' });
    tasks.toReview = await countWhere(ctx, 'applications', { classId: ctx._.in(classIds), status: 'submitted' });
  }
  for (const schoolId of schoolIds) {
    const term = await findOne<Term>(ctx, 'terms', { schoolId, current: true });
    if (!term) continue;
    const where = { schoolId, termId: term._id };
    tasks.toApprove += await countWhere(ctx, 'applications', { ...where, status: 'teacher-reviewed' });
    tasks.toList += await countWhere(ctx, 'applications', { ...where, status: 'approved' });
    tasks.withdrawals += await countWhere(ctx, 'applications', { ...where, status: 'withdrawal-requested' });
    tasks.listingsToFix += await countWhere(ctx, 'listings', { ...where, fixedAt: ctx._.exists(false), listedUntil: ctx._.lte(ctx.now().toISOString()) });
  }
  return tasks;
}
