import { getAll, isDuplicateKeyError, type ActionContext, isoNow } from '../../cloud';
import type { ApplicationDoc, ClubPlace, ClubPlacement, ClubRosterDoc, PlanItem } from '../../index';

/**
 * Club places. Each club with a capacity has one roster document per term, changed only inside a
 * transaction on that document: places go in approval order, never beyond capacity, then to a
 * waiting list; when a place frees, the first waiting child gets it at once.
 */
export const clubRosterId = (termId: string, itemId: string) => `${termId}:${itemId}`;

export const hasCapacity = (item: Pick<PlanItem, 'kind' | 'capacity'>) => item.kind === 'club' && typeof item.capacity === 'number' && item.capacity > 0;

export type Placement = ClubPlacement;

async function ensureRoster(ctx: ActionContext, app: ApplicationDoc, item: PlanItem): Promise<string> {
  const id = clubRosterId(app.termId, item.id);
  try {
    await ctx.collection('clubSeats').add({
      data: { _id: id, termId: app.termId, schoolId: app.schoolId, itemId: item.id, capacity: item.capacity ?? 0, seats: [], waiting: [] },
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  return id;
}

/** Moves waiting children into free places, first come first served. */
function promote(roster: ClubRosterDoc, now: string): ClubPlace[] {
  const promoted: ClubPlace[] = [];
  while (roster.seats.length < roster.capacity && roster.waiting.length > 0) {
    const next = roster.waiting.shift()!;
    const place = { ...next, at: now };
    roster.seats.push(place);
    promoted.push(place);
  }
  return promoted;
}

async function changeRoster<T>(
  ctx: ActionContext,
  id: string,
  change: (roster: ClubRosterDoc, now: string) => T,
): Promise<T> {
  const now = isoNow(ctx);
  return ctx.db.runTransaction(async (transaction) => {
    const ref = transaction.collection('clubSeats').doc(id);
    const roster = (await ref.get()).data as ClubRosterDoc;
    const result = change(roster, now);
    const { _id, ...data } = roster;
    void _id;
    await ref.set({ data: data as unknown as Record<string, unknown> });
    return result;
  });
}

/** Gives the application a place in each chosen club with a capacity, or a waiting-list place. */
export async function joinClubs(ctx: ActionContext, app: ApplicationDoc, items: PlanItem[]): Promise<Placement[]> {
  const placements: Placement[] = [];
  for (const item of items.filter((i) => app.itemIds.includes(i.id) && hasCapacity(i))) {
    const id = await ensureRoster(ctx, app, item);
    const placement = await changeRoster(ctx, id, (roster, now): Placement => {
      roster.capacity = item.capacity!;
      promote(roster, now);
      const seated = roster.seats.some((p) => p.applicationId === app._id);
      let position = roster.waiting.findIndex((p) => p.applicationId === app._id);
      if (!seated && position < 0) {
        const place = { applicationId: app._id, studentId: app.studentId, at: now };
        if (roster.seats.length < roster.capacity && roster.waiting.length === 0) {
          roster.seats.push(place);
          return { itemId: item.id, placement: 'placed' };
        }
        roster.waiting.push(place);
        position = roster.waiting.length - 1;
      }
      return seated ? { itemId: item.id, placement: 'placed' } : { itemId: item.id, placement: 'waiting', position: position + 1 };
    });
    await ctx.audit([{ collection: 'clubSeats', id }], placement.placement === 'placed' ? `${app.studentName} 获得名额` : `${app.studentName} 候补第 ${placement.position} 位`);
    placements.push(placement);
  }
  return placements;
}

/** Frees the application's places and waiting-list places; returns who moved up into a freed place. */
export async function leaveClubs(ctx: ActionContext, app: ApplicationDoc): Promise<{ itemId: string; promoted: ClubPlace[] }[]> {
  const rosters = await getAll<ClubRosterDoc>(ctx.collection('clubSeats').where({ termId: app.termId }));
  const result: { itemId: string; promoted: ClubPlace[] }[] = [];
  for (const roster of rosters) {
    const inRoster = [...roster.seats, ...roster.waiting].some((p) => p.applicationId === app._id);
    if (!inRoster) continue;
    const promoted = await changeRoster(ctx, roster._id, (current, now) => {
      current.seats = current.seats.filter((p) => p.applicationId !== app._id);
      current.waiting = current.waiting.filter((p) => p.applicationId !== app._id);
      return promote(current, now);
    });
    await ctx.audit([{ collection: 'clubSeats', id: roster._id }], `${app.studentName} 退出${promoted.length ? `，候补递补 ${promoted.length} 人` : ''}`);
    result.push({ itemId: roster.itemId, promoted });
  }
  return result;
}

/** Every club roster of a term, by item id. */
export async function clubRosters(ctx: ActionContext, termId: string): Promise<Map<string, ClubRosterDoc>> {
  const rosters = await getAll<ClubRosterDoc>(ctx.collection('clubSeats').where({ termId }));
  return new Map(rosters.map((r) => [r.itemId, r]));
}
