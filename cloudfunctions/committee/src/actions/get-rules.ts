import { implement } from '@kehou/shared/cloud';
import { committeeContract } from '@kehou/shared/contracts';
import { rulesOverview, rulesVersions } from '../lib/rules';

/** The school's management rules: every version and who adopted it when. */
export const getRules = implement(committeeContract.actions.getRules, async (ctx, _input, { doc: school }) =>
  rulesOverview(school, await rulesVersions(ctx, school._id)),
);
