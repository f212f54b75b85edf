import type { School } from '@kehou/shared';
import { findById, implement, invalidState } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { openOrder } from '@kehou/shared/fees/server';

/**
 * A guardian of the child starts paying a notice with WeChat Pay: the order is for the notice's
 * amount (never the client's), one order number per notice, so two guardians paying at once pay
 * the same order, once. The mini-program passes `payment` to wx.requestPayment.
 */
export const createPayment = implement(feesContract.actions.createPayment, async (ctx, _input, { doc: notice }) => {
  const school = await findById<School>(ctx, 'schools', notice.schoolId);
  if (!school) throw invalidState('学校不存在');
  return openOrder(ctx, notice, school);
});
