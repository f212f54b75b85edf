/**
 * WeChat update data → MongoDB update operators, applied with mingo's updater.
 *
 * Follows @cloudbase/database's UpdateSerializer (what `doc.update` / `where().update` send):
 * - plain nested objects are flattened into dotted `$set`s, so `{ a: { b: 1 } }` sets `a.b` and
 *   keeps the other fields of `a` (an empty `{}` sets nothing); use `_.set({...})` to replace `a`;
 * - every other value (array, Date, `db.serverDate()`, null…) is `$set` as a whole;
 * - commands map to operators: `_.inc(1)` → `$inc`, `_.remove()` → `$unset`, `_.push` /
 *   `_.unshift` → `$push` (with `$each`/`$position`…), `_.pop` / `_.shift` → `$pop` ±1, …;
 * - `_id` cannot be updated.
 * Conflicting paths (`a` and `a.b` in one update) fail as in MongoDB.
 */
import { createUpdater, type UpdateExpression } from 'mingo/updater';
import { isLogicCommand, isQueryCommand, isUpdateCommand, type PushSpec, type UpdateCommand } from './command';
import { faults } from './errors';
import { normalizeQueryValue } from './query';
import type { DocumentData, StoredDocument } from './types';
import { cloneValue, isPlainObject, toStorable } from './values';

export type MongoUpdateOperator =
  | '$set'
  | '$unset'
  | '$inc'
  | '$mul'
  | '$min'
  | '$max'
  | '$rename'
  | '$bit'
  | '$push'
  | '$pop'
  | '$addToSet'
  | '$pull'
  | '$pullAll';

export type MongoUpdate = Partial<Record<MongoUpdateOperator, Record<string, unknown>>>;

const OPERATOR_ORDER: readonly MongoUpdateOperator[] = [
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$bit',
  '$push',
  '$pop',
  '$addToSet',
  '$pull',
  '$pullAll',
];
const ARRAY_OPERATORS = new Set<MongoUpdateOperator>(['$push', '$pop', '$addToSet', '$pull', '$pullAll']);
const CREATING_OPERATORS = new Set<MongoUpdateOperator>(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet']);

const isOperatorName = (key: string): key is MongoUpdateOperator => (OPERATOR_ORDER as readonly string[]).includes(key);

const updater = createUpdater({ cloneMode: 'deep' });

/** Translates `update({ data })`'s data into MongoDB update operators. */
export function encodeUpdate(data: unknown, now: Date): MongoUpdate {
  if (!isPlainObject(data) || Object.keys(data).length === 0) {
    throw faults.invalidParam('参数必需是非空对象 (options.data must be a non-empty object)');
  }
  if (Object.hasOwn(data, '_id')) throw faults.invalidParam('不能更新_id的值 (_id cannot be updated)');
  const update: MongoUpdate = {};
  const add = (operator: MongoUpdateOperator, path: string, argument: unknown) => {
    const args = (update[operator] ??= {});
    args[path] = argument;
  };

  const walk = (object: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(object)) {
      if (value === undefined) continue;
      if (key.startsWith('$')) {
        // A raw MongoDB operator at the top level ({ $inc: { n: 1 } }) passes through, as in the SDK.
        if (prefix !== '' || !isOperatorName(key) || !isPlainObject(value)) throw faults.invalidParam(`invalid update operator ${key}`);
        for (const [path, argument] of Object.entries(value)) {
          add(key, checkPath(path), key === '$set' ? toStorable(argument, now, path) : normalizeQueryValue(argument, now));
        }
        continue;
      }
      const path = checkPath(prefix ? `${prefix}.${key}` : key);
      if (isUpdateCommand(value)) encodeCommand(path, value, now, add);
      else if (isQueryCommand(value) || isLogicCommand(value)) {
        throw faults.invalidParam(`query command _.${value.operator}() cannot be used in an update (field ${path})`);
      } else if (isPlainObject(value)) walk(value, path);
      else add('$set', path, toStorable(value, now, path));
    }
  };
  walk(data, '');
  assertNoConflicts(update);
  return update;
}

function checkPath(path: string): string {
  const segments = path.split('.');
  if (segments.some((segment) => segment === '' || segment.startsWith('$'))) throw faults.invalidParam(`invalid field path ${JSON.stringify(path)}`);
  if (segments[0] === '_id') throw faults.invalidParam('不能更新_id的值 (_id cannot be updated)');
  return path;
}

type AddOperation = (operator: MongoUpdateOperator, path: string, argument: unknown) => void;

