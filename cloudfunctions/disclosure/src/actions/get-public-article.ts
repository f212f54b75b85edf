import { enrolmentEntryPath } from '@kehou/shared';
import { implement, notFound } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { renderArticle } from '@kehou/shared/disclosure';
import { loadPublications, loadSchoolTerm } from '../lib/load';

/**
 * The current publication as an article for the school's official account (public, like the page).
 * Its mini-program link opens the enrolment entry, so a parent reading it goes straight on to 报名.
 */
export const getPublicArticle = implement(disclosureContract.actions.getPublicArticle, async (ctx, { schoolId, termId }) => {
  await loadSchoolTerm(ctx, schoolId, termId);
  const current = (await loadPublications(ctx, schoolId, termId)).find((p) => p.current);
  if (!current) throw notFound('已公开的方案');
  const path = enrolmentEntryPath(schoolId, termId);
  return { ...renderArticle(current, path), path };
});
