import { fieldErrors } from '@kehou/shared';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ZodTypeAny, z } from 'zod';
import { fieldAnchor } from './field';

export type Errors = Record<string, string>;

/**
 * A form checked with the very schema the cloud function parses it with: every problem at once,
 * each under its own field (by its path), and the page scrolled to the first one. `check` answers
 * the parsed input, or null when something is wrong.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<Errors>({});

  function check<S extends ZodTypeAny>(schema: S, form: unknown, order: readonly string[] = []): z.output<S> | null {
    const result = schema.safeParse(form);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const found = fieldErrors(result.error.issues, schema);
    setErrors(found);
    scrollToFirst(Object.keys(found), order);
    return null;
  }

  /** The error of a field, or of anything under it (`pickup` shows a problem of `pickup.mode`). */
  const at = (path: string): string | undefined => errors[path];
  const under = (path: string): string | undefined => errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
  /** Forgets the error of a field once the person changes it. */
  const clear = (path: string) => {
    if (!Object.keys(errors).some((key) => key === path || key.startsWith(`${path}.`))) return;
    setErrors(Object.fromEntries(Object.entries(errors).filter(([key]) => key !== path && !key.startsWith(`${path}.`))));
  };
  return { errors, setErrors, check, at, under, clear, count: Object.keys(errors).length };
}

/** Scrolls to the first field in error, in the order the page shows them (`order`: path prefixes, top to bottom). */
export function scrollToFirst(paths: string[], order: readonly string[] = []) {
  if (!paths.length) return;
  const rank = (path: string) => {
    const i = order.findIndex((prefix) => path === prefix || path.startsWith(`${prefix}.`));
    return i < 0 ? order.length : i;
  };
  const first = [...paths].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))[0] ?? '';
  // The anchor of the field itself, or of the group it belongs to.
  const candidates = first.split('.').map((_, i, parts) => parts.slice(0, parts.length - i).join('.'));
  setTimeout(() => void scrollToAnchor(candidates.map(fieldAnchor)), 50);
}

async function scrollToAnchor(anchors: string[]) {
  for (const anchor of anchors) {
    if (process.env.TARO_ENV === 'h5') {
      const element = document.getElementById(anchor);
      if (!element) continue;
      element.scrollIntoView({ block: 'center' });
      return;
    }
    const found = await new Promise<boolean>((resolve) =>
      Taro.createSelectorQuery()
        .select(`#${anchor}`)
        .boundingClientRect((rect) => resolve(!!rect))
        .exec(),
    );
    if (!found) continue;
    await Taro.pageScrollTo({ selector: `#${anchor}`, duration: 200 } as never).catch(() => undefined);
    return;
  }
}
