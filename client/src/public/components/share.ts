import Taro from '@tarojs/taro';
import { toast } from '../../ui/navigate';

/** In H5 a page is shared by its link; in the mini-program by the share card (onShareAppMessage). */
export function h5Link(path: string): string {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return '';
  return `${window.location.origin}/#/${path.replace(/^\//, '')}`;
}

export async function copyText(text: string, done = '已复制') {
  try {
    await Taro.setClipboardData({ data: text });
    toast(done, 'success');
  } catch {
    toast('复制失败，请长按文字手动复制');
  }
}
