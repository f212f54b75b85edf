import { createCloudFunction } from '@kehou/shared/cloud';
import { agreementContract } from '@kehou/shared/contracts';
import { advanceJob } from './actions/advance-job';
import { getAgreement } from './actions/get-agreement';
import { getTemplate } from './actions/get-template';
import { getTemplateDraft } from './actions/get-template-draft';
import { listSignatures } from './actions/list-signatures';
import { publishTemplate } from './actions/publish-template';
import { signAgreement } from './actions/sign-agreement';
import { signPermit } from './actions/sign-permit';
import { verifySignature } from './actions/verify-signature';

/** 协议：协议模板、签署与核验、独自回家证 (contract: shared/src/contracts/agreement.ts). */
export const agreementFunction = createCloudFunction(agreementContract, {
  getTemplateDraft,
  publishTemplate,
  getTemplate,
  getAgreement,
  signAgreement,
  signPermit,
  listSignatures,
  verifySignature,
  advanceJob,
});
