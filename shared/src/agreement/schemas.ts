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

/** A handwritten signature: a small PNG as base64 (H5) or a cloud-storage fileID (mini-program). */
export const MAX_SIGNATURE_IMAGE_BYTES = 200 * 1024;
export const signatureImageInput = z.union([
  z
    .object({
      base64: z
        .string()
        .min(1)
        .refine((s) => s.length <= Math.ceil((MAX_SIGNATURE_IMAGE_BYTES * 4) / 3) + 4, { message: '签名图片不能超过 200 KB' })
        .describe('签名图片'),
    })
    .strict(),
  z.object({ fileID: z.string().min(1).max(500) }).strict(),
]);

/** The parent signs what they read: the version and the hash of the text shown. */
export const signInput = z
  .object({ applicationId: id, version: z.number().int().min(1).describe('协议版本'), textHash: sha256Hex, image: signatureImageInput.optional() })
  .strict();
export const signPermitInput = z.object({ applicationId: id, textHash: sha256Hex, image: signatureImageInput.optional() }).strict();
