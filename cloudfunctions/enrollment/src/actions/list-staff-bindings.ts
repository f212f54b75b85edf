import type { ClassGroup, GuardianshipRecord } from '@kehou/shared';
import { getAll, implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { pendingBindingViews } from '@kehou/shared/enrollment/server';
import { requestedByClassTeacher } from '../lib/bindings';

/**
 * The school admin's share of binding requests: those a class teacher made for a child of their own
 * class. A teacher never confirms their own request, so the school does.
 */
export const listStaffBindings = implement(enrollmentContract.actions.listStaffBindings, async (ctx, input) => {
  const classes = await getAll<ClassGroup>(ctx.collection('classes').where({ schoolId: input.schoolId }));
  const pending = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ schoolId: input.schoolId, status: 'pending' }));
  return pendingBindingViews(
    ctx,
    pending.filter((g) => requestedByClassTeacher(g, classes)),
  );
});
