import { AppError, defineAction, type ActionContext, findById } from '@kehou/shared/cloud';
import { signatureInput } from '@kehou/shared/agreement/schemas';
import { verifySignatureRecord, type GuardianshipRecord, type SignatureDetail, type SignatureDoc } from '@kehou/shared';
import { summary } from '../lib/signatures';
import { templateById } from '../lib/templates';
import { loadApplication } from '@kehou/shared/enrollment/server';

const NOT_YOURS = '没有找到这份签署记录，或您无权查看';

/** The child's confirmed guardians, the class teacher and the school's admins may see a signature. */
export async function mayView(ctx: ActionContext, record: Pick<SignatureDoc, 'studentId' | 'classId' | 'schoolId'>): Promise<boolean> {
  const openid = ctx.caller.requireSignedIn();
  if (ctx.caller.isAdminOf(record.schoolId) || ctx.caller.isTeacherOf(record.classId)) return true;
  const guardianship = await findById<GuardianshipRecord>(ctx, 'guardianships', `${record.studentId}:${openid}`);
  return guardianship?.status === 'confirmed';
}

/**
 * Shows a signed agreement (or permit) and verifies it: the stored text hashes to the recorded
 * hash, the template version is unaltered, and re-rendering the template with the recorded
 * choices gives the very text that was signed.
 */
export const verify = defineAction({
  input: signatureInput,
  handler: async (ctx, input): Promise<SignatureDetail> => {
    const signature = await findById<SignatureDoc>(ctx, 'signatures', input.signatureId);
    if (!signature) throw new AppError('NOT_FOUND', NOT_YOURS);
    // Scope by where the child is now: a signature keeps the class of the day it was signed, but a
    // child who moved class belongs to the new class teacher, not the old one.
    const app = await loadApplication(ctx, signature.applicationId);
    if (!(await mayView(ctx, app ?? signature))) throw new AppError('NOT_FOUND', NOT_YOURS);
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
  },
});
