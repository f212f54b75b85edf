import { enrolmentEntryPath } from '@kehou/shared';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { toast } from './navigate';

/** The enrolment page of a school's term: the card parents forward into their class groups (and the article's link). */
export function enrolPath(schoolId: string, termId?: string | null): string {
  return `/${enrolmentEntryPath(schoolId, termId)}`;
}

/** The enrolment card's title: the school and the term, never a child. */
export function enrolCardTitle(schoolName: string, termName?: string | null): string {
  return `${schoolName}${termName ?? ''}课后服务报名`;
}

/**
 * Turns WeChat's share menu (··· → 转发) on for the page, with a share ticket, so that a card opened
 * from a class group can tell which group it came from (wx.getGroupEnterInfo). H5 shares links.
 */
export function useShareMenu() {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    Taro.showShareMenu({ withShareTicket: true }).catch(() => undefined);
  }, []);
}

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
