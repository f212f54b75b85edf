import { readSheet } from 'read-excel-file/node';
import { AppError, implement, getAll, isDuplicateKeyError, isFileIn, type ActionContext, asData, isoNow } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { MAX_ROSTER_BYTES, ROSTER_TOO_BIG } from '@kehou/shared/enrollment/schemas';
import { parseRoster, type ClassGroup, type RosterImportReport, type RosterRow, type Student } from '@kehou/shared';

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
    const parsed = parseRoster(sheet, classes.map((c) => ({ id: c._id, name: c.name })));
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
    for (const row of parsed.rows) {
      const student = done.get(row.studentNo) ?? (await upsertStudent(ctx, input.schoolId, row, byNo.get(row.studentNo), report));
      done.set(row.studentNo, student);
      try {
        await ctx.collection('guardianContacts').add({
          data: {
            _id: `${student._id}:${row.guardianPhone}`,
            studentId: student._id,
            schoolId: input.schoolId,
            classId: student.classId,
            name: row.guardianName,
            phone: row.guardianPhone,
            importedAt: now,
          },
        });
        report.contactsAdded++;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    await ctx.audit(
      [...done.values()].slice(0, 200).map((student) => ({ collection: 'students' as const, id: student._id })),
      `导入花名册：读取 ${report.rowsRead} 行，导入 ${report.rowsTaken} 行，新增学生 ${report.studentsCreated}，更新 ${report.studentsUpdated}，未导入 ${report.problems.length} 行`,
    );
    return report;
});

function emptyReport(fileError: string): RosterImportReport {
  return { rowsRead: 0, rowsTaken: 0, studentsCreated: 0, studentsUpdated: 0, contactsAdded: 0, problems: [], fileError };
}

async function upsertStudent(ctx: ActionContext, schoolId: string, row: RosterRow, current: Student | undefined, report: RosterImportReport): Promise<Student> {
  if (!current) {
    const student: Student = { _id: rosterStudentId(schoolId, row.studentNo), schoolId, classId: row.classId, name: row.studentName, studentNo: row.studentNo };
    try {
      await ctx.collection('students').add({ data: asData(student) });
      report.studentsCreated++;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    return student;
  }
  if (current.name === row.studentName && current.classId === row.classId) return current;
  await ctx.collection('students').doc(current._id).update({ data: { name: row.studentName, classId: row.classId } });
  if (current.classId !== row.classId) {
    // Moved to another class: its teacher now confirms bindings and reviews applications.
    await ctx.collection('guardianships').where({ studentId: current._id }).update({ data: { classId: row.classId } });
    await ctx.collection('applications').where({ studentId: current._id }).update({ data: { classId: row.classId, className: row.className } });
    await ctx.collection('hardshipDeclarations').where({ studentId: current._id }).update({ data: { classId: row.classId } });
  }
  report.studentsUpdated++;
  return { ...current, name: row.studentName, classId: row.classId };
}
