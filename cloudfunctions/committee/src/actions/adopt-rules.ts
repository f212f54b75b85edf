import { implement } from '@kehou/shared/cloud';
import { committeeContract } from '@kehou/shared/contracts';
import { recordAdoption } from '../lib/record-adoption';

/** The parent committee adopts the newest version of the school's management rules (004 §四(三)3). */
export const adoptRules = implement(committeeContract.actions.adoptRules, async (ctx, input, { doc: school }) =>
  recordAdoption(ctx, school, 'parent-committee', input),
);
