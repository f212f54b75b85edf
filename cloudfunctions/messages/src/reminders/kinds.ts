import type { ActionContext } from '@kehou/shared/cloud';

/** Documents read per step of a reminder (one page, a few more queries for its people): well under 100 round trips. */
export const PAGE = 50;

/** Days after which an unsigned agreement or an unpaid notice is reminded, and again every as many days. */
export const UNSIGNED_AFTER_DAYS = 3;
export const UNPAID_AFTER_DAYS = 7;

/** Days before a report is due on which the school is reminded. */
export const REPORT_REMINDER_DAYS = [7, 3, 1, 0];

/**
 * One kind of reminder: a school-wide scan in pages (by `_id`, from `cursor`), queuing its messages
 * through `ctx.notify` with a thing per reminder subject (the queue sends each once per person and
 * day). Answers the next cursor, or null when the scan is done for today.
 */
export interface ReminderKind {
  key: string;
  step(ctx: ActionContext, today: string, cursor: string | null): Promise<string | null>;
}

/** A page of a collection after `cursor`, in `_id` order, and the cursor after it (null: the last page). */
export async function pageAfter<T extends { _id: string }>(
  ctx: ActionContext,
  collection: Parameters<ActionContext['collection']>[0],
  where: Record<string, unknown>,
  cursor: string | null,
): Promise<{ docs: T[]; next: string | null }> {
  const query = cursor ? { ...where, _id: ctx._.gt(cursor) } : where;
  const { data } = await ctx.collection(collection).where(query).orderBy('_id', 'asc').limit(PAGE).get();
  const docs = data as T[];
  return { docs, next: docs.length < PAGE ? null : docs[docs.length - 1]._id };
}

/** Reminded on day `after`, then every `after` days. */
export const dueToday = (days: number, after: number) => days >= after && (days - after) % after === 0;
