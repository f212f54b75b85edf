import Taro from '@tarojs/taro';
import { chooseBrowserFile, readFileBase64 } from '../../../ui/browser-file';

export type RosterFile = { base64: string } | { fileID: string };
const MAX_BYTES = 1024 * 1024;

/**
 * Picks the roster .xlsx. Mini-program: chosen from a chat and uploaded to cloud storage (the
 * function reads it by fileID: call data should stay small). H5: read as base64. Null: cancelled.
 */
export async function pickRoster(schoolId: string): Promise<{ name: string; file: RosterFile } | null> {
  if (process.env.TARO_ENV === 'h5') {
    const file = await chooseBrowserFile('.xlsx', 'roster-file-input');
    if (!file) return null;
    if (file.size > MAX_BYTES) throw new Error('文件不能超过 1 MB，请分批导入');
    return { name: file.name, file: { base64: await readFileBase64(file) } };
  }
  let chosen: { path: string; name: string; size: number };
  try {
    chosen = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })).tempFiles[0];
  } catch {
    return null;
  }
  if (chosen.size > MAX_BYTES) throw new Error('文件不能超过 1 MB，请分批导入');
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `roster/${schoolId}/${Date.now()}.xlsx`, filePath: chosen.path });
  return { name: chosen.name, file: { fileID } };
}
