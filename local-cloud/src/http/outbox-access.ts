import type { GuardianshipRecord, UserDoc } from '@kehou/shared';
import { type Database, getAll } from '@kehou/shared/cloud';
import type { OutboxEntry } from '../outbox';

/**
 * The subscription messages a signed-in person may read in the local outbox: their own, and for a
 * school admin every message to a person who belongs to their school only (a guardian of one of
 * its children, or its staff). A family with children at two schools is seen by neither school.
 */
export async function visibleOutbox(database: Database, entries: readonly OutboxEntry[], openid: string): Promise<OutboxEntry[]> {
  const own = (entry: OutboxEntry) => entry.touser === openid;
  const user = await userOf(database, openid);
  const adminOf = new Set((user?.roles ?? []).flatMap((role) => (role.kind === 'admin' ? [role.schoolId] : [])));
  if (adminOf.size === 0) return entries.filter(own);
  const recipients = [...new Set(entries.map((entry) => entry.touser).filter((touser) => touser !== openid))];
  const schools = await schoolsOf(database, recipients);
  const inScope = (touser: string) => {
    const of = schools.get(touser);
    return !!of && of.size > 0 && [...of].every((schoolId) => adminOf.has(schoolId));
  };
  return entries.filter((entry) => own(entry) || inScope(entry.touser));
}

async function userOf(database: Database, openid: string): Promise<UserDoc | null> {
  const { data } = await database.collection('users').where({ _id: openid }).limit(1).get();
  return (data[0] as UserDoc | undefined) ?? null;
}

/** The schools each person belongs to: through a child (any binding request) or a role. */
async function schoolsOf(database: Database, openids: string[]): Promise<Map<string, Set<string>>> {
  const schools = new Map(openids.map((openid) => [openid, new Set<string>()]));
  const _ = database.command;
  for (let i = 0; i < openids.length; i += 100) {
    const batch = openids.slice(i, i + 100);
    for (const g of await getAll<GuardianshipRecord>(database.collection('guardianships').where({ openid: _.in(batch) }))) {
      schools.get(g.openid)?.add(g.schoolId);
    }
    for (const user of await getAll<UserDoc>(database.collection('users').where({ _id: _.in(batch) }))) {
      for (const role of user.roles ?? []) if ('schoolId' in role && role.schoolId) schools.get(user._id)?.add(role.schoolId);
    }
  }
  return schools;
}
