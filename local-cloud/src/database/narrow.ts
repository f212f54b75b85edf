/**
 * Narrowing a query to the documents it can match before mingo tests them one by one: a query
 * that fixes a top-level field to one or a few plain values (`schoolId: 's1'`, `_id: _.in([...])`)
 * only needs the documents holding those values. A per-field map from value to positions is built
 * once per version of a collection. Narrowing never changes what a query returns: the whole query
 * still runs on what is left, and a field that holds arrays or objects anywhere is never narrowed
 * on (MongoDB equality on them has other rules).
 */
import type { MongoQuery } from './query';
import type { StoredDocument } from './types';
import { isPlainObject } from './values';

type Plain = string | number | boolean;

interface FieldConstraint {
  field: string;
  values: Plain[];
}

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !Number.isNaN(value));

const keyOf = (value: Plain) => `${typeof value}:${value === 0 ? 0 : String(value)}`;

/** The top-level fields `query` requires to be one of some plain values (through `$and` too). */
export function equalityConstraints(query: MongoQuery): FieldConstraint[] {
  const found: FieldConstraint[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const clause of value) if (isPlainObject(clause)) found.push(...equalityConstraints(clause));
      continue;
    }
    if (key.startsWith('$') || key.includes('.')) continue;
    if (isPlain(value)) found.push({ field: key, values: [value] });
    else if (isPlainObject(value)) {
      if (isPlain(value.$eq)) found.push({ field: key, values: [value.$eq] });
      else if (Array.isArray(value.$in) && value.$in.every(isPlain)) found.push({ field: key, values: value.$in as Plain[] });
    }
  }
  return found;
}

/** Positions of each plain value of one field; `null` when some document holds an array or object there. */
type FieldIndex = Map<string, number[]> | null;

function buildFieldIndex(docs: readonly StoredDocument[], field: string): FieldIndex {
  const positions = new Map<string, number[]>();
  for (let i = 0; i < docs.length; i += 1) {
    const value = (docs[i] as Record<string, unknown>)[field];
    if (value === undefined || value === null) continue;
    if (!isPlain(value)) return null;
    const key = keyOf(value);
    const list = positions.get(key);
    if (list) list.push(i);
    else positions.set(key, [i]);
  }
  return positions;
}

/** The field indexes of one version of a collection's documents. */
export class Narrower {
  private readonly fields = new Map<string, FieldIndex>();

  constructor(private readonly docs: readonly StoredDocument[]) {}

  private index(field: string): FieldIndex {
    if (!this.fields.has(field)) this.fields.set(field, buildFieldIndex(this.docs, field));
    return this.fields.get(field) ?? null;
  }

  /** The documents `query` can match, in store order (all of them when no field narrows it). */
  candidates(query: MongoQuery): readonly StoredDocument[] {
    let best: number[] | null = null;
    for (const { field, values } of equalityConstraints(query)) {
      const index = this.index(field);
      if (!index) continue;
      const positions = values.length === 1 ? (index.get(keyOf(values[0])) ?? []) : union(values.map((value) => index.get(keyOf(value)) ?? []));
      if (!best || positions.length < best.length) best = positions;
      if (best.length === 0) break;
    }
    return best ? best.map((i) => this.docs[i]) : this.docs;
  }
}

function union(lists: number[][]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}
