import { type ActionContext, getAll } from '../../cloud';
import { bindingRef, type GuardianContact, type GuardianshipRecord, type PendingBinding, type Student } from '../../index';

/** Pending binding requests as staff see them: the child, who asks, and whether the roster knows their phone. */
export async function pendingBindingViews(ctx: ActionContext, pending: GuardianshipRecord[]): Promise<PendingBinding[]> {
  if (!pending.length) return [];
  const students = await getAll<Student>(ctx.collection('students').where({ _id: ctx._.in([...new Set(pending.map((g) => g.studentId))]) }));
  const contacts = await getAll<GuardianContact>(ctx.collection('guardianContacts').where({ studentId: ctx._.in(students.map((s) => s._id)) }));
  return pending.map((g) => {
    const student = students.find((s) => s._id === g.studentId);
    return {
      guardianshipId: g.ref ?? bindingRef(g._id),
      studentId: g.studentId,
      studentName: student?.name ?? '',
      studentNo: student?.studentNo ?? '',
      guardianName: g.guardianName,
      relation: g.relation,
      phone: g.phone ?? null,
      rosterMatch: !!g.phone && contacts.some((c) => c.studentId === g.studentId && c.phone === g.phone),
      requestedAt: g.requestedAt ?? null,
    };
  });
}