function encodeCommand(path: string, cmd: UpdateCommand, now: Date, add: AddOperation): void {
  const value = cmd.operand;
  switch (cmd.operator) {
    case 'set':
      return add('$set', path, toStorable(value, now, path));
    case 'remove':
      return add('$unset', path, '');
    case 'inc':
    case 'mul':
      if (typeof value !== 'number') throw faults.invalidParam(`_.${cmd.operator}() expects a number`);
      return add(`$${cmd.operator}`, path, value);
    case 'min':
    case 'max':
      return add(`$${cmd.operator}`, path, toStorable(value, now, path));
    case 'rename':
      if (typeof value !== 'string' || value === '') throw faults.invalidParam('_.rename() expects the new field name');
      return add('$rename', path, checkPath(value));
    case 'bit':
      return add('$bit', path, value);
    case 'push': {
      const spec = value as PushSpec;
      const modifiers: Record<string, unknown> = { $each: toStorable(spec.each, now, path) };
      if (spec.position !== undefined) modifiers.$position = spec.position;
      if (spec.slice !== undefined) modifiers.$slice = spec.slice;
      if (spec.sort !== undefined) modifiers.$sort = spec.sort;
      return add('$push', path, modifiers);
    }
    case 'unshift':
      return add('$push', path, { $each: toStorable(value, now, path), $position: 0 });
    case 'pop':
    case 'shift':
      return add('$pop', path, value);
    case 'addToSet': {
      if (isPlainObject(value) && ('each' in value || '$each' in value)) {
        const each = value.$each ?? value.each;
        if (!Array.isArray(each)) throw faults.invalidParam('_.addToSet({ each }) expects an array');
        return add('$addToSet', path, { $each: toStorable(each, now, path) });
      }
      return add('$addToSet', path, toStorable(value, now, path));
    }
    case 'pull':
      return add('$pull', path, normalizeQueryValue(value, now));
    case 'pullAll':
      if (!Array.isArray(value)) throw faults.invalidParam('_.pullAll() expects an array');
      return add('$pullAll', path, toStorable(value, now, path));
  }
}

/** MongoDB refuses an update touching a path and its parent/child (or the same path twice). */
function assertNoConflicts(update: MongoUpdate): void {
  const paths: string[] = [];
  for (const operator of OPERATOR_ORDER) {
    const args = update[operator];
    if (!args) continue;
    for (const [path, argument] of Object.entries(args)) {
      paths.push(path);
      if (operator === '$rename' && typeof argument === 'string') paths.push(argument);
    }
  }
  for (let i = 0; i < paths.length; i += 1) {
    for (let j = i + 1; j < paths.length; j += 1) {
      const [a, b] = [paths[i], paths[j]];
      if (a === b || b.startsWith(`${a}.`) || a.startsWith(`${b}.`)) {
        throw faults.requestFailed(`[FailedOperation] Updating the path '${b}' would create a conflict at '${a}'`);
      }
    }
  }
}

export function isEmptyUpdate(update: MongoUpdate): boolean {
  return Object.values(update).every((args) => !args || Object.keys(args).length === 0);
}

/** Applies an encoded update to a copy of `doc`; `doc` itself is left untouched. */
export function applyUpdate(doc: StoredDocument, update: MongoUpdate): StoredDocument {
  const next = cloneValue(doc);
  for (const operator of OPERATOR_ORDER) {
    const args = update[operator];
    if (!args || Object.keys(args).length === 0) continue;
    for (const path of Object.keys(args)) checkTarget(next, operator, path);
    if (operator === '$rename') for (const target of Object.values(args)) checkTarget(next, operator, String(target));
    try {
      updater(next, { [operator]: args } as unknown as UpdateExpression);
    } catch (error) {
      throw faults.requestFailed(`[FailedOperation] ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return next;
}

/** MongoDB's checks mingo does not make: array operators need arrays, paths cannot cross scalars. */
function checkTarget(doc: DocumentData, operator: MongoUpdateOperator, path: string): void {
  const segments = path.split('.');
  let current: unknown = doc;
  for (let i = 0; i < segments.length; i += 1) {
    if (current === undefined) return;
    const isLast = i === segments.length - 1;
    if (Array.isArray(current) && /^\d+$/.test(segments[i])) current = current[Number(segments[i])];
    else if (isPlainObject(current)) current = current[segments[i]];
    else if (CREATING_OPERATORS.has(operator) || operator === '$rename') {
      const parent = segments.slice(0, i).join('.');
      throw faults.requestFailed(`[FailedOperation] Cannot create field '${segments[i]}' in element {${parent}: ${JSON.stringify(current)}}`);
    } else return;
    if (isLast && ARRAY_OPERATORS.has(operator) && current !== undefined && !Array.isArray(current)) {
      const type = current === null ? 'null' : typeof current;
      throw faults.requestFailed(`[FailedOperation] The field '${path}' must be an array but is of type ${type}`);
    }
  }
}
