import { type ActionContext, findById, getAll, type TransactionRef, txGet } from '@kehou/shared/cloud';
import { DUTY_PER_DAY, type DutyDayDoc, type DutyDoc } from '@kehou/shared/committee';

export const dutyDayIdOf = (schoolId: string, date: string) => `duty-day:${schoolId}:${date}`;

/** The sign-ups already holding a place on the day, read before the transaction that takes one. */
export async function holdersOf(ctx: ActionContext, schoolId: string, date: string): Promise<string[]> {
  const day = await findById<DutyDayDoc>(ctx, 'dutyDays', dutyDayIdOf(schoolId, date));
  if (day) return day.holders;
  // A day first signed up for before its place document was kept: its places from the sign-ups.
  const active = await getAll<Pick<DutyDoc, '_id'>>(
    ctx
      .collection('dutySignups')
      .where({ schoolId, status: ctx._.in(['pending', 'confirmed']), date })
      .field({ _id: true }),
  );
  return active.map((d) => d._id);
}

/**
 * Inside the sign-up's transaction: takes one of the day's places for `dutyId`, or answers false
 * when all DUTY_PER_DAY are taken. The day's document is read and written in the transaction, so
 * two sign-ups at once cannot both take the last place (WeChat aborts and retries one of them).
 */
export async function takePlace(t: TransactionRef, schoolId: string, date: string, dutyId: string, found: string[]): Promise<boolean> {
  const id = dutyDayIdOf(schoolId, date);
  const holders = (await txGet<DutyDayDoc>(t, 'dutyDays', id))?.holders ?? found;
  if (holders.includes(dutyId)) return true;
  if (holders.length >= DUTY_PER_DAY) return false;
  await t
    .collection('dutyDays')
    .doc(id)
    .set({ data: { schoolId, date, holders: [...holders, dutyId] } });
  return true;
}

/** Inside the cancelling or declining transaction: the sign-up's place is free again. */
export async function releasePlace(t: TransactionRef, doc: Pick<DutyDoc, '_id' | 'schoolId' | 'date'>): Promise<void> {
  const id = dutyDayIdOf(doc.schoolId, doc.date);
  const day = await txGet<DutyDayDoc>(t, 'dutyDays', id);
  if (!day?.holders.includes(doc._id)) return;
  await t
    .collection('dutyDays')
    .doc(id)
    .set({ data: { schoolId: doc.schoolId, date: doc.date, holders: day.holders.filter((h) => h !== doc._id) } });
}
