import { ATTACHMENT_EXTENSIONS, type PlanAttachment as Attachment, attachmentProblem, extensionOf } from '@kehou/shared/disclosure';
import Taro from '@tarojs/taro';
import { api } from '../../api';
import { chooseBrowserFile, readFileBase64 } from '../../ui/browser-file';

/**
 * Lets the admin pick a document and stores it in the plan's cloud-storage folder.
 * Mini-program: chosen from a chat (wx.chooseMessageFile) and uploaded with wx.cloud.uploadFile —
 * WeChat advises against function-call data over 256 KB. H5 (no cloud storage in the browser):
 * read as base64 and sent to api.disclosure.uploadAttachment, which checks size and type.
 * Resolves null when the admin cancels.
 */
export async function pickAndUpload(target: { schoolId: string; termId: string; key: string }): Promise<Attachment | null> {
  return process.env.TARO_ENV === 'h5' ? uploadInBrowser(target) : uploadInWeChat(target);
}

async function uploadInWeChat({ schoolId, termId, key }: { schoolId: string; termId: string; key: string }): Promise<Attachment | null> {
  let file: { path: string; name: string; size: number };
  try {
    const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...ATTACHMENT_EXTENSIONS] });
    file = chosen.tempFiles[0];
  } catch {
    return null;
  }
  const problem = attachmentProblem(file);
  if (problem) throw new Error(problem);
  const cloudPath = `disclosure/${schoolId}/${termId}/${key}-${Date.now()}.${extensionOf(file.name)}`;
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
  return { key, name: file.name, fileId: fileID };
}

async function uploadInBrowser(target: { schoolId: string; termId: string; key: string }): Promise<Attachment | null> {
  const file = await chooseBrowserFile(ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(','));
  if (!file) return null;
  const problem = attachmentProblem(file);
  if (problem) throw new Error(problem);
  const contentBase64 = await readFileBase64(file);
  return api.disclosure.uploadAttachment({ ...target, fileName: file.name, contentBase64 });
}
