import { createLegacyCloudFunction } from '@kehou/shared/cloud';
import { templateDraft } from './actions/template-draft';
import { publishTemplate } from './actions/publish-template';
import { template } from './actions/template';
import { forApplication } from './actions/for-application';
import { sign } from './actions/sign';
import { signPermit } from './actions/sign-permit';
import { listSignatures } from './actions/list-signatures';
import { verify } from './actions/verify';

/** 协议：协议模板、签署与核验、接送安排 */
export const agreementFunction = createLegacyCloudFunction('agreement', {
  // school admins
  templateDraft,
  publishTemplate,
  // anyone
  template,
  // the child's guardians
  forApplication,
  sign,
  signPermit,
  // guardians, the class teacher and the school's admins
  listSignatures,
  verify,
});
