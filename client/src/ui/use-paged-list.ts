import type { Page } from '@kehou/shared';
import { useDidShow, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/call';

export interface PagedList<T> {
  rows: T[];
  /** How many rows match in all (more than `rows` until every page is loaded). */
  total: number;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  /** Loads the next page (nothing when one is loading or all are shown). */
  more: () => Promise<void>;
  /** Loads the list again from its first page (as many rows as were shown, up to one full page). */
  reload: () => Promise<void>;
}

const message = (e: unknown) => (e instanceof ApiError || e instanceof Error ? e.message : '加载失败');

/**
 * A long list a screen shows page by page: the first page on load (and again when the page is
 * shown), the next when the person scrolls to the bottom (`loadOnScroll`, one list per page) or
 * taps the "more" row (ui/more-row.tsx). `load(skip, limit)` calls a list action.
 */
export function usePagedList<T>(
  load: (skip: number, limit: number) => Promise<Page<T>>,
  deps: unknown[],
  options: { pageSize?: number; loadOnScroll?: boolean } = {},
): PagedList<T> {
  const pageSize = options.pageSize ?? 20;
  const [rows, setRows] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [nextSkip, setNextSkip] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);
  const shown = useRef(0);

  const latestLoad = useRef(load);
  latestLoad.current = load;

  /** Loads one page into the list (replacing it or appending to it), unless a newer reload started meanwhile. */
  const fetchPage = async (mine: number, skip: number, limit: number, append: boolean) => {
    busy.current = true;
    setLoading(true);
    try {
      const page = await latestLoad.current(skip, limit);
      if (mine !== generation.current) return;
      setRows((before) => {
        const next = append ? [...before, ...page.rows] : page.rows;
        shown.current = next.length;
        return next;
      });
      setTotal(page.total);
      setNextSkip(page.nextSkip);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(message(e));
    } finally {
      if (mine === generation.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the list depends on.
  const reload = useCallback(() => fetchPage(++generation.current, 0, Math.min(50, Math.max(pageSize, shown.current)), false), deps);

  const more = async () => {
    if (busy.current || nextSkip === null) return;
    await fetchPage(generation.current, nextSkip, pageSize, true);
  };

  useEffect(() => {
    shown.current = 0;
    void reload();
  }, [reload]);
  useDidShow(() => {
    if (shown.current > 0) void reload();
  });
  useReachBottom(() => {
    if (options.loadOnScroll) void more();
  });
  return { rows, total, loading, error, hasMore: nextSkip !== null, more, reload };
}
