import { implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { type LedgerView, ledgerChecks, ledgerTotals, SPENDING_CATEGORIES, SPENDING_CATEGORY_LABELS, unmatched } from '@kehou/shared/fees';
import { loadLedgerFacts, loadSchoolTerm, loadSpending, schoolYearOf } from '@kehou/shared/fees/server';

/**
 * 收费专账 (school admin): the term's (or one period's) notices issued, charged, paid by WeChat and
 * offline, outstanding, waived with the government's share, refunded, corrections, and the checks
 * that it balances to the fen; payments and notices that do not match; the school year's spending.
 */
export const getLedger = implement(feesContract.actions.getLedger, async (ctx, input): Promise<LedgerView> => {
  const { term } = await loadSchoolTerm(ctx, input.schoolId, input.termId);
  const facts = await loadLedgerFacts(ctx, input.schoolId, input.termId, input.periodKey);
  const totals = ledgerTotals(facts);
  const checks = ledgerChecks(facts, totals);
  const odd = unmatched(facts);
  const spending = (await loadSpending(ctx, input.schoolId, schoolYearOf(term.startDate))).filter((s) => !s.voided);
  return {
    schoolId: input.schoolId,
    termId: input.termId,
    periodKey: input.periodKey ?? null,
    totals,
    checks,
    balanced: checks.every((c) => c.ok),
    unmatched: { payments: odd.payments.length, notices: odd.notices.length },
    spending: {
      totalFen: spending.reduce((t, s) => t + s.amountFen, 0),
      byCategory: SPENDING_CATEGORIES.map((category) => ({
        category,
        label: SPENDING_CATEGORY_LABELS[category],
        amountFen: spending.filter((s) => s.category === category).reduce((t, s) => t + s.amountFen, 0),
      })).filter((c) => c.amountFen > 0),
    },
  };
});
