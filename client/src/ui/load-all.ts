import type { Page } from '@kehou/shared';

/** Every row of a paged list, page after page (for a bulk decision on what the screen counts). */
export async function loadAll<T>(load: (skip: number, limit: number) => Promise<Page<T>>, limit = 50): Promise<T[]> {
  const rows: T[] = [];
  for (let skip: number | null = 0; skip !== null; ) {
    const page: Page<T> = await load(skip, limit);
    rows.push(...page.rows);
    skip = page.nextSkip;
  }
  return rows;
}

/** `items` in slices of at most `size`. */
export const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
