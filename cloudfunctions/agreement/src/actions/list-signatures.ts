import { AppError, defineAction } from '@kehou/shared/cloud';
import { applicationInput } from '@kehou/shared/agreement/schemas';
import type { SignatureSummary } from '@kehou/shared';
import { signaturesOf, summary } from '../lib/signatures';
import { mayView } from './verify';
import { loadApplication } from '@kehou/shared/enrollment/server';

/** The signatures of an application: for its guardians, its class teacher and its school's admins. */
export const listSignatures = defineAction({
  input: applicationInput,
  handler: async (ctx, input): Promise<SignatureSummary[]> => {
    const app = await loadApplication(ctx, input.applicationId);
    if (!app || !(await mayView(ctx, app))) throw new AppError('NOT_FOUND', '没有找到这份报名，或您无权查看');
    return (await signaturesOf(ctx, app)).map(summary);
  },
});
