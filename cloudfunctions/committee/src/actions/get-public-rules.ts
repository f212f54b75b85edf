import type { School } from '@kehou/shared';
import { AppError, findById, implement } from '@kehou/shared/cloud';
import { committeeContract } from '@kehou/shared/contracts';
import { rulesOverview, rulesVersions } from '../lib/rules';

/** The public page: every version of the school's management rules and its adoptions (no personal data in them). */
export const getPublicRules = implement(committeeContract.actions.getPublicRules, async (ctx, input) => {
  const school = await findById<School>(ctx, 'schools', input.schoolId);
  if (!school) throw new AppError('NOT_FOUND', '学校不存在');
  return rulesOverview(school, await rulesVersions(ctx, school._id));
});
