import { Axis, Chart, Interval, Legend, Line, Point } from '@antv/f2';
import { type ItemResult, SURVEY_ITEMS, type TrendPoint } from '@kehou/shared/committee';
import { f2 } from './f2';

const BLUE = '#2f6fde';

/** Average rating per item, as bars on a 0–5 scale. */
export function itemsChart(items: ItemResult[]) {
  const data = items.filter((i) => i.average !== null).map((i) => ({ item: i.label, average: i.average }));
  return f2(Chart, {
    data,
    scale: { average: { min: 0, max: 5, tickCount: 6 } },
    children: [f2(Axis, { field: 'item' }), f2(Axis, { field: 'average' }), f2(Interval, { x: 'item', y: 'average', color: BLUE })],
  });
}

/** Each item's average across terms, one line per item. */
export function trendChart(trend: TrendPoint[]) {
  const data = trend.flatMap((p) =>
    Object.entries(p.averages)
      .filter(([, v]) => v !== null)
      .map(([key, average]) => ({ term: p.termName, item: SURVEY_ITEMS[key as keyof typeof SURVEY_ITEMS], average })),
  );
  return f2(Chart, {
    data,
    scale: { average: { min: 0, max: 5, tickCount: 6 } },
    children: [
      f2(Axis, { field: 'term' }),
      f2(Axis, { field: 'average' }),
      f2(Line, { x: 'term', y: 'average', color: 'item' }),
      f2(Point, { x: 'term', y: 'average', color: 'item' }),
      f2(Legend, { position: 'top' }),
    ],
  });
}
