import { implement } from '@kehou/shared/cloud';
import { messagesContract } from '@kehou/shared/contracts';
import { reachOf } from '../lib/reach';

/** The class's parents whom messages could not reach lately, for the class teacher to remind in the class group. */
export const getClassReach = implement(messagesContract.actions.getClassReach, async (ctx, input, { doc }) =>
  reachOf(ctx, { classIds: input.classId }, doc.schoolId, input.classId),
);
