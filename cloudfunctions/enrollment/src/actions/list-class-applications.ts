import { implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { currentTerm, staffRowPage } from '@kehou/shared/enrollment/server';

/** One page of the class's applications this term (optionally of some statuses), as the class teacher sees them. */
export const listClassApplications = implement(enrollmentContract.actions.listClassApplications, async (ctx, input, { doc: classGroup }) => {
  const term = await currentTerm(ctx, classGroup.schoolId);
  if (!term) return { rows: [], total: 0, nextSkip: null };
  return staffRowPage(ctx, term._id, { classId: classGroup._id }, input.status, input);
});
