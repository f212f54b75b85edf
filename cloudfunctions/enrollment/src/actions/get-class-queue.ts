import type { GuardianshipRecord } from '@kehou/shared';
import { getAll, implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { currentTerm, pendingBindingViews, statusCounts } from '@kehou/shared/enrollment/server';

/**
 * The class teacher's desk: the class code, bindings to confirm, and how many applications are in
 * each status (the applications themselves come page by page: listClassApplications).
 */
export const getClassQueue = implement(enrollmentContract.actions.getClassQueue, async (ctx, _input, { doc: classGroup }) => {
  const [term, pending] = await Promise.all([
    currentTerm(ctx, classGroup.schoolId),
    getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ classId: classGroup._id, status: 'pending' })),
  ]);
  const [bindings, { counts, total }] = await Promise.all([
    pendingBindingViews(ctx, pending),
    term ? statusCounts(ctx, { classId: classGroup._id, termId: term._id }) : Promise.resolve({ counts: {}, total: 0 }),
  ]);
  return {
    classId: classGroup._id,
    className: classGroup.name,
    schoolId: classGroup.schoolId,
    termId: term?._id ?? null,
    bindCode: classGroup.bindCode,
    bindings,
    counts,
    total,
  };
});
