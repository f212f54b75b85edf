import type { BureauDashboard } from '@kehou/shared/bureau';
import { isStale } from '@kehou/shared/bureau/server';
import { implement } from '@kehou/shared/cloud';
import { bureauContract } from '@kehou/shared/contracts';
import { byUrgency, rowOf } from '../lib/rows';
import { bureausOf, schoolsWithoutSummary, summariesOf } from '../lib/summaries';

/**
 * The bureau's dashboard over its schools, from their precomputed summaries: two reads for 100
 * schools, answers of a few dozen kilobytes. Late and near-deadline filings first. Schools not
 * summarised yet, or whose summary a change marked out of date, are counted in `missing` (the
 * client asks for refresh steps while any is left).
 */
export const getDashboard = implement(bureauContract.actions.getDashboard, async (ctx) => {
  const bureauIds = bureausOf(ctx);
  const summaries = await summariesOf(ctx, bureauIds);
  const missing = await schoolsWithoutSummary(ctx, bureauIds, summaries);
  const rows = summaries.map(rowOf).sort(byUrgency);
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
  const dashboard: BureauDashboard & { missing: number } = {
    bureauIds,
    rows,
    totals: {
      schools: rows.length,
      onRoll: sum((r) => r.participation.onRoll),
      enrolled: sum((r) => r.participation.enrolled),
      grossFen: sum((r) => r.fees.grossFen),
      waivedFen: sum((r) => r.fees.waivedFen),
      governmentShareFen: sum((r) => r.fees.governmentShareFen),
      paidFen: sum((r) => r.fees.paidFen),
      refundFen: sum((r) => r.refunds.refundFen),
      openFeedback: sum((r) => r.feedback.open),
      lateFilings: rows.filter((r) => r.plan.deadlineState === 'past' || r.plan.deadlineState === 'filed-late').length,
    },
    oldestUpdate: summaries.map((s) => s.updatedAt).sort()[0] ?? null,
    missing: missing.length + summaries.filter(isStale).length,
  };
  return dashboard;
});
