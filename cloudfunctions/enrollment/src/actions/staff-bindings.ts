import { defineAction, getAll } from '@kehou/shared/cloud';
import { schoolInput } from '@kehou/shared/enrollment/schemas';
import type { ClassGroup, GuardianshipRecord, PendingBinding } from '@kehou/shared';
import { pendingBindingViews } from '@kehou/shared/enrollment/server';

/**
 * The school admin's share of binding requests: those a class teacher made for a child of their own
 * class. A teacher never confirms their own request, so the school does.
 */
export const staffBindings = defineAction({
  input: schoolInput,
  handler: async (ctx, input): Promise<PendingBinding[]> => {
    ctx.caller.requireAdminOf(input.schoolId);
    const classes = await getAll<ClassGroup>(ctx.collection('classes').where({ schoolId: input.schoolId }));
    const pending = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ schoolId: input.schoolId, status: 'pending' }));
    return pendingBindingViews(ctx, pending.filter((g) => requestedByClassTeacher(g, classes)));
  },
});

export function requestedByClassTeacher(guardianship: GuardianshipRecord, classes: ClassGroup[]): boolean {
  return classes.some((c) => c._id === guardianship.classId && c.teacherOpenid === guardianship.openid);
}
