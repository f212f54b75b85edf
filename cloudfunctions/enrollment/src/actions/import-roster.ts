import { type RosterImportReport, sha256Bytes } from '@kehou/shared';
import { type ActionContext, AppError, advanceJob, implement, startJob } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { MAX_ROSTER_BYTES, ROSTER_TOO_BIG } from '@kehou/shared/enrollment/schemas';
import { importRosterStep } from '../jobs/import-roster';
import { downloadRoster, parseRosterFile, rosterFolder } from '../lib/roster';

/**
 * The school imports its roster from an Excel file (班级、学生姓名、学号、家长姓名、家长手机):
 * students are created or updated (one per school and student number), guardians named on the
 * roster are kept as contacts a parent's binding is matched against, and every row not taken is
 * reported with its number and the reason.
 *
 * The file reaches the function through cloud storage (its fileID; WeChat caps a call's data near
 * 100 KB). The local H5 client, which has no cloud storage, sends it as base64 and the function
 * stores it first. The import is a job (`import-roster:<school>:<the file's sha256>`): this call
 * parses the file, reports its problems and does the first step; enrollment.advanceJob does the
 * rest. The same file imported again runs again and changes nothing.
 */
export const importRoster = implement(enrollmentContract.actions.importRoster, async (ctx, input) => {
  const { fileID, content } = await storedFile(ctx, input.schoolId, input.file);
  const parsed = await parseRosterFile(ctx, input.schoolId, content);
  const rowsRead = parsed.rows.length + parsed.problems.length;
  if (parsed.fileError) return { ...emptyReport(), fileError: parsed.fileError };
  const job = await startJob(
    ctx,
    {
      kind: 'import-roster',
      scope: `${input.schoolId}:${sha256Bytes(content).slice(0, 32)}`,
      schoolId: input.schoolId,
      total: parsed.rows.length,
      params: { fileID },
      summary: `导入花名册：${parsed.rows.length} 行`,
    },
    { restart: true },
  );
  const view = await advanceJob(ctx, job, importRosterStep);
  const report: RosterImportReport = {
    rowsRead,
    rowsTaken: parsed.rows.length,
    studentsCreated: view.result.studentsCreated ?? 0,
    studentsUpdated: view.result.studentsUpdated ?? 0,
    contactsAdded: view.result.contactsAdded ?? 0,
    problems: parsed.problems,
    job: view,
  };
  return report;
});

async function storedFile(ctx: ActionContext, schoolId: string, file: { base64: string } | { fileID: string }): Promise<{ fileID: string; content: Buffer }> {
  if ('fileID' in file) return { fileID: file.fileID, content: await downloadRoster(ctx, schoolId, file.fileID) };
  const content = Buffer.from(file.base64.replace(/^data:[^,]*,/, ''), 'base64');
  if (content.length > MAX_ROSTER_BYTES) throw new AppError('INVALID_INPUT', ROSTER_TOO_BIG);
  const cloudPath = `${rosterFolder(schoolId)}/${sha256Bytes(content).slice(0, 32)}.xlsx`;
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: content });
  return { fileID, content };
}

function emptyReport(): RosterImportReport {
  return { rowsRead: 0, rowsTaken: 0, studentsCreated: 0, studentsUpdated: 0, contactsAdded: 0, problems: [] };
}
