import type { RosterRow, Student } from '@kehou/shared';
import { markingStaleAtEnd } from '@kehou/shared/bureau/server';
import { type ActionContext, addManyAudited, auditEntry, findById, getAll, type JobStep, txGet } from '@kehou/shared/cloud';
import { downloadRoster, followersOf, parseRosterFile, rosterStudentId, updateStudent } from '../lib/roster';

/** Roster rows imported per step (new students and contacts are added in one call each). */
export const ROSTER_STEP = 100;

export interface ImportRosterParams {
  fileID: string;
}

/**
 * One step of importing the roster: rows [cursor, cursor + 100) of the stored file (read again each
 * step, so nothing big lives in the job). The batch's students and contacts that exist are read
 * at once (`_.in`); new ones are added in one call each, known students renamed or moved in one
 * transaction. A batch redone after a kill finds what it wrote and adds only the rest.
 * The last step marks the bureau's summary of the school out of date.
 */
export const importRosterStep: JobStep = markingStaleAtEnd(async (ctx, job) => {
  const { fileID } = job.params as unknown as ImportRosterParams;
  const parsed = await parseRosterFile(ctx, job.schoolId, await downloadRoster(ctx, job.schoolId, fileID));
  const from = Number(job.cursor ?? 0);
  const batch = parsed.rows.slice(from, from + ROSTER_STEP);
  const counts = await importRows(ctx, job.schoolId, batch, `${job._id}@${job.startedAt}:${from}`);
  const to = from + batch.length;
  return { cursor: String(to), done: batch.length, total: parsed.rows.length, add: counts, finished: to >= parsed.rows.length };
});

async function importRows(ctx: ActionContext, schoolId: string, rows: RosterRow[], batchId: string) {
  const counts = { studentsCreated: 0, studentsUpdated: 0, contactsAdded: 0 };
  if (!rows.length) return counts;
  const firstRows = new Map<string, RosterRow>();
  for (const row of rows) if (!firstRows.has(row.studentNo)) firstRows.set(row.studentNo, row);
  const known = new Map(
    (await getAll<Student>(ctx.collection('students').where({ schoolId, studentNo: ctx._.in([...firstRows.keys()]) }))).map((s) => [s.studentNo, s]),
  );
  const studentIdOf = (no: string) => known.get(no)?._id ?? rosterStudentId(schoolId, no);

  // Known students renamed or moved: one transaction, with its entry under the batch's id (a redone batch counts them from it).
  const updatedId = `batch:${batchId}:updated`;
  const changed = [...firstRows.values()].filter((row) => {
    const student = known.get(row.studentNo);
    return student && (student.name !== row.studentName || student.classId !== row.classId);
  });
  if (changed.length) {
    const moving = changed.filter((row) => known.get(row.studentNo)!.classId !== row.classId).map((row) => known.get(row.studentNo)!._id);
    const following = await followersOf(ctx, moving);
    counts.studentsUpdated = await ctx.db.runTransaction(async (t) => {
      const ids: string[] = [];
      for (const row of changed) if (await updateStudent(t, known.get(row.studentNo)!, row, following)) ids.push(studentIdOf(row.studentNo));
      const before = await txGet<{ targets: unknown[] }>(t, 'audit', updatedId);
      if (ids.length && !before)
        await t
          .collection('audit')
          .doc(updatedId)
          .set({
            data: {
              ...auditEntry(ctx, { targets: ids.map((id) => ({ collection: 'students' as const, id })), summary: `导入花名册：更新学生 ${ids.length}` }),
            },
          });
      return before?.targets.length ?? ids.length;
    });
  } else counts.studentsUpdated = (await findById<{ targets: unknown[] }>(ctx, 'audit', updatedId))?.targets.length ?? 0;

  const now = ctx.now().toISOString();
  const created = [...firstRows.values()]
    .filter((row) => !known.has(row.studentNo))
    .map((row) => ({ _id: rosterStudentId(schoolId, row.studentNo), schoolId, classId: row.classId, name: row.studentName, studentNo: row.studentNo }));
  counts.studentsCreated = await addManyAudited(ctx, 'students', `${batchId}:students`, created, `导入花名册：新增学生 ${created.length}`);

  const contacts = new Map<string, Record<string, unknown> & { _id: string }>();
  for (const row of rows) {
    const studentId = studentIdOf(row.studentNo);
    const classId = known.get(row.studentNo) && !changed.includes(row) ? known.get(row.studentNo)!.classId : row.classId;
    const _id = `${studentId}:${row.guardianPhone}`;
    if (!contacts.has(_id)) contacts.set(_id, { _id, studentId, schoolId, classId, name: row.guardianName, phone: row.guardianPhone, importedAt: now });
  }
  const existing = new Set(
    (
      await getAll<{ _id: string }>(
        ctx
          .collection('guardianContacts')
          .where({ _id: ctx._.in([...contacts.keys()]) })
          .field({ _id: true }),
      )
    ).map((c) => c._id),
  );
  const fresh = [...contacts.values()].filter((c) => !existing.has(c._id));
  counts.contactsAdded = await addManyAudited(ctx, 'guardianContacts', `${batchId}:contacts`, fresh, `导入花名册：新增家长联系方式 ${fresh.length}`);
  return counts;
}
