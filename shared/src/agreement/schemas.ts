import { z } from 'zod';
import { EDITABLE_SECTIONS, SECTION_HEADINGS } from './types';

/** Inputs of the agreement cloud function. */

const id = z.string().trim().min(1).max(120);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: '摘要格式不正确' });
const sectionText = z.string().trim().min(10).max(3000);

export const schoolTermInput = z.object({ schoolId: id, termId: id }).strict();
export const applicationInput = z.object({ applicationId: id }).strict();
export const signatureInput = z.object({ signatureId: id }).strict();

export const publishTemplateInput = z
  .object({
    schoolId: id,
    termId: id,
    sections: z
      .object(
        Object.fromEntries(EDITABLE_SECTIONS.map((k) => [k, sectionText.describe(SECTION_HEADINGS[k])])) as Record<
          (typeof EDITABLE_SECTIONS)[number],
          typeof sectionText
        >,
      )
      .strict()
      .describe('协议条款'),
  })
  .strict();

/** A handwritten signature, required to sign: a small PNG as base64 (H5) or a cloud-storage fileID (mini-program). */
export const MAX_SIGNATURE_IMAGE_BYTES = 200 * 1024;
const pngBase64 = z
  .string()
  .min(1)
  .max(Math.ceil((MAX_SIGNATURE_IMAGE_BYTES * 4) / 3) + 32, { message: '签名图片不能超过 200 KB' })
  .regex(/^(data:image\/png;base64,)?[A-Za-z0-9+/]+={0,2}$/, { message: '签名图片格式不正确，请重新签名' });
export const signatureImageInput = z
  .object({ base64: pngBase64.optional().describe('手写签名'), fileID: z.string().min(1).max(500).optional().describe('手写签名') })
  .strict()
  .refine((image) => (image.base64 === undefined) !== (image.fileID === undefined), { message: '请先手写签名' });

/** The parent signs what they read: the version and the hash of the text shown. */
export const signInput = z
  .object({ applicationId: id, version: z.number().int().min(1).describe('协议版本'), textHash: sha256Hex, image: signatureImageInput.describe('手写签名') })
  .strict();
export const signPermitInput = z.object({ applicationId: id, textHash: sha256Hex, image: signatureImageInput.describe('手写签名') }).strict();
