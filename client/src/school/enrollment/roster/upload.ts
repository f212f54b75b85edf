import Taro from '@tarojs/taro';

export type RosterFile = { base64: string } | { fileID: string };
const MAX_BYTES = 1024 * 1024;

/**
 * Picks the roster .xlsx. Mini-program: chosen from a chat and uploaded to cloud storage (the
 * function reads it by fileID: call data should stay small). H5: read as base64. Null: cancelled.
 */
export async function pickRoster(schoolId: string): Promise<{ name: string; file: RosterFile } | null> {
  if (process.env.TARO_ENV === 'h5') {
    const file = await chooseInBrowser();
    if (!file) return null;
    if (file.size > MAX_BYTES) throw new Error('文件不能超过 1 MB，请分批导入');
    return { name: file.name, file: { base64: await readBase64(file) } };
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

function chooseInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx';
    input.className = 'roster-file-input';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}
