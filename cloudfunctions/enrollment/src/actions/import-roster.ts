import { type ClassGroup, parseRoster, type RosterImportReport, type RosterRow, type Student } from '@kehou/shared';
import { type ActionContext, AppError, getAll, implement, isFileIn, isoNow, type TransactionRef, txGet, writeAudited } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { MAX_ROSTER_BYTES, ROSTER_TOO_BIG } from '@kehou/shared/enrollment/schemas';
import { readSheet } from 'read-excel-file/node';

/** Student ids of imported students: the school and the student number. */
export const rosterStudentId = (schoolId: string, studentNo: string) => `stu-${schoolId}-${studentNo}`;

/** Where the mini-program uploads a school's roster (client/src/school/enrollment/roster/upload.ts). */
export const rosterFolder = (schoolId: string) => `roster/${schoolId}`;

/** The uploaded file: base64, or a fileID in this school's roster folder (never another school's file). */
async function readFile(ctx: ActionContext, schoolId: string, file: { base64: string } | { fileID: string }): Promise<Buffer> {
  if ('base64' in file) return Buffer.from(file.base64.replace(/^data:[^,]*,/, ''), 'base64');
  if (!isFileIn(file.fileID, rosterFolder(schoolId))) throw new AppError('INVALID_INPUT', '没有找到上传的文件，请重新选择');
  try {
    return (await ctx.cloud.downloadFile({ fileID: file.fileID })).fileContent;
  } catch {
    throw new AppError('INVALID_INPUT', '没有找到上传的文件，请重新选择');
  }
}

/**
 * The school imports its roster from an Excel file (班级、学生姓名、学号、家长姓名、家长手机):
 * students are created or updated (one per school and student number), guardians named on the
 * roster are kept as contacts a parent's binding is matched against, and every row not taken is
 * reported with its number and the reason.
 */
export const importRoster = implement(enrollmentContract.actions.importRoster, async (ctx, input) => {
  const buffer = await readFile(ctx, input.schoolId, input.file);
  if (buffer.length > MAX_ROSTER_BYTES) throw new AppError('INVALID_INPUT', ROSTER_TOO_BIG);
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(buffer)) as unknown[][];
  } catch {
    return emptyReport('无法读取这个文件：请上传 Excel（.xlsx）格式的花名册');
  }
  const classes = await getAll<ClassGroup>(ctx.collection('classes').where({ schoolId: input.schoolId }));
  const parsed = parseRoster(
    sheet,
    classes.map((c) => ({ id: c._id, name: c.name })),
  );
  if (parsed.fileError) return emptyReport(parsed.fileError);

  const existing = await getAll<Student>(ctx.collection('students').where({ schoolId: input.schoolId }));
  const byNo = new Map(existing.map((s) => [s.studentNo, s]));
  const report: RosterImportReport = {
    rowsRead: parsed.rows.length + parsed.problems.length,
    rowsTaken: parsed.rows.length,
    studentsCreated: 0,
    studentsUpdated: 0,
    contactsAdded: 0,
    problems: parsed.problems,
  };
  const now = isoNow(ctx);
  const done = new Map<string, Student>();
  for (let first = 0; first < parsed.rows.length; first += ROSTER_BATCH) {
    await importBatch(ctx, input.schoolId, parsed.rows.slice(first, first + ROSTER_BATCH), { byNo, done, report, now });
  }
  return report;
});

/** Rows written (with their audit entry) per transaction. */
const ROSTER_BATCH = 50;

interface ImportState {
  byNo: Map<string, Student>;
  /** Students written by earlier batches of this import (a child with two guardians has two rows). */
  done: Map<string, Student>;
  report: RosterImportReport;
  now: string;
}

type Counts = Pick<RosterImportReport, 'studentsCreated' | 'studentsUpdated' | 'contactsAdded'>;

/**
 * One batch of rows in one transaction: its students (created, or renamed and moved), the documents
 * that follow a child to another class, the guardian contacts, and the batch's audit entry.
 */
