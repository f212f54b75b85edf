import { type ActionContext, type AuditNote, getAll, isoNow, txGet, writeAudited } from '../../cloud';
import type { ApplicationDoc, ClubPlace, ClubPlacement, ClubRosterDoc, PlanItem } from '../../index';

/**
 * Club places. Each club with a capacity has one roster document per term, created and changed only
 * inside a transaction on that document (with its audit entry): places go in approval order, never
 * beyond capacity, then to a waiting list; when a place frees, the first waiting child gets it at once.
 */
export const clubRosterId = (termId: string, itemId: string) => `${termId}:${itemId}`;

export const hasCapacity = (item: Pick<PlanItem, 'kind' | 'capacity'>) => item.kind === 'club' && typeof item.capacity === 'number' && item.capacity > 0;

export type Placement = ClubPlacement;

const emptyRoster = (app: ApplicationDoc, item: PlanItem): ClubRosterDoc => ({
  _id: clubRosterId(app.termId, item.id),
  termId: app.termId,
  schoolId: app.schoolId,
  itemId: item.id,
  capacity: item.capacity ?? 0,
  seats: [],
  waiting: [],
});

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

/** Changes the roster (made from `initial` when there is none yet) and records `note(result)`, in one transaction. */
async function changeRoster<T>(
  ctx: ActionContext,
  initial: ClubRosterDoc,
  change: (roster: ClubRosterDoc, now: string) => T,
  note: (result: T) => AuditNote,
): Promise<T> {
  const now = isoNow(ctx);
  return writeAudited(ctx, async (transaction) => {
    const roster = (await txGet<ClubRosterDoc>(transaction, 'clubSeats', initial._id)) ?? (JSON.parse(JSON.stringify(initial)) as ClubRosterDoc);
    const result = change(roster, now);
    const { _id, ...data } = roster;
    await transaction
      .collection('clubSeats')
      .doc(_id)
      .set({ data: data as unknown as Record<string, unknown> });
    return { result, note: note(result) };
  });
}

/** Gives the application a place in each chosen club with a capacity, or a waiting-list place. */
export async function joinClubs(ctx: ActionContext, app: ApplicationDoc, items: PlanItem[]): Promise<Placement[]> {
  const placements: Placement[] = [];
  for (const item of items.filter((i) => app.itemIds.includes(i.id) && hasCapacity(i))) {
    const initial = emptyRoster(app, item);
    const placement = await changeRoster(
      ctx,
      initial,
      (roster, now): Placement => {
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
      },
      (placed) => ({
        targets: [{ collection: 'clubSeats', id: initial._id }],
        summary: placed.placement === 'placed' ? `${app.studentName} 获得名额` : `${app.studentName} 候补第 ${placed.position} 位`,
      }),
    );
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
    const promoted = await changeRoster(
      ctx,
      roster,
      (current, now) => {
        current.seats = current.seats.filter((p) => p.applicationId !== app._id);
        current.waiting = current.waiting.filter((p) => p.applicationId !== app._id);
        return promote(current, now);
      },
      (moved) => ({
        targets: [{ collection: 'clubSeats', id: roster._id }, ...moved.map((p) => ({ collection: 'applications' as const, id: p.applicationId }))],
        summary: `${app.studentName} 退出${moved.length ? `，候补递补 ${moved.length} 人` : ''}`,
      }),
    );
    result.push({ itemId: roster.itemId, promoted });
  }
  return result;
}

/** Every club roster of a term, by item id. */
export async function clubRosters(ctx: ActionContext, termId: string): Promise<Map<string, ClubRosterDoc>> {
  const rosters = await getAll<ClubRosterDoc>(ctx.collection('clubSeats').where({ termId }));
  return new Map(rosters.map((r) => [r.itemId, r]));
}

/**
 * Club places for many applications approved together, in the order given (approval order): one
 * transaction per club, whatever the number of children. Idempotent: a child already seated or
 * waiting keeps their place. Returns each application's placements.
 */
export async function joinClubsMany(ctx: ActionContext, apps: readonly ApplicationDoc[], items: PlanItem[]): Promise<Map<string, Placement[]>> {
  const placements = new Map<string, Placement[]>(apps.map((a) => [a._id, []]));
  for (const item of items.filter(hasCapacity)) {
    const joining = apps.filter((a) => a.itemIds.includes(item.id));
    if (!joining.length) continue;
    const placed = await changeRoster(
      ctx,
      emptyRoster(joining[0], item),
      (roster, now) => {
        roster.capacity = item.capacity!;
        promote(roster, now);
        return joining.map((app): [string, Placement] => {
          if (roster.seats.some((p) => p.applicationId === app._id)) return [app._id, { itemId: item.id, placement: 'placed' }];
          let position = roster.waiting.findIndex((p) => p.applicationId === app._id);
          if (position < 0) {
            const place = { applicationId: app._id, studentId: app.studentId, at: now };
            if (roster.seats.length < roster.capacity && roster.waiting.length === 0) {
              roster.seats.push(place);
              return [app._id, { itemId: item.id, placement: 'placed' }];
            }
            roster.waiting.push(place);
            position = roster.waiting.length - 1;
          }
          return [app._id, { itemId: item.id, placement: 'waiting', position: position + 1 }];
        });
      },
      (result) => ({
        targets: [{ collection: 'clubSeats', id: clubRosterId(joining[0].termId, item.id) }],
        summary: `${item.name}：批量审核 ${result.length} 人，${result.filter(([, p]) => p.placement === 'placed').length} 人获得名额`,
      }),
    );
    for (const [id, placement] of placed) placements.get(id)?.push(placement);
  }
  return placements;
}
