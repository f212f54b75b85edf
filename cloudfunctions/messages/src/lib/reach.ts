import { type ClassGroup, type GuardianshipRecord, type ReachView, TEMPLATE_TITLES, type UserDoc } from '@kehou/shared';
import { type ActionContext, getAll } from '@kehou/shared/cloud';
import type { MessageRecordDoc } from '@kehou/shared/notify/server';

/** Held messages of the last this many days count. */
export const REACH_DAYS = 30;
/** At most this many held messages are read (the newest); the count covers all of them. */
const READ = 100;

/**
 * Whom messages could not reach (held: no consent left), in a school or a class: how many people,
 * and who (the guardian's name and class, never a child's name), so a teacher can remind them.
 */
export async function reachOf(ctx: ActionContext, where: { schoolIds: string } | { classIds: string }, schoolId: string, classId?: string): Promise<ReachView> {
  const _ = ctx._;
  const since = new Date(ctx.now().getTime() - REACH_DAYS * 86_400_000).toISOString();
  const query = ctx.collection('messageQueue').where({ kind: 'message', status: 'held', at: _.gte(since), ...where });
  const messages = (await query.count()).total;
  const { data } = await ctx
    .collection('messageQueue')
    .where({ kind: 'message', status: 'held', at: _.gte(since), ...where })
    .orderBy('at', 'desc')
    .limit(READ)
    .get();
  const held = data as MessageRecordDoc[];
  const byPerson = new Map<string, { titles: Set<string>; lastAt: string }>();
  for (const m of held) {
    const row = byPerson.get(m.touser) ?? { titles: new Set<string>(), lastAt: m.at };
    row.titles.add(TEMPLATE_TITLES[m.templateId] ?? '消息');
    if (m.at > row.lastAt) row.lastAt = m.at;
    byPerson.set(m.touser, row);
  }
  const openids = [...byPerson.keys()];
  if (!openids.length) return { people: 0, messages, days: REACH_DAYS, rows: [] };
  const guardianships = await getAll<GuardianshipRecord>(
    ctx.collection('guardianships').where({ openid: _.in(openids), schoolId, status: 'confirmed', ...(classId ? { classId } : {}) }),
  );
  const classIds = [...new Set(guardianships.map((g) => g.classId))];
  const classes = classIds.length
    ? ((
        await ctx
          .collection('classes')
          .where({ _id: _.in(classIds) })
          .limit(100)
          .get()
      ).data as ClassGroup[])
    : [];
  const className = new Map(classes.map((c) => [c._id, c.name]));
  const staff = openids.filter((o) => !guardianships.some((g) => g.openid === o));
  const users = staff.length
    ? ((
        await ctx
          .collection('users')
          .where({ _id: _.in(staff) })
          .limit(100)
          .get()
      ).data as UserDoc[])
    : [];
  const rows = openids.map((openid) => {
    const mine = guardianships.filter((g) => g.openid === openid);
    const person = byPerson.get(openid)!;
    return {
      name: mine[0]?.guardianName ?? users.find((u) => u._id === openid)?.name ?? '（未知）',
      className: mine.length ? [...new Set(mine.map((g) => className.get(g.classId) ?? ''))].join('、') : '教职工',
      titles: [...person.titles],
      lastAt: person.lastAt,
    };
  });
  return { people: openids.length, messages, days: REACH_DAYS, rows: rows.slice(0, 50) };
}
