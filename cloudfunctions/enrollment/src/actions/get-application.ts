import { implement } from '@kehou/shared/cloud';
import { enrollmentContract } from '@kehou/shared/contracts';
import { viewForGuardian } from '@kehou/shared/enrollment/server';

/** One application, for the child's confirmed guardians. */
export const getApplication = implement(enrollmentContract.actions.getApplication, (ctx, _input, { doc: app }) => viewForGuardian(ctx, app));
