import type { IsoDate } from './calendar';
import type { Citation } from './citation';

export type Unit = 'fen/period' | 'fen/term' | 'fen/hour' | 'fen/student/year' | 'percent' | 'minutes' | 'minutes/day' | 'HH:mm' | 'working-days';

/** One value of a policy parameter, the dates it is in force (`to` included) and its source. */
export interface Parameter<T> {
  readonly value: T;
  readonly unit: Unit;
  readonly from: IsoDate;
  readonly to?: IsoDate;
  readonly citation: Citation;
}

/** Every value a parameter has had, oldest first, never overlapping. */
export type Timeline<T> = readonly [Parameter<T>, ...Parameter<T>[]];

/**
 * The version in force on `date`. A date before the first version is judged by the first
 * version (schools often bill a term that began before the document was published); a date in
 * a gap or after the last `to` is judged by the latest version that had started.
 */
export function inForceOn<T>(timeline: Timeline<T>, date: IsoDate): Parameter<T> {
  let latestStarted: Parameter<T> | undefined;
  for (const version of timeline) {
    if (version.from > date) break;
    if (version.to === undefined || date <= version.to) return version;
    latestStarted = version;
  }
  return latestStarted ?? timeline[0];
}

export function valueOn<T>(timeline: Timeline<T>, date: IsoDate): T {
  return inForceOn(timeline, date).value;
}

/** A parameter with one value in force from `from`. */
export function since<T>(from: IsoDate, value: T, unit: Unit, citation: Citation): Timeline<T> {
  return [{ value, unit, from, citation }];
}
