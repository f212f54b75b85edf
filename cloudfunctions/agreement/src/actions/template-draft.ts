import { AppError, defineAction, countWhere } from '@kehou/shared/cloud';
import { schoolTermInput } from '@kehou/shared/agreement/schemas';
import { buildSections, DEFAULT_EDITABLE_TEXT, EDITABLE_SECTIONS, type EditableSection, type TemplateDraft } from '@kehou/shared';
import { currentTemplate } from '../lib/templates';
import { currentPublication, getSchool, resolveTerm } from '@kehou/shared/enrollment/server';

/** The agreement as the school would publish it now: plan-drawn sections and its own text to edit. */
export const templateDraft = defineAction({
  input: schoolTermInput,
  handler: async (ctx, input): Promise<TemplateDraft> => {
    ctx.caller.requireAdminOf(input.schoolId);
    const school = await getSchool(ctx, input.schoolId);
    const term = await resolveTerm(ctx, input.schoolId, input.termId);
    if (!school || !term) throw new AppError('NOT_FOUND', '学校或学期不存在');
    const [publication, current] = await Promise.all([currentPublication(ctx, school._id, term._id), currentTemplate(ctx, school._id, term._id)]);
    const editable = Object.fromEntries(
      EDITABLE_SECTIONS.map((key) => [key, current?.sections.find((s) => s.key === key)?.body ?? DEFAULT_EDITABLE_TEXT[key]]),
    ) as Record<EditableSection, string>;
    return {
      schoolId: school._id,
      termId: term._id,
      schoolName: school.name,
      termName: term.name,
      publicationId: publication?._id ?? null,
      currentVersion: current?.version ?? null,
      sections: publication ? buildSections(publication, editable) : [],
      editable,
      signedCount: await countWhere(ctx, 'signatures', { schoolId: school._id, termId: term._id, kind: 'agreement' }),
    };
  },
});
