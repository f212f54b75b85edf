import { jsx } from '@antv/f2';

/**
 * F2's element factory (its own JSX, not React's), loosely typed: F2's component classes do not
 * satisfy its own `ElementType` under strict TypeScript. Only this folder draws charts.
 */
export const f2 = jsx as unknown as (type: unknown, props: Record<string, unknown>) => unknown;
