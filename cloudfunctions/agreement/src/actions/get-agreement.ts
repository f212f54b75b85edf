import { type AgreementTemplateDoc, APPLICATION_STATUS_LABELS, type ApplicationDoc, chinaTime, diffAgreements } from '@kehou/shared';
import { implement } from '@kehou/shared/cloud';
import { agreementContract } from '@kehou/shared/contracts';
import { agreementState, callerGuardianship, getSchool } from '@kehou/shared/enrollment/server';
import { agreementFill, permitFill, renderFor, renderPermitFor } from '../lib/fill';
import { permitSignable, signaturesOf, summary } from '../lib/signatures';
import { currentTemplate } from '../lib/templates';

const READABLE = ['approved', 'listed', 'signed', 'active'];

function whyNot(app: ApplicationDoc, template: AgreementTemplateDoc | null, canSign: boolean, signed: boolean): string | null {
  if (canSign) return null;
  if (signed && (app.status === 'signed' || app.status === 'active')) return null;
  if (!template) return '学校还没有发布本学期的课后服务协议';
  if (app.status === 'listed' && !app.listFixed) {
    return `名单公示中${app.listedUntil ? `（至 ${chinaTime(new Date(app.listedUntil))}）` : ''}，公示结束、学校确定名单后即可签署`;
  }
  if (app.status === 'approved') return '学校审核已通过，名单公示并确定后即可签署';
  return `报名当前状态为「${APPLICATION_STATUS_LABELS[app.status]}」，现在不能签署`;
}

/** The agreement filled with the child's choices, ready to read and sign, and what was signed so far. */
export const getAgreement = implement(agreementContract.actions.getAgreement, async (ctx, _input, { doc: app }) => {
  const guardianship = await callerGuardianship(ctx, app.studentId);
  const template = await currentTemplate(ctx, app.schoolId, app.termId);
  const state = agreementState(app, template);
  const readable = READABLE.includes(app.status);
  const agreement = template && readable ? renderFor(template, await agreementFill(ctx, app, guardianship)) : null;
  const school = await getSchool(ctx, app.schoolId);
  const permit = state.permitRequired && readable ? renderPermitFor(await permitFill(ctx, app, guardianship, school?.name ?? '')) : null;
  const signed = (state.signedVersion ?? 0) > 0;
  const signatures = await signaturesOf(ctx, app);
  // Asked to sign again: the text signed last against the one to sign now.
  const lastSigned = signatures.filter((s) => s.kind === 'agreement' && s.version === state.signedVersion).at(-1);
  const changes = state.needsResign && agreement && lastSigned ? diffAgreements(lastSigned.text, agreement.text) : null;
  return {
    applicationId: app._id,
    studentName: app.studentName,
    className: app.className,
    status: app.status,
    template: template ? { templateId: template._id, version: template.version, planVersion: template.planVersion ?? null } : null,
    agreement,
    canSign: state.canSign,
    reason: whyNot(app, template, state.canSign, signed),
    signedVersion: state.signedVersion,
    needsResign: state.needsResign,
    changes,
    permit: {
      required: state.permitRequired,
      signed: state.permitSigned,
      canSign: permitSignable(app) && !state.permitSigned,
      document: permit,
    },
    signatures: signatures.map(summary),
  };
});
