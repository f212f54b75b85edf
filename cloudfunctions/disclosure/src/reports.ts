import { AppError, defineAction, getAll, type ActionContext } from '@kehou/shared/cloud';
import type { Term } from '@kehou/shared';
import {
  REPORT_BUILDERS,
  chinaDate,
  exportReportSchema,
  filingDeadlineInfo,
  reportDuties,
  schoolRefSchema,
  toCsv,
  type PlanRecord,
  type PlanVersion,
  type PublicationRecord,
  type ReportExport,
  type ReportTermData,
  type SchoolOverview,
} from '@kehou/shared/disclosure';
import { loadSchool, planIdOf, profileOf, requireAdmin, requireAdminOrReviewer } from './load';
import { firstFiledOn } from './plan-editor';
import { LISTED_STATUSES } from './public';

/** The school's terms with their plan's state and filing deadline, and the reports it owes. */
export const schoolOverview = defineAction({
  input: schoolRefSchema,
  handler: async (ctx, { schoolId }): Promise<SchoolOverview> => {
    const school = await loadSchool(ctx, schoolId);
    requireAdmin(ctx, school);
    const profile = profileOf(school);
    const today = chinaDate(ctx.now());
    const records = await termRecords(ctx, schoolId, false);
    return {
      school: { schoolId, name: school.name, profileId: school.profileId, profileName: profile.name },
      terms: records.map(({ term, plan, versions }) => ({
        termId: term._id,
        name: term.name,
        startDate: term.startDate,
        current: term.current,
        status: plan?.status ?? 'none',
        publishedVersion: plan?.publishedVersion ?? 0,
        deadline: filingDeadlineInfo(profile, term.startDate, today, firstFiledOn(plan, versions)),
      })),
      reports: reportDuties(profile, today),
    };
  },
});

/**
 * A report the profile requires, built from the recorded plans, filings, publications and
 * enrolled lists, exported as CSV (UTF-8 with BOM) to cloud storage; answers with a temporary URL.
 */
export const exportReport = defineAction({
  input: exportReportSchema,
  handler: async (ctx, { schoolId, reportKey, year, half }): Promise<ReportExport & { title: string }> => {
    const school = await loadSchool(ctx, schoolId);
    requireAdminOrReviewer(ctx, school);
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
  },
});

type TermRecord = ReportTermData & { term: Term };

async function termRecords(ctx: ActionContext, schoolId: string, withEnrolment: boolean): Promise<TermRecord[]> {
  const [terms, plans, publications] = await Promise.all([
    getAll<Term>(ctx.collection('terms').where({ schoolId })),
    getAll<PlanRecord>(ctx.collection('plans').where({ schoolId })),
    getAll<PublicationRecord>(ctx.collection('publications').where({ schoolId, current: true })),
  ]);
  const records: TermRecord[] = [];
  for (const term of terms.sort((a, b) => b.startDate.localeCompare(a.startDate))) {
    const planId = planIdOf(schoolId, term._id);
    const plan = plans.find((p) => p._id === planId) ?? null;
    const termVersions = plan?.submissions ? await getAll<PlanVersion>(ctx.collection('planVersions').where({ planId })) : [];
    records.push({
      term,
      plan,
      versions: termVersions.sort((a, b) => a.number - b.number),
      publication: publications.find((p) => p.termId === term._id) ?? null,
      enrolment: withEnrolment ? await enrolmentCounts(ctx, schoolId, term._id) : { total: 0, byItem: {} },
    });
  }
  return records;
}

async function enrolmentCounts(ctx: ActionContext, schoolId: string, termId: string) {
  const applications = await getAll<{ itemIds?: unknown }>(
    ctx.collection('applications').where({ schoolId, termId, status: ctx._.in(LISTED_STATUSES) }).field({ itemIds: true }),
  );
  const byItem: Record<string, number> = {};
  for (const a of applications) {
    for (const id of Array.isArray(a.itemIds) ? a.itemIds : []) byItem[String(id)] = (byItem[String(id)] ?? 0) + 1;
  }
  return { total: applications.length, byItem };
}
