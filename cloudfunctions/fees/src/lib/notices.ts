import type { School } from '@kehou/shared';
import { type ActionContext, AppError, chinaToday, getAll } from '@kehou/shared/cloud';
import type { BillingRunDoc, PreviewRow } from '@kehou/shared/fees';
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
  billing: TermBilling & { publication: NonNullable<TermBilling['publication']> };
  period: BillingPeriod;
  rows: PeriodRow[];
}

/**
 * A period's rows computed from today's facts (of some classes or applications only, or all): what
 * the preview job, issuing and correcting compute, one code path. Refused for a free service, a
 * term that may not be charged and a key the term has not.
 */
export async function computePeriod(
  ctx: ActionContext,
  schoolId: string,
  termId: string,
  periodKey: string,
  only?: { applicationIds?: string[]; classIds?: string[] },
): Promise<ComputedPeriod> {
  const { billing, period } = await loadPeriod(ctx, schoolId, termId, periodKey);
  return { billing, period, rows: await periodRows(ctx, billing, period, only) };
}

/** The school's term and the period, as every fee action reads them first (checks as computePeriod). */
export async function loadPeriod(ctx: ActionContext, schoolId: string, termId: string, periodKey: string): Promise<Omit<ComputedPeriod, 'rows'>> {
  const billing = await loadTermBilling(ctx, schoolId, termId);
  refuseIfFree(billing.school);
  assertTermChargeable(billing);
  return { billing, period: periodOf(billing, periodKey) };
}

/** Why the period may not be issued yet (an attendance-billed month before it ends), or null. */
export function blockedOf(ctx: ActionContext, period: BillingPeriod, allRecorded: boolean): string | null {
  return mayIssuePeriod(period, chinaToday(ctx), allRecorded)
    ? null
    : `本地政策按当月实际参加课后服务的时间据实收费（${formatCitation(period.citation)}）：${period.label}还没有结束，结束后才能发出收费通知。`;
}

export function previewRowOf(row: PeriodRow): PreviewRow {
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
