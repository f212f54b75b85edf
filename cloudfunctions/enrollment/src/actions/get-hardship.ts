import { HARDSHIP_KIND_LABELS, type HardshipDeclaration, type HardshipDetail } from '@kehou/shared';
import { findById, implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';

/** The hardship declared with an application: the school's admins and the child's class teacher only. */
export const getHardship = implement(enrollmentContract.actions.getHardship, async (ctx, _input, { doc: app }): Promise<HardshipDetail> => {
  const declaration = await findById<HardshipDeclaration>(ctx, 'hardshipDeclarations', app._id);
  return declaration
    ? { declared: true, kind: declaration.kind, label: HARDSHIP_KIND_LABELS[declaration.kind], note: declaration.note, declaredAt: declaration.declaredAt }
    : { declared: false };
});
