import { randomBytes } from 'node:crypto';
import { AppError, implement } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { ATTACHMENT_TOO_LARGE, extensionOf, MAX_ATTACHMENT_BYTES } from '@kehou/shared/disclosure';
import { loadTermOf } from '../lib/load';
import { attachmentFolder } from '../lib/plans';

/**
 * Stores one filing attachment sent as base64. The H5 client has no cloud storage, so it uploads
 * through here; the mini-program uploads with wx.cloud.uploadFile into the same folder instead
 * (WeChat advises against call data over 256 KB). Returns the attachment to put in the plan.
 */
export const uploadAttachment = implement(
  disclosureContract.actions.uploadAttachment,
  async (ctx, { schoolId, termId, key, fileName, contentBase64 }, { doc: school }) => {
    const st = await loadTermOf(ctx, school, termId);
    const document = st.profile.filing?.documents.find((d) => d.key === key);
    if (!document) throw new AppError('INVALID_INPUT', '本地政策没有要求这项备案材料');
    const fileContent = Buffer.from(contentBase64, 'base64');
    if (!fileContent.length) throw new AppError('INVALID_INPUT', '文件是空的');
    if (fileContent.length > MAX_ATTACHMENT_BYTES) throw new AppError('INVALID_INPUT', ATTACHMENT_TOO_LARGE);
    const cloudPath = `${attachmentFolder(schoolId, termId)}/${key}-${Date.now()}-${randomBytes(4).toString('hex')}.${extensionOf(fileName)}`;
    const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent });
    await ctx.audit([{ collection: 'plans', id: st.planId }], `上传备案材料「${document.label}」：${fileName}`);
    return { key, name: fileName, fileId: fileID };
  },
);
