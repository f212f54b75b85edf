import { verifySignatureRecord } from '@kehou/shared';
import { implement } from '@kehou/shared/cloud';
import { agreementContract } from '@kehou/shared/contracts';
import { summary } from '../lib/signatures';
import { templateById } from '../lib/templates';

/**
 * Shows a signed agreement (or permit) and verifies it: the stored text hashes to the recorded
 * hash, the template version is unaltered, and re-rendering the template with the recorded
 * choices gives the very text that was signed. For the child's confirmed guardians, class teacher
 * and school admins, by where the child is now (the router places a signature by its application).
 */
export const verifySignature = implement(agreementContract.actions.verifySignature, async (ctx, _input, { doc: signature }) => {
  const template = signature.templateId ? await templateById(ctx, signature.templateId) : null;
  let imageUrl: string | null = null;
  if (signature.imageFileId) {
    const { fileList } = await ctx.cloud.getTempFileURL({ fileList: [signature.imageFileId] });
    imageUrl = fileList[0]?.tempFileURL || null;
  }
  return {
    ...summary(signature),
    applicationId: signature.applicationId,
    studentName: signature.fill.childName,
    text: signature.text,
    imageUrl,
    verification: verifySignatureRecord(signature, template),
  };
});
