import { AppError, implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { resolveTerm, staffRowPage } from '@kehou/shared/enrollment/server';

/** One page of the school's applications for a term, optionally of one class and some statuses, as the school admin sees them. */
export const listSchoolApplications = implement(enrollmentContract.actions.listSchoolApplications, async (ctx, input, { doc: school }) => {
  const term = await resolveTerm(ctx, school._id, input.termId);
  if (!term) throw new AppError('NOT_FOUND', '学期不存在');
  return staffRowPage(ctx, term._id, { schoolId: school._id, ...(input.classId ? { classId: input.classId } : {}) }, input.status, input);
});
