import { implement } from '@kehou/shared/cloud';
import { feesContract } from '@kehou/shared/contracts';
import { recordOfflineRefund as recordRefund } from '@kehou/shared/fees/server';
import { refundView } from '../lib/views';

/** The school paid back by hand (the part paid at the office) an approved refund, with a reference. */
export const recordOfflineRefund = implement(feesContract.actions.recordOfflineRefund, async (ctx, input, { doc: refund }) => ({
  refund: refundView(await recordRefund(ctx, refund, input.reference)),
}));
