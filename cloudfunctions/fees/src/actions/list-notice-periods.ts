import { chinaToday, implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { loadTermBilling, notChargeable } from '@kehou/shared/fees/server';
import { billingPeriodsUnder, formatCitation } from '@kehou/shared/policy';
import { billingRuns } from '../lib/notices';

/**
 * The billing periods of the term under the school's profile (school admin): what the fee page
 * offers to choose from, each with how many notices were issued for it and, for a period billed
 * by attendance that has not ended, why it cannot be issued yet. Never free dates.
 */
export const listNoticePeriods = implement(feesContract.actions.listNoticePeriods, async (ctx, input) => {
  const billing = await loadTermBilling(ctx, input.schoolId, input.termId);
  const runs = await billingRuns(ctx, input.schoolId, input.termId);
  const today = chinaToday(ctx);
  return {
    schoolId: input.schoolId,
    termId: input.termId,
    termName: billing.term.name,
    notChargeable: notChargeable(billing),
    periods: billingPeriodsUnder(billing.profile, billing.term).map((period) => ({
      key: period.key,
      label: period.label,
      from: period.from,
      to: period.to,
      citation: formatCitation(period.citation),
      byAttendance: period.byAttendance,
      issued: runs.get(period.key)?.notices ?? 0,
      notYet: period.byAttendance && period.to >= today ? `${period.label}结束后按实际考勤发出` : null,
    })),
  };
});
