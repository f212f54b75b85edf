import { type ApplicationDoc, type ApplicationStatus, PERMIT_TEXT_VERSION, signatureId } from '@kehou/shared';
import { type ActionContext, AppError, conflict, implement, invalidState } from '@kehou/shared/cloud';
import { agreementContract } from '@kehou/shared/contracts';
import { callerGuardianship, getSchool, loadApplication, moveApplication, notifyStatus, patchApplication } from '@kehou/shared/enrollment/server';
import { permitFill, renderPermitFor } from '../lib/fill';
import { permitSignable, saveSignature } from '../lib/signatures';

/**
 * The go-home-alone permit (独自回家证, 003 §七3): required when the child goes home alone, signed
 * separately with its own hash. With the agreement signed, the child becomes active.
 */
export const signPermit = implement(agreementContract.actions.signPermit, async (ctx, input, { doc: app }) => {
  const guardianship = await callerGuardianship(ctx, app.studentId);
  if (app.pickup.mode !== 'alone') throw invalidState('接送安排不是独自回家，不需要签署独自回家证');
  const id = signatureId(app, 'permit');
  if (app.permitSigned) return { signatureId: id, status: app.status, existing: true };
  if (!permitSignable(app)) throw invalidState('名单公示并确定后才能签署独自回家证');
  const school = await getSchool(ctx, app.schoolId);
  const fill = await permitFill(ctx, app, guardianship, school?.name ?? '');
  const { text, textHash } = renderPermitFor(fill);
  if (textHash !== input.textHash) throw conflict('独自回家证内容有变化，请重新阅读后签署');
  // Already there (a retry after a crash): go on and finish the status change.
  await saveSignature(
    ctx,
    {
      _id: id,
      kind: 'permit',
      templateId: null,
      version: PERMIT_TEXT_VERSION,
      fill,
      text,
      textHash,
      app,
      guardianship,
      image: input.image,
    },
    '签署独自回家证',
  );
  const status = await recordPermit(ctx, app._id, guardianship.guardianName);
  return { signatureId: id, status, existing: false };
});

async function recordPermit(ctx: ActionContext, applicationId: string, guardianName: string): Promise<ApplicationStatus> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const app: ApplicationDoc | null = await loadApplication(ctx, applicationId);
    if (!app) throw new AppError('NOT_FOUND', '报名不存在');
    if (app.permitSigned) return app.status;
    if (app.status === 'signed') {
      try {
        const updated = await moveApplication(ctx, app, 'activate', {
          byName: guardianName,
          facts: { permitOutstanding: false },
          set: { permitSigned: true },
          note: '签署独自回家证',
        });
        await notifyStatus(ctx, updated, '独自回家证已签署，报名已生效');
        return updated.status;
      } catch (error) {
        if (error instanceof AppError && error.code === 'CONFLICT') continue;
        throw error;
      }
    }
    const updated = await patchApplication(ctx, app, { permitSigned: true }, '签署独自回家证');
    if (updated) return updated.status;
  }
  throw conflict('报名状态刚刚有变化，请刷新后查看');
}
