import { implement } from '@kehou/shared/cloud';
import { agreementContract } from '@kehou/shared/contracts';
import { signaturesOf, summary } from '../lib/signatures';

/** The signatures of an application: for its guardians, its class teacher and its school's admins. */
export const listSignatures = implement(agreementContract.actions.listSignatures, async (ctx, _input, { doc: app }) =>
  (await signaturesOf(ctx, app)).map(summary),
);
