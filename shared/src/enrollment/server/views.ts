import { type ActionContext, findById } from '../../cloud';
import {
  type AgreementTemplateDoc,
  APPLICATION_STATUS_LABELS,
  type ApplicationDoc,
  type ApplicationStatus,
  type ApplicationView,
  type ClubRosterDoc,
  HARDSHIP_KIND_LABELS,
  type HardshipDeclaration,
  type ItemView,
  type PickupArrangement,
  type Publication,
  type StaffApplicationRow,
} from '../../index';
import { clubRosters, hasCapacity } from './clubs';

/** Statuses in which the child holds (or waits for) club places. */
const PLACED_STATUSES: readonly ApplicationStatus[] = ['approved', 'listed', 'signed', 'active', 'withdrawal-requested'];

export function itemViews(app: ApplicationDoc, publication: Publication | null, rosters: Map<string, ClubRosterDoc>): ItemView[] {
  const items = publication?.content.items ?? [];
  return items
    .filter((item) => app.itemIds.includes(item.id))
    .map((item): ItemView => {
      const base = { itemId: item.id, name: item.name, kind: item.kind, weekdays: item.weekdays };
      if (item.kind === 'basic') return { ...base, placement: 'basic' };
      if (app.status === 'withdrawn') return { ...base, placement: 'left' };
      if (!PLACED_STATUSES.includes(app.status)) return { ...base, placement: 'pending' };
      if (!hasCapacity(item)) return { ...base, placement: 'placed' };
      const roster = rosters.get(item.id);
      if (roster?.seats.some((p) => p.applicationId === app._id)) return { ...base, placement: 'placed' };
      const index = roster?.waiting.findIndex((p) => p.applicationId === app._id) ?? -1;
      return index >= 0 ? { ...base, placement: 'waiting', waitingPosition: index + 1 } : { ...base, placement: 'pending' };
    });
}

export function pickupSummary(pickup: PickupArrangement): string {
  if (pickup.mode === 'alone') return '独自回家（需签独自回家证）';
  return `接送人：${pickup.pickers.map((p) => `${p.name}（${p.relation}）`).join('、')}`;
}

/** The school's current agreement template for the term (the newest, should two be flagged for a moment). */
export async function currentTemplate(ctx: ActionContext, schoolId: string, termId: string): Promise<AgreementTemplateDoc | null> {
  const { data } = await ctx.collection('agreementTemplates').where({ schoolId, termId, current: true }).orderBy('version', 'desc').limit(1).get();
  return (data[0] as AgreementTemplateDoc | undefined) ?? null;
}

export function agreementState(app: ApplicationDoc, template: AgreementTemplateDoc | null) {
  const agreementVersion = template?.version ?? null;
  const signedVersion = app.signedVersion ?? null;
  const signedBefore = signedVersion !== null && signedVersion > 0;
  const needsResign = signedBefore && agreementVersion !== null && signedVersion < agreementVersion && ['signed', 'active'].includes(app.status);
  const canSign = agreementVersion !== null && ((app.status === 'listed' && !!app.listFixed) || needsResign);
  const permitRequired = app.pickup.mode === 'alone';
  return { agreementVersion, signedVersion, needsResign, canSign, permitRequired, permitSigned: permitRequired && !!app.permitSigned };
}

export async function hardshipDeclared(ctx: ActionContext, applicationId: string): Promise<boolean> {
  return !!(await findById<HardshipDeclaration>(ctx, 'hardshipDeclarations', applicationId));
}

/** The application as its guardians see it. */
export function toApplicationView(
  app: ApplicationDoc,
  publication: Publication | null,
  rosters: Map<string, ClubRosterDoc>,
  template: AgreementTemplateDoc | null,
  declared: boolean,
): ApplicationView {
  return {
    applicationId: app._id,
    studentId: app.studentId,
    studentName: app.studentName,
    className: app.className,
    schoolId: app.schoolId,
    termId: app.termId,
    status: app.status,
    statusLabel: APPLICATION_STATUS_LABELS[app.status],
    revision: app.revision,
    days: app.days,
    items: itemViews(app, publication, rosters),
    pickup: app.pickup,
    hardshipDeclared: declared,
    ...(app.returnReason ? { returnReason: app.returnReason } : {}),
    ...(app.listedUntil ? { listedUntil: app.listedUntil } : {}),
    listFixed: !!app.listFixed,
    ...(app.withdrawal
      ? {
          withdrawal: {
            effectiveDate: app.withdrawal.effectiveDate,
            reason: app.withdrawal.reason,
            requestedAt: app.withdrawal.requestedAt,
            ...(app.withdrawal.decision ? { decision: app.withdrawal.decision } : {}),
            ...(app.withdrawal.note ? { note: app.withdrawal.note } : {}),
          },
        }
      : {}),
    ...agreementState(app, template),
    history: app.history.map((h) => ({ at: h.at, status: h.status, byName: h.byName, ...(h.note ? { note: h.note } : {}) })),
  };
}

/** The application as the class teacher or the school admin sees it: with hardship, staff only. */
export function toStaffRow(
  app: ApplicationDoc,
  publication: Publication | null,
  rosters: Map<string, ClubRosterDoc>,
  hardship: HardshipDeclaration | undefined,
): StaffApplicationRow {
  return {
    applicationId: app._id,
    studentId: app.studentId,
    studentName: app.studentName,
    classId: app.classId,
    className: app.className,
    status: app.status,
    statusLabel: APPLICATION_STATUS_LABELS[app.status],
    revision: app.revision,
    days: app.days,
    items: itemViews(app, publication, rosters),
    pickupSummary: pickupSummary(app.pickup),
    hardship: hardship ? { kind: hardship.kind, label: HARDSHIP_KIND_LABELS[hardship.kind], note: hardship.note } : null,
    appliedByName: app.appliedByName,
    updatedAt: app.updatedAt,
    ...(app.returnReason ? { returnReason: app.returnReason } : {}),
    ...(app.listedUntil ? { listedUntil: app.listedUntil } : {}),
    listFixed: !!app.listFixed,
    ...(app.withdrawal && app.status === 'withdrawal-requested'
      ? { withdrawal: { effectiveDate: app.withdrawal.effectiveDate, reason: app.withdrawal.reason, requestedAt: app.withdrawal.requestedAt } }
      : {}),
    signedVersion: app.signedVersion ?? null,
  };
}

/** Everything a guardian's view of one application needs, read in parallel. */
export async function viewForGuardian(ctx: ActionContext, app: ApplicationDoc): Promise<ApplicationView> {
  const [publication, rosters, template, declared] = await Promise.all([
    findById<Publication>(ctx, 'publications', app.publicationId),
    clubRosters(ctx, app.termId),
    currentTemplate(ctx, app.schoolId, app.termId),
    hardshipDeclared(ctx, app._id),
  ]);
  return toApplicationView(app, publication, rosters, template, declared);
}
