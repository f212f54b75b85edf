import { type ClassGroup, type ParsedRoster, parseRoster, type RosterRow, type Student } from '@kehou/shared';
import { type ActionContext, AppError, getAll, isFileIn, type TransactionRef, txGet } from '@kehou/shared/cloud';
import { MAX_ROSTER_BYTES, ROSTER_TOO_BIG } from '@kehou/shared/enrollment/schemas';
import { readSheet } from 'read-excel-file/node';

/** Student ids of imported students: the school and the student number. */
export const rosterStudentId = (schoolId: string, studentNo: string) => `stu-${schoolId}-${studentNo}`;

/** Where the mini-program uploads a school's roster (client/src/school/enrollment/roster/upload.ts). */
export const rosterFolder = (schoolId: string) => `roster/${schoolId}`;

const NOT_FOUND = '没有找到上传的文件，请重新选择';

/** The uploaded roster, by its fileID in this school's roster folder (never another school's file). */
export async function downloadRoster(ctx: ActionContext, schoolId: string, fileID: string): Promise<Buffer> {
  if (!isFileIn(fileID, rosterFolder(schoolId))) throw new AppError('INVALID_INPUT', NOT_FOUND);
  let content: Buffer;
  try {
    content = (await ctx.cloud.downloadFile({ fileID })).fileContent;
  } catch {
    throw new AppError('INVALID_INPUT', NOT_FOUND);
  }
  if (content.length > MAX_ROSTER_BYTES) throw new AppError('INVALID_INPUT', ROSTER_TOO_BIG);
  return content;
}

/** The file's rows as the school's classes read them; `fileError` when it is not a roster at all. */
export async function parseRosterFile(ctx: ActionContext, schoolId: string, content: Buffer): Promise<ParsedRoster> {
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(content)) as unknown[][];
  } catch {
    return { rows: [], problems: [], fileError: '无法读取这个文件：请上传 Excel（.xlsx）格式的花名册' };
  }
  const classes = await getAll<ClassGroup>(ctx.collection('classes').where({ schoolId }).field({ _id: true, name: true }));
  return parseRoster(
    sheet,
    classes.map((c) => ({ id: c._id, name: c.name })),
  );
}

type Follower = { collection: 'guardianships' | 'applications' | 'hardshipDeclarations'; id: string };

/** Ids of the documents that carry a student's class (bindings, applications, hardship declarations). */
export async function followersOf(ctx: ActionContext, studentIds: string[]): Promise<Map<string, Follower[]>> {
  const followers = new Map<string, Follower[]>();
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

/**
 * A known student renamed or moved, inside a transaction; a child moved to another class takes
 * its bindings, applications and declarations along (its new teacher confirms and reviews).
 * False when the student is as the row says.
 */
export async function updateStudent(t: TransactionRef, known: Student, row: RosterRow, following: Map<string, Follower[]>): Promise<boolean> {
  const current = await txGet<Student>(t, 'students', known._id);
  if (!current || (current.name === row.studentName && current.classId === row.classId)) return false;
  await t
    .collection('students')
    .doc(current._id)
    .update({ data: { name: row.studentName, classId: row.classId } });
  if (current.classId !== row.classId) {
    for (const { collection, id } of following.get(current._id) ?? []) {
      await t
        .collection(collection)
        .doc(id)
        .update({ data: collection === 'applications' ? { classId: row.classId, className: row.className } : { classId: row.classId } });
    }
  }
  return true;
}
