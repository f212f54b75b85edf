import { defineAction } from '@kehou/shared/cloud';
import { applicationInput } from '@kehou/shared/enrollment/schemas';
import type { ApplicationView } from '@kehou/shared';
import { applicationForGuardian, viewForGuardian } from '@kehou/shared/enrollment/server';

/** One application, for the child's confirmed guardians. */
export const application = defineAction({
  input: applicationInput,
  handler: async (ctx, input): Promise<ApplicationView> => {
    const { app } = await applicationForGuardian(ctx, input.applicationId);
    return viewForGuardian(ctx, app);
  },
});