async function importBatch(ctx: ActionContext, schoolId: string, rows: RosterRow[], state: ImportState): Promise<void> {
  const moving = rows.flatMap((row) => {
    const current = state.byNo.get(row.studentNo);
    return current && !state.done.has(row.studentNo) && current.classId !== row.classId ? [current._id] : [];
  });
  const following = await followersOf(ctx, moving);
  const { students, counts } = await writeAudited(ctx, async (t) => {
    const counts: Counts = { studentsCreated: 0, studentsUpdated: 0, contactsAdded: 0 };
    const students = new Map<string, Student>();
    for (const row of rows) {
      const student =
        students.get(row.studentNo) ??
        state.done.get(row.studentNo) ??
        (await upsertStudent(t, schoolId, row, state.byNo.get(row.studentNo), following, counts));
      students.set(row.studentNo, student);
      const contactId = `${student._id}:${row.guardianPhone}`;
      if (await txGet(t, 'guardianContacts', contactId)) continue;
      await t
        .collection('guardianContacts')
        .doc(contactId)
        .set({
          data: { studentId: student._id, schoolId, classId: student.classId, name: row.guardianName, phone: row.guardianPhone, importedAt: state.now },
        });
      counts.contactsAdded++;
    }
    const changed = counts.studentsCreated + counts.studentsUpdated + counts.contactsAdded > 0;
    const note = {
      targets: [...students.values()].map((student) => ({ collection: 'students' as const, id: student._id })),
      summary: `导入花名册：${rows.length} 行，新增学生 ${counts.studentsCreated}，更新 ${counts.studentsUpdated}，新增家长联系方式 ${counts.contactsAdded}`,
    };
    return { result: { students, counts }, note: changed ? note : null };
  });
  for (const [no, student] of students) state.done.set(no, student);
  state.report.studentsCreated += counts.studentsCreated;
  state.report.studentsUpdated += counts.studentsUpdated;
  state.report.contactsAdded += counts.contactsAdded;
}

/** Ids of the documents that carry a student's class (bindings, applications, hardship declarations). */
async function followersOf(
  ctx: ActionContext,
  studentIds: string[],
): Promise<Map<string, { collection: 'guardianships' | 'applications' | 'hardshipDeclarations'; id: string }[]>> {
  const followers = new Map<string, { collection: 'guardianships' | 'applications' | 'hardshipDeclarations'; id: string }[]>();
  if (!studentIds.length) return followers;
  for (const collection of ['guardianships', 'applications', 'hardshipDeclarations'] as const) {
    for (const doc of await getAll<{ _id: string; studentId: string }>(
      ctx
        .collection(collection)
        .where({ studentId: ctx._.in(studentIds) })
        .field({ _id: true, studentId: true }),
    )) {
      followers.set(doc.studentId, [...(followers.get(doc.studentId) ?? []), { collection, id: doc._id }]);
    }
  }
  return followers;
}

function emptyReport(fileError: string): RosterImportReport {
  return { rowsRead: 0, rowsTaken: 0, studentsCreated: 0, studentsUpdated: 0, contactsAdded: 0, problems: [], fileError };
}

async function upsertStudent(
  t: TransactionRef,
  schoolId: string,
  row: RosterRow,
  known: Student | undefined,
  following: Awaited<ReturnType<typeof followersOf>>,
  counts: Counts,
): Promise<Student> {
  const current = known ? await txGet<Student>(t, 'students', known._id) : null;
  if (!current) {
    const student: Student = {
      _id: known?._id ?? rosterStudentId(schoolId, row.studentNo),
      schoolId,
      classId: row.classId,
      name: row.studentName,
      studentNo: row.studentNo,
    };
    if (await txGet(t, 'students', student._id)) return student; // imported at the same moment by another call
    const { _id, ...data } = student;
    await t
      .collection('students')
      .doc(_id)
      .set({ data: { ...data } });
    counts.studentsCreated++;
    return student;
  }
  if (current.name === row.studentName && current.classId === row.classId) return current;
  await t
    .collection('students')
    .doc(current._id)
    .update({ data: { name: row.studentName, classId: row.classId } });
  if (current.classId !== row.classId) {
    // Moved to another class: its teacher now confirms bindings and reviews applications.
    for (const { collection, id } of following.get(current._id) ?? []) {
      await t
        .collection(collection)
        .doc(id)
        .update({ data: collection === 'applications' ? { classId: row.classId, className: row.className } : { classId: row.classId } });
    }
  }
  counts.studentsUpdated++;
  return { ...current, name: row.studentName, classId: row.classId };
}
