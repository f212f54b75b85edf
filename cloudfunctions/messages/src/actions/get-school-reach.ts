import { implement } from '@kehou/shared/cloud';
import { messagesContract } from '@kehou/shared/contracts';
import { reachOf } from '../lib/reach';

/** The school's parents and staff whom messages could not reach lately (they have not allowed them). */
export const getSchoolReach = implement(messagesContract.actions.getSchoolReach, async (ctx, input) =>
  reachOf(ctx, { schoolIds: input.schoolId }, input.schoolId),
);
