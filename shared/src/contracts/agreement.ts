import { applicationInput, publishTemplateInput, schoolTermInput, signatureInput, signInput, signPermitInput } from '../agreement/schemas';
import type {
  AgreementForApplication,
  PublicTemplate,
  PublishedTemplate,
  SignatureDetail,
  SignatureSummary,
  SignResult,
  TemplateDraft,
} from '../agreement/views';
import { allow, anyone } from './access';
import { action, defineContract, returns } from './define';

const PUBLISH = '只有本校管理员可以编辑和发布协议';
const MY_APPLICATION = '没有找到这份报名，或您无权查看';

/** 协议: the agreement template, signing and verifying, the go-home-alone permit (cloudfunctions/agreement). */
export const agreementContract = defineContract('agreement', {
  // school admins
  getTemplateDraft: action({ input: schoolTermInput, access: allow(['admin'], 'school', PUBLISH), returns: returns<TemplateDraft>() }),
  publishTemplate: action({
    input: publishTemplateInput,
    access: allow(['admin'], 'school', PUBLISH),
    also: '本地政策要求时，协议中的管理制度须已经家委会和教师代表大会通过（004 §四(三)3）',
    returns: returns<PublishedTemplate>(),
  }),

  // anyone: the published text has no personal data
  getTemplate: action({ input: schoolTermInput, access: anyone('协议模板是公开的文本，不含个人信息'), returns: returns<PublicTemplate | null>() }),

  // the child's guardians
  getAgreement: action({ input: applicationInput, access: allow(['guardian'], 'application', MY_APPLICATION), returns: returns<AgreementForApplication>() }),
  signAgreement: action({ input: signInput, access: allow(['guardian'], 'application', MY_APPLICATION), returns: returns<SignResult>() }),
  signPermit: action({ input: signPermitInput, access: allow(['guardian'], 'application', MY_APPLICATION), returns: returns<SignResult>() }),

  // the child's guardians, its class teacher and its school's admins
  listSignatures: action({
    input: applicationInput,
    access: allow(['guardian', 'teacher', 'admin'], 'application', MY_APPLICATION),
    returns: returns<SignatureSummary[]>(),
  }),
  verifySignature: action({
    input: signatureInput,
    access: allow(['guardian', 'teacher', 'admin'], 'signature', '没有找到这份签署记录，或您无权查看'),
    returns: returns<SignatureDetail>(),
  }),
});
