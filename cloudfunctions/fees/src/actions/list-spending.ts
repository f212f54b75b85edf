import { implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { loadSpending } from '@kehou/shared/fees/server';
import { spendingRow } from '../lib/spending';

/** The school year's spending (1 August to 31 July), voided entries marked (school admin). */
export const listSpending = implement(feesContract.actions.listSpending, async (ctx, input) => {
  const rows = await loadSpending(ctx, input.schoolId, input.year);
  return {
    schoolId: input.schoolId,
    year: input.year,
    totalFen: rows.filter((r) => !r.voided).reduce((t, r) => t + r.amountFen, 0),
    rows: rows.map(spendingRow),
  };
});
