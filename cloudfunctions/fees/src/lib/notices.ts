import type { School } from '@kehou/shared';
import { type ActionContext, AppError, chinaToday, getAll } from '@kehou/shared/cloud';
import { type BillingRunDoc, type NoticePreview, type PreviewRow, rowsDigest } from '@kehou/shared/fees';
import { assertTermChargeable, loadTermBilling, type PeriodRow, periodOf, periodRows, type TermBilling } from '@kehou/shared/fees/server';
import { type BillingPeriod, formatCitation, getProfile, mayIssuePeriod, refundRequests } from '@kehou/shared/policy';

/** Where the service is free for families (xxcity 003): said plainly, nothing is ever issued. */
export function refuseIfFree(school: School): void {
  const model = getProfile(school.profileId).fees.model;
  if (model.kind === 'free') {
    throw new AppError('POLICY_VIOLATION', `本地课后服务由政府保障经费，对家长免费，不收取任何费用，因此不发收费通知（${formatCitation(model.citation)}）。`, {
      citation: model.citation,
    });
  }
}

export interface ComputedPeriod {
  billing: TermBilling;
  period: BillingPeriod;
  rows: PeriodRow[];
  preview: NoticePreview;
}

/**
 * A period's rows as preview, issuing and correcting all see them (one code path; the router has
 * checked the caller is the school's admin): refused for a free service, a term that may not be charged and a key the term has not.
 * The digest covers the rows issuing would write (`new`) and, separately, those a correction
 * would (`changed`), so each action writes exactly what was previewed.
 */
export async function computePeriod(ctx: ActionContext, schoolId: string, termId: string, periodKey: string): Promise<ComputedPeriod> {
  const billing = await loadTermBilling(ctx, schoolId, termId);
  refuseIfFree(billing.school);
  assertTermChargeable(billing);
  const period = periodOf(billing, periodKey);
  const rows = await periodRows(ctx, billing, period);
  const previewRows = rows.map(previewRowOf);
  const unrecorded = unrecordedByClass(rows);
  const blocked = mayIssuePeriod(period, chinaToday(ctx), unrecorded.length === 0)
    ? null
    : `本地政策按当月实际参加课后服务的时间据实收费（${formatCitation(period.citation)}）：${period.label}还没有结束，结束后才能发出收费通知。`;
  const sum = (f: (r: PreviewRow) => number) => previewRows.reduce((t, r) => t + f(r), 0);
  return {
    billing,
    period,
    rows,
    preview: {
      schoolId,
      termId,
      periodKey: period.key,
      periodLabel: period.label,
      period: { from: period.from, to: period.to },
      profileId: billing.school.profileId,
      citation: formatCitation(period.citation),
      rows: previewRows,
      counts: {
        new: rows.filter((r) => r.state === 'new').length,
        issued: rows.filter((r) => r.state === 'issued').length,
        changed: rows.filter((r) => r.state === 'changed').length,
      },
      totals: {
        grossFen: sum((r) => r.grossFen),
        chargeFen: sum((r) => r.chargeFen),
        exemptFen: sum((r) => r.exemptFen),
        governmentShareFen: sum((r) => r.governmentShareFen),
      },
      unrecorded,
      blocked,
      digest: digestOf(rows),
    },
  };
}

/** One digest of what issuing and correcting would write: the new and the changed rows. */
export function digestOf(rows: PeriodRow[]): string {
  return rowsDigest(rows.filter((r) => r.state !== 'issued').map((r) => ({ applicationId: r.app._id, state: r.state, ...r.amounts })));
}

function previewRowOf(row: PeriodRow): PreviewRow {
  return {
    applicationId: row.app._id,
    studentName: row.app.studentName,
    className: row.classGroup.name,
    enrolled: row.enrolled,
    ...row.amounts,
    unrecordedDays: row.unrecordedDates.length,
    state: row.state,
    notice: row.latest
      ? {
          noticeId: row.latest._id,
          chargeFen: row.latest.chargeFen,
          state: row.latest.status === 'paid' ? 'paid' : row.latest.status === 'nothing-due' ? 'nothing-due' : 'due',
        }
      : null,
  };
}

function unrecordedByClass(rows: PeriodRow[]): NoticePreview['unrecorded'] {
  const byClass = new Map<string, { classId: string; className: string; dates: Set<string> }>();
  for (const row of rows) {
    if (!row.unrecordedDates.length) continue;
    const entry = byClass.get(row.classGroup._id) ?? { classId: row.classGroup._id, className: row.classGroup.name, dates: new Set<string>() };
    for (const date of row.unrecordedDates) entry.dates.add(date);
    byClass.set(row.classGroup._id, entry);
  }
  return [...byClass.values()].map((e) => ({ classId: e.classId, className: e.className, dates: [...e.dates].sort() }));
}

/** The periods already issued for a term, by key. */
export async function billingRuns(ctx: ActionContext, schoolId: string, termId: string): Promise<Map<string, BillingRunDoc>> {
  const runs = await getAll<BillingRunDoc>(ctx.collection('feeBillingRuns').where({ schoolId, termId }));
  return new Map(runs.map((r) => [r.periodKey, r]));
}

/** The refund method a parent may apply under (suifenhe 三(五)3(2)); null where the profile has none. */
export function refundMethodOf(profileId: School['profileId']): string | null {
  const answer = refundRequests(profileId);
  return answer.allowed ? `${answer.method}（${formatCitation(answer.citation)}）` : null;
}
