import { buildSections, DEFAULT_EDITABLE_TEXT, EDITABLE_SECTIONS, type EditableSection } from '@kehou/shared';
import { AppError, countWhere, implement } from '@kehou/shared/cloud';
import { agreementContract } from '@kehou/shared/contracts';
import { currentPublication, resolveTerm } from '@kehou/shared/enrollment/server';
import { currentTemplate } from '../lib/templates';

/** The agreement as the school would publish it now: plan-drawn sections and its own text to edit. */
export const getTemplateDraft = implement(agreementContract.actions.getTemplateDraft, async (ctx, input, { doc: school }) => {
  const term = await resolveTerm(ctx, school._id, input.termId);
  if (!term) throw new AppError('NOT_FOUND', '学期不存在');
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
    planVersion: publication?.version ?? null,
    currentVersion: current?.version ?? null,
    currentPlanVersion: current?.planVersion ?? null,
    sections: publication ? buildSections(publication, editable) : [],
    editable,
    signedCount: current ? await countWhere(ctx, 'signatures', { schoolId: school._id, termId: term._id, kind: 'agreement', version: current.version }) : 0,
  };
});
