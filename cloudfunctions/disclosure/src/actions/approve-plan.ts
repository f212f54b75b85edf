import { implement } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { decidePlan } from '../lib/decide';

/** A reviewer of the school's bureau approves the submitted version; the school may then publish it. */
export const approvePlan = implement(disclosureContract.actions.approvePlan, (ctx, input, { doc: school }) => decidePlan(ctx, school, input, 'approved'));
