import { createHash } from 'node:crypto';
import { type ActionContext, AppError, findById } from '@kehou/shared/cloud';
import { DUTY_STATUS_LABELS, type DutyDoc, type DutyView } from '@kehou/shared/committee';

/** One sign-up per person and day; the id names the person by a hash, never the openid. */
export const dutyIdOf = (schoolId: string, date: string, openid: string) =>
  `duty:${schoolId}:${date}:${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`;

export function toDutyView(doc: DutyDoc, openid: string | null, seesNotes: boolean): DutyView {
  const mine = doc.openid === openid;
  return {
    dutyId: doc._id,
    date: doc.date,
    name: doc.name,
    as: doc.as,
    status: doc.status,
    statusLabel: DUTY_STATUS_LABELS[doc.status],
    note: seesNotes || mine ? doc.note : null,
    mine,
  };
}

/** The caller's own sign-up at the school (the same answer for another's and a missing one). */
export async function ownDuty(ctx: ActionContext, schoolId: string, dutyId: string): Promise<DutyDoc> {
  const doc = await findById<DutyDoc>(ctx, 'dutySignups', dutyId);
  if (!doc || doc.schoolId !== schoolId || doc.openid !== ctx.caller.openid) throw new AppError('NOT_FOUND', '没有找到您的这次值班报名');
  return doc;
}
