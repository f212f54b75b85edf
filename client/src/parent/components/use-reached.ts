import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/**
 * Whether the element (a marker at the end of a text) has come into view at least once while the
 * page was open: the page scrolls as one, and the marker is seen only after the text above it.
 */
export function useReached(selector: string, active: boolean): boolean {
  const [reached, setReached] = useState(false);
  useEffect(() => {
    if (!active || reached) return undefined;
    const page = Taro.getCurrentInstance().page;
    const observer = Taro.createIntersectionObserver(page as never, { thresholds: [0] });
    observer.relativeToViewport({ bottom: 0 }).observe(selector, (res) => {
      if ((res.intersectionRatio ?? 0) > 0) setReached(true);
    });
    return () => observer.disconnect();
  }, [selector, active, reached]);
  return reached;
}
