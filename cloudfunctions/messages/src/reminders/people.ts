import type { GuardianshipRecord, UserDoc } from '@kehou/shared';
import { type ActionContext, getAll } from '@kehou/shared/cloud';

/** The confirmed guardians of the children, by child (one query for a page of children). */
export async function guardiansOf(ctx: ActionContext, studentIds: string[]): Promise<Map<string, string[]>> {
  const byStudent = new Map<string, string[]>();
  if (!studentIds.length) return byStudent;
  const rows = await getAll<GuardianshipRecord>(ctx.collection('guardianships').where({ studentId: ctx._.in([...new Set(studentIds)]), status: 'confirmed' }));
  for (const g of rows) byStudent.set(g.studentId, [...(byStudent.get(g.studentId) ?? []), g.openid]);
  return byStudent;
}

/** The admins of the schools, by school (one query). */
export async function adminsOf(ctx: ActionContext, schoolIds: string[]): Promise<Map<string, string[]>> {
  const bySchool = new Map<string, string[]>();
  if (!schoolIds.length) return bySchool;
  const _ = ctx._;
  const wanted = new Set(schoolIds);
  const users = await getAll<UserDoc>(ctx.collection('users').where({ roles: _.elemMatch({ kind: 'admin', schoolId: _.in([...wanted]) }) }));
  for (const user of users) {
    for (const role of user.roles) {
      if (role.kind === 'admin' && wanted.has(role.schoolId)) bySchool.set(role.schoolId, [...(bySchool.get(role.schoolId) ?? []), user._id]);
    }
  }
  return bySchool;
}
