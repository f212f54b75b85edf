import { type ApplicationDoc, type ApplicationStatus, type SignatureDoc, signatureId } from '@kehou/shared';
import { type ActionContext, AppError, conflict, findById, implement, invalidState } from '@kehou/shared/cloud';
import { agreementContract } from '@kehou/shared/contracts';
import { agreementState, callerGuardianship, loadApplication, moveApplication, notifyStatus, patchApplication } from '@kehou/shared/enrollment/server';
import { agreementFill, renderFor } from '../lib/fill';
import { saveSignature } from '../lib/signatures';
import { currentTemplate } from '../lib/templates';

/**
 * A guardian signs the agreement they read: the current version, filled with the child's choices.
 * The signature keeps the exact text, its sha256, the choices, who signed, when and for which
 * child, and never changes. Signing again (a retry, the other guardian) creates nothing twice.
 */
export const signAgreement = implement(agreementContract.actions.signAgreement, async (ctx, input, { doc: app }) => {
  const guardianship = await callerGuardianship(ctx, app.studentId);
  const template = await currentTemplate(ctx, app.schoolId, app.termId);
  if (!template) throw invalidState('学校还没有发布本学期的课后服务协议');
  if (input.version !== template.version) throw conflict(`协议已更新为第 ${template.version} 版，请重新阅读后签署`);
  const id = signatureId(app, template.version);
  const state = agreementState(app, template);
  if (!state.canSign) {
    const existing = await findById<SignatureDoc>(ctx, 'signatures', id);
    if (existing) return { signatureId: id, status: app.status, existing: true };
    throw invalidState(app.status === 'listed' ? '名单还在公示期内，学校确定名单后即可签署' : '现在不能签署协议');
  }
  const fill = await agreementFill(ctx, app, guardianship);
  const { text, textHash } = renderFor(template, fill);
  if (textHash !== input.textHash) throw conflict('协议内容有变化（例如社团名额），请重新阅读后签署');

  const created = await saveSignature(
    ctx,
    {
      _id: id,
      kind: 'agreement',
      templateId: template._id,
      version: template.version,
      fill,
      text,
      textHash,
      app,
      guardianship,
      image: input.image,
    },
    `签署协议第 ${template.version} 版`,
  );
  if (!created) return { signatureId: id, status: app.status, existing: true };
  const status = await recordSigned(ctx, app._id, template.version, guardianship.guardianName);
  return { signatureId: id, status, existing: false };
});

/** Moves the application on (listed → signed/active) or records the newer version signed. */
async function recordSigned(ctx: ActionContext, applicationId: string, version: number, guardianName: string): Promise<ApplicationStatus> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const app: ApplicationDoc | null = await loadApplication(ctx, applicationId);
    if (!app) throw new AppError('NOT_FOUND', '报名不存在');
    if ((app.signedVersion ?? 0) >= version) return app.status;
    if (app.status === 'listed') {
      try {
        const updated = await moveApplication(ctx, app, 'sign', {
          byName: guardianName,
          facts: { listFixed: !!app.listFixed, permitOutstanding: app.pickup.mode === 'alone' && !app.permitSigned },
          set: { signedVersion: version },
          note: `签署协议第 ${version} 版`,
        });
        await notifyStatus(ctx, updated, updated.status === 'active' ? '协议已签署，报名已生效' : '协议已签署，请签独自回家证');
        return updated.status;
      } catch (error) {
        if (error instanceof AppError && error.code === 'CONFLICT') continue;
        throw error;
      }
    }
    const updated = await patchApplication(ctx, app, { signedVersion: version }, `重新签署协议第 ${version} 版`);
    if (updated) return updated.status;
  }
  throw conflict('报名状态刚刚有变化，请刷新后查看');
}
