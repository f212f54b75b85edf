import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './call';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  /** The error's code (ApiError), or null. */
  errorCode: string | null;
  loading: boolean;
  reload: () => Promise<void>;
  /** `reload` when trying again can help (a network or server hiccup), undefined when it cannot (无权查看, not found, a day without service). */
  retry: (() => Promise<void>) | undefined;
}

/** Answers that stay the same however often one tries again: an error card offers no 重试 for them. */
const FINAL_CODES = new Set([
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_SIGNED_IN',
  'INVALID_INPUT',
  'INVALID_STATE',
  'POLICY_VIOLATION',
  'UNKNOWN_ACTION',
  'TOO_MANY_ATTEMPTS',
]);
export const retryHelps = (code: string | null) => !code || !FINAL_CODES.has(code);

/** Loads data for a page, again each time the page is shown (so a page is fresh after going back). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
      setError(null);
      setErrorCode(null);
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : '加载失败');
      setErrorCode(e instanceof ApiError ? e.code : null);
    } finally {
      setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  useDidShow(() => {
    if (data !== null) void reload();
  });
  return { data, error, errorCode, loading, reload, retry: retryHelps(errorCode) ? reload : undefined };
}
