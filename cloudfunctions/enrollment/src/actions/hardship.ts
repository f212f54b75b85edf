import { defineAction, findById } from '@kehou/shared/cloud';
import { applicationInput } from '@kehou/shared/enrollment/schemas';
import { HARDSHIP_KIND_LABELS, type HardshipDeclaration } from '@kehou/shared';
import { applicationForStaff } from '@kehou/shared/enrollment/server';

/** The hardship declared with an application: the school's admins and the child's class teacher only. */
export const hardship = defineAction({
  input: applicationInput,
  handler: async (ctx, input) => {
    const app = await applicationForStaff(ctx, input.applicationId, ['teacher', 'admin']);
    const declaration = await findById<HardshipDeclaration>(ctx, 'hardshipDeclarations', app._id);
    return declaration
      ? { declared: true, kind: declaration.kind, label: HARDSHIP_KIND_LABELS[declaration.kind], note: declaration.note, declaredAt: declaration.declaredAt }
      : { declared: false };
  },
});
