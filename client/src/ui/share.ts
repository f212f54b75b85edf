import Taro from '@tarojs/taro';
import { useEffect } from 'react';

/** The enrolment page of a school's term: the card parents forward into their class groups. */
export function enrolPath(schoolId: string, termId?: string | null): string {
  return `/parent/enrol/index?schoolId=${encodeURIComponent(schoolId)}${termId ? `&termId=${encodeURIComponent(termId)}` : ''}`;
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
