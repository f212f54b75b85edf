import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/**
 * What a person typed, kept on the phone (local storage) until the form is sent: going back
 * mid-form and coming again finds it as it was. `restore` is called once with the kept draft;
 * `discard` forgets it (after a successful submission).
 */
export function useDraft<T>(key: string, value: T, restore: (draft: T) => void, enabled = true) {
  const restored = useRef(false);
  const storageKey = `draft:${key}`;
  useEffect(() => {
    if (!enabled || restored.current) return;
    restored.current = true;
    try {
      const kept = Taro.getStorageSync(storageKey) as { value: T } | '';
      if (kept && typeof kept === 'object' && 'value' in kept) restore(kept.value);
    } catch {
      // A draft that cannot be read is simply not there.
    }
  }, [enabled, storageKey]);
  useEffect(() => {
    if (!enabled || !restored.current) return;
    try {
      Taro.setStorageSync(storageKey, { value, at: Date.now() });
    } catch {
      // Storage full: the form still works, without a draft.
    }
  }, [enabled, storageKey, JSON.stringify(value)]);
  return {
    discard: () => {
      try {
        Taro.removeStorageSync(storageKey);
      } catch {
        // nothing kept
      }
    },
  };
}

/** Whether a draft is kept under this key (a page can say 「已恢复上次未提交的内容」). */
export function hasDraft(key: string): boolean {
  try {
    return !!Taro.getStorageSync(`draft:${key}`);
  } catch {
    return false;
  }
}
