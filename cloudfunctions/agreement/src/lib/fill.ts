import {
  type AgreementFill,
  type AgreementTemplateDoc,
  type ApplicationDoc,
  type GuardianshipRecord,
  type PermitFill,
  type Publication,
  renderAgreement,
  renderPermit,
  sha256,
  type Term,
} from '@kehou/shared';
import { type ActionContext, findById } from '@kehou/shared/cloud';
import { clubRosters, itemViews } from '@kehou/shared/enrollment/server';

/** The child's choices as they go into the agreement (club places as they stand now). */
export async function agreementFill(ctx: ActionContext, app: ApplicationDoc, signer: GuardianshipRecord): Promise<AgreementFill> {
  const [publication, rosters] = await Promise.all([findById<Publication>(ctx, 'publications', app.publicationId), clubRosters(ctx, app.termId)]);
  return {
    childName: app.studentName,
    className: app.className,
    guardianName: signer.guardianName,
    relation: signer.relation,
    days: app.days,
    items: itemViews(app, publication, rosters).map((i) => ({
      name: i.name,
      kind: i.kind,
      placement: i.placement === 'basic' ? 'basic' : i.placement === 'waiting' ? 'waiting' : 'placed',
    })),
    pickup: app.pickup,
  };
}

export async function permitFill(ctx: ActionContext, app: ApplicationDoc, signer: GuardianshipRecord, schoolName: string): Promise<PermitFill> {
  const term = await findById<Term>(ctx, 'terms', app.termId);
  return {
    childName: app.studentName,
    className: app.className,
    schoolName,
    termName: term?.name ?? '',
    guardianName: signer.guardianName,
    relation: signer.relation,
  };
}

export function renderFor(template: AgreementTemplateDoc, fill: AgreementFill) {
  const text = renderAgreement(template, fill);
  return { text, textHash: sha256(text) };
}

export function renderPermitFor(fill: PermitFill) {
  const text = renderPermit(fill);
  return { text, textHash: sha256(text) };
}
