import { AppError, getAll, type ActionContext } from '@kehou/shared/cloud';
import type { ApplicationDoc, SignatureDoc, SignatureSummary } from '@kehou/shared';

/** Signatures of the application's current round (a child who re-joined signs anew). */
export async function signaturesOf(ctx: ActionContext, app: ApplicationDoc): Promise<SignatureDoc[]> {
  const all = await getAll<SignatureDoc & { round?: number }>(ctx.collection('signatures').where({ applicationId: app._id }));
  const round = app.round ?? 1;
  return all.filter((s) => (s.round ?? 1) === round).sort((a, b) => a.signedAt.localeCompare(b.signedAt));
}

export function summary(signature: SignatureDoc): SignatureSummary {
  return {
    signatureId: signature._id,
    kind: signature.kind,
    version: signature.version,
    signerName: signature.signerName,
    signedAt: signature.signedAt,
    textHash: signature.textHash,
    hasImage: !!signature.imageFileId,
  };
}

const PNG = [0x89, 0x50, 0x4e, 0x47];

/** Stores a handwritten signature image; returns its fileID (none given: null). */
export async function storeImage(
  ctx: ActionContext,
  image: { base64: string } | { fileID: string } | undefined,
  cloudPath: string,
): Promise<string | null> {
  if (!image) return null;
  if ('fileID' in image) return image.fileID;
  const content = Buffer.from(image.base64.replace(/^data:image\/png;base64,/, ''), 'base64');
  if (content.length < 8 || PNG.some((b, i) => content[i] !== b)) throw new AppError('INVALID_INPUT', '签名图片格式不正确，请重新签名');
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: content });
  return fileID;
}

/** The permit can be signed once the list is fixed (with or before the agreement), while enrolled. */
export function permitSignable(app: ApplicationDoc): boolean {
  return app.pickup.mode === 'alone' && ((app.status === 'listed' && !!app.listFixed) || app.status === 'signed' || app.status === 'active');
}
