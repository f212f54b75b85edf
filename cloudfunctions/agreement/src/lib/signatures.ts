import { randomBytes } from 'node:crypto';
import type { ApplicationDoc, GuardianshipRecord, SignatureDoc, SignatureSummary } from '@kehou/shared';
import { MAX_SIGNATURE_IMAGE_BYTES } from '@kehou/shared/agreement/schemas';
import { type ActionContext, AppError, addAudited, getAll, isFileIn, isoNow } from '@kehou/shared/cloud';

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

/** Where the mini-program uploads a drawn signature before signing (client/src/parent/components/signature-pad.tsx). */
export const SIGNATURE_UPLOAD_FOLDER = 'signatures/upload';

const BAD_IMAGE = '签名图片格式不正确，请重新签名';

/**
 * Stores the handwritten signature image; returns its fileID. A fileID from the
 * mini-program is accepted only from the signature upload folder, and is read, checked and copied
 * like base64: the stored image is always a PNG the function wrote itself, at a path no one can
 * guess from the signature id (never a file of someone else the caller named).
 */
export async function storeImage(ctx: ActionContext, image: { base64?: string; fileID?: string }, cloudPath: string): Promise<string> {
  let content: Buffer;
  if (image.fileID !== undefined) {
    if (!isFileIn(image.fileID, SIGNATURE_UPLOAD_FOLDER)) throw new AppError('INVALID_INPUT', BAD_IMAGE);
    try {
      content = (await ctx.cloud.downloadFile({ fileID: image.fileID })).fileContent;
    } catch {
      throw new AppError('INVALID_INPUT', '没有找到上传的签名图片，请重新签名');
    }
  } else {
    content = Buffer.from((image.base64 ?? '').replace(/^data:image\/png;base64,/, ''), 'base64');
  }
  if (content.length > MAX_SIGNATURE_IMAGE_BYTES) throw new AppError('INVALID_INPUT', '签名图片不能超过 200 KB');
  if (content.length < 8 || PNG.some((b, i) => content[i] !== b)) throw new AppError('INVALID_INPUT', BAD_IMAGE);
  const unguessable = `${cloudPath.replace(/\.png$/, '')}-${randomBytes(8).toString('hex')}.png`;
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath: unguessable, fileContent: content });
  return fileID;
}

/** The permit can be signed once the list is fixed (with or before the agreement), while enrolled. */
export function permitSignable(app: ApplicationDoc): boolean {
  return app.pickup.mode === 'alone' && ((app.status === 'listed' && !!app.listFixed) || app.status === 'signed' || app.status === 'active');
}

/**
 * Writes a signature once, under its natural id: the exact text and its hash, the choices filled
 * in, who signed and when, the handwritten image, with its audit entry (`summary`). Resolves
 * false when it already exists (a retry, or the other guardian signed first): a signature never changes.
 */
export async function saveSignature(
  ctx: ActionContext,
  signed: Pick<SignatureDoc, '_id' | 'kind' | 'templateId' | 'version' | 'fill' | 'text' | 'textHash'> & {
    app: ApplicationDoc;
    guardianship: GuardianshipRecord;
    image: Parameters<typeof storeImage>[1];
  },
  summary: string,
): Promise<boolean> {
  const { app, guardianship, image, ...fields } = signed;
  const signature: SignatureDoc & { round: number } = {
    ...fields,
    applicationId: app._id,
    studentId: app.studentId,
    schoolId: app.schoolId,
    classId: app.classId,
    termId: app.termId,
    signerOpenid: guardianship.openid,
    signerName: guardianship.guardianName,
    signedAt: isoNow(ctx),
    imageFileId: await storeImage(ctx, image, `signatures/${app.schoolId}/${fields._id.replace(/:/g, '_')}.png`),
    round: app.round ?? 1,
  };
  return addAudited(ctx, 'signatures', signature, summary);
}
