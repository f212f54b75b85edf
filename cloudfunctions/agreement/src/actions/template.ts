import { defineAction } from '@kehou/shared/cloud';
import { schoolTermInput } from '@kehou/shared/agreement/schemas';
import type { AgreementSection } from '@kehou/shared';
import { currentTemplate } from '../lib/templates';

/** The school's current agreement template for a term: public text, no personal data. */
export const template = defineAction({
  input: schoolTermInput,
  handler: async (ctx, input): Promise<{ templateId: string; version: number; publishedAt: string; sections: AgreementSection[] } | null> => {
    const current = await currentTemplate(ctx, input.schoolId, input.termId);
    return current ? { templateId: current._id, version: current.version, publishedAt: current.publishedAt, sections: current.sections } : null;
  },
});
