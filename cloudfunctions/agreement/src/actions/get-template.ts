import { implement } from '@kehou/shared/cloud';
import { agreementContract } from '@kehou/shared/contracts';
import { currentTemplate } from '../lib/templates';

/** The school's current agreement template for a term: public text, no personal data. */
export const getTemplate = implement(agreementContract.actions.getTemplate, async (ctx, input) => {
  const current = await currentTemplate(ctx, input.schoolId, input.termId);
  return current
    ? {
        templateId: current._id,
        version: current.version,
        planVersion: current.planVersion ?? null,
        publishedAt: current.publishedAt,
        sections: current.sections,
      }
    : null;
});
