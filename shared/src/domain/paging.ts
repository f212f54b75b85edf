import { z } from 'zod';

/** The most rows one page of a school- or class-wide view carries (a phone shows a screenful at a time). */
export const PAGE_LIMIT_MAX = 50;
export const PAGE_LIMIT_DEFAULT = 20;

/**
 * One page of a long list: its rows, how many match the filters in all, and where the next page
 * starts (null: this was the last). Every school- or class-wide view answers pages, never the whole list.
 */
export interface Page<T> {
  rows: T[];
  total: number;
  nextSkip: number | null;
}

/** The paging fields of a list action's input: where the page starts and how many rows it holds. */
export const pageFields = {
  skip: z.number().int().min(0).max(100_000).default(0).describe('从第几条开始'),
  limit: z.number().int().min(1).max(PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT).describe('每页条数'),
};

/** Where the page after `rows` starts, given where this one started and how many match in all. */
export const nextSkipOf = (skip: number, rowCount: number, total: number): number | null => (skip + rowCount < total && rowCount > 0 ? skip + rowCount : null);
