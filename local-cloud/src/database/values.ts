/**
 * Document values: what may be stored, copying in and out, and equality.
 * Stored documents hold only JSON-like values and Dates (what the cloud database round-trips).
 */
import { isCommand, isDatabaseRegExp, isServerDate } from './command';
import { faults } from './errors';
import type { DocumentData } from './types';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A field name the database accepts: not empty, no leading `$`, no `.` (dots mean paths). */
export function assertFieldName(key: string, where: string): void {
  if (key === '' || key.startsWith('$') || key.includes('.')) {
    throw faults.invalidParam(`invalid field name ${JSON.stringify(key)} in ${where}: names cannot be empty, start with "$" or contain "."`);
  }
}

/**
 * Deep-copies a value given by a caller into storable form: `serverDate()` becomes the write
 * time, `undefined` fields are dropped (the SDK filters them), Dates are copied. Commands,
 * regular expressions, functions and class instances cannot be stored.
 */
export function toStorable(value: unknown, now: Date, path = 'data'): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (isServerDate(value)) return value.resolve(now);
  if (Array.isArray(value)) return value.map((item, index) => (item === undefined ? null : toStorable(item, now, `${path}.${index}`)));
  if (isCommand(value)) throw faults.requestFailed(`update operator complicit: a command cannot be stored (at ${path})`);
  if (value instanceof RegExp || isDatabaseRegExp(value)) throw faults.invalidParam(`a regular expression cannot be stored (at ${path})`);
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      assertFieldName(key, path);
      copy[key] = toStorable(item, now, `${path}.${key}`);
    }
    return copy;
  }
  const type = typeof value === 'object' ? Object.prototype.toString.call(value) : typeof value;
  throw faults.invalidParam(`unsupported value of type ${type} (at ${path})`);
}

/** `toStorable` for a whole document body. */
export function toStorableDocument(data: unknown, now: Date, what = 'data'): DocumentData {
  if (!isPlainObject(data)) throw faults.invalidParam(`${what} must be an object`);
  return toStorable(data, now, what) as DocumentData;
}

/** A deep copy of a stored value (plain objects, arrays, Dates, primitives). */
export function cloneValue<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cloneValue(item)) as T;
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = cloneValue(item);
    return copy as T;
  }
  return value;
}

/** Structural equality of stored values (field order ignored, Dates by time). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const aKeys = Object.keys(a);
    const bRecord = b as Record<string, unknown>;
    if (aKeys.length !== Object.keys(b).length) return false;
    return aKeys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], bRecord[key]));
  }
  return Number.isNaN(a) && Number.isNaN(b);
}
