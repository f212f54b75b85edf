import { implement } from '@kehou/shared/cloud';
import { committeeContract } from '@kehou/shared/contracts';
import { recordAdoption } from '../lib/record-adoption';

/** The school records that its staff congress (教师代表大会) adopted the newest version of its management rules (004 §四(三)3). */
export const recordStaffCongress = implement(committeeContract.actions.recordStaffCongress, async (ctx, input, { doc: school }) =>
  recordAdoption(ctx, school, 'staff-congress', input),
);
