import { MAX_ROSTER_BYTES, ROSTER_TOO_BIG } from '@kehou/shared/enrollment/schemas';
import Taro from '@tarojs/taro';
import { chooseBrowserFile, readFileBase64 } from '../../../ui/browser-file';

export type RosterFile = { base64: string } | { fileID: string };

/**
 * Picks the roster .xlsx. Mini-program: chosen from a chat and uploaded to cloud storage (the
 * function reads it by fileID: call data should stay small). H5: read as base64. Null: cancelled.
 */
export async function pickRoster(schoolId: string): Promise<{ name: string; file: RosterFile } | null> {
  if (process.env.TARO_ENV === 'h5') {
    const file = await chooseBrowserFile('.xlsx', 'roster-file-input');
    if (!file) return null;
    if (file.size > MAX_ROSTER_BYTES) throw new Error(ROSTER_TOO_BIG);
    return { name: file.name, file: { base64: await readFileBase64(file) } };
  }
  let chosen: { path: string; name: string; size: number };
  try {
    chosen = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })).tempFiles[0];
  } catch {
    return null;
  }
  if (chosen.size > MAX_ROSTER_BYTES) throw new Error(ROSTER_TOO_BIG);
  const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `roster/${schoolId}/${Date.now()}.xlsx`, filePath: chosen.path });
  return { name: chosen.name, file: { fileID } };
}
