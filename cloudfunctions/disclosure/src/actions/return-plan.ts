import { implement } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { decidePlan } from '../lib/decide';

/** A reviewer of the school's bureau returns the submitted version with comments; the school revises and submits again. */
export const returnPlan = implement(disclosureContract.actions.returnPlan, (ctx, input, { doc: school }) => decidePlan(ctx, school, input, 'returned'));
