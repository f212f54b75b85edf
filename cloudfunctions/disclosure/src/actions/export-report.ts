import { AppError, implement } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { REPORT_BUILDERS, toCsv } from '@kehou/shared/disclosure';
import { profileOf } from '../lib/load';
import { termRecords } from '../lib/term-records';

/**
 * A report the profile requires, built from the recorded plans, filings, publications and
 * enrolled lists, exported as CSV (UTF-8 with BOM) to cloud storage; answers with a temporary URL.
 */
export const exportReport = implement(disclosureContract.actions.exportReport, async (ctx, { schoolId, reportKey, year, half }, { doc: school }) => {
  const profile = profileOf(school);
  const duty = profile.reports.find((r) => r.key === reportKey);
  const build = REPORT_BUILDERS[reportKey];
  if (!duty || !build) throw new AppError('INVALID_INPUT', '本地政策没有规定这项报告');
  if (duty.due.length === 2 && half === undefined) throw new AppError('INVALID_INPUT', '请选择上半年或下半年');
  const period = duty.due.length === 2 ? { year, half } : { year };
  const records = await termRecords(ctx, schoolId, true);
  const table = build(profile, school.name, period, records);
  const cloudPath = `disclosure/${schoolId}/reports/${Date.now()}-${table.fileName}`;
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: Buffer.from(toCsv(table.rows), 'utf8') });
  const { fileList } = await ctx.cloud.getTempFileURL({ fileList: [fileID] });
  await ctx.audit([{ collection: 'schools', id: schoolId }], `导出报告：${table.title}`);
  return { title: table.title, fileId: fileID, url: fileList[0]?.tempFileURL ?? '', fileName: table.fileName, rows: table.rows.length };
});
