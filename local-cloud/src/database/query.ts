/**
 * WeChat `where` conditions → MongoDB query documents (evaluated by mingo).
 *
 * Follows @cloudbase/database's QuerySerializer:
 * - nested plain objects are flattened into dotted paths: `{ a: { b: 1 } }` matches on `a.b`
 *   (it is NOT an exact sub-document match; use `_.eq({ b: 1 })` for that);
 * - an empty nested object `{ a: {} }` is dropped, `undefined` values are ignored;
 * - a command under a field applies to that field (`{ age: _.gt(3) }`), logic commands under a
 *   field combine commands on that field (`{ age: _.gt(3).and(_.lt(9)) }`), top-level logic
 *   commands combine whole conditions (`_.or([{ a: 1 }, { b: 2 }])`);
 * - raw MongoDB operator objects (`{ age: { $gt: 3 } }`) pass through;
 * - JS RegExps and `db.RegExp()` match strings, `db.serverDate()` is the time of the request.
 */
import { isDatabaseRegExp, isLogicCommand, isQueryCommand, isServerDate, isUpdateCommand, type LogicCommand, type QueryCommand } from './command';
import { faults } from './errors';
import type { FieldProjection } from './types';
import { isPlainObject } from './values';

export type MongoQuery = Record<string, unknown>;

/** A value inside a condition: special values resolved, nested commands turned into operators. */
export function normalizeQueryValue(value: unknown, now: Date): unknown {
  if (isServerDate(value)) return value.resolve(now);
  if (isDatabaseRegExp(value)) return value.toRegExp();
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof RegExp) return value;
  if (isQueryCommand(value)) return operatorExpression(value, now);
  if (isLogicCommand(value) || isUpdateCommand(value)) {
    throw faults.invalidParam(`a ${value.operator} command is not allowed inside a value`);
  }
  if (Array.isArray(value)) return value.map((item) => normalizeQueryValue(item, now));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) copy[key] = normalizeQueryValue(item, now);
    return copy;
  }
  return value;
}

/** Encodes a whole condition: a query object or a top-level logic command. */
export function encodeWhere(condition: unknown, now: Date): MongoQuery {
  if (isLogicCommand(condition)) {
    if (condition.operator === 'not') throw faults.invalidParam('_.not() must be placed under a field');
    return { [`$${condition.operator}`]: condition.operands.map((operand) => encodeWhere(operand, now)) };
  }
  if (isPlainObject(condition)) return combine(objectClauses(condition, '', now));
  throw faults.invalidParam('查询参数必须为对象');
}

/** One clause per field (or per top-level operator) of a query object, flattened under `prefix`. */
function objectClauses(object: Record<string, unknown>, prefix: string, now: Date): MongoQuery[] {
  const clauses: MongoQuery[] = [];
  const operators: Record<string, unknown> = {}; // raw `$` operators on `prefix` itself
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue;
    if (key.startsWith('$')) {
      if (prefix) operators[key] = normalizeQueryValue(value, now);
      else clauses.push({ [key]: topLevelOperator(key, value, now) });
      continue;
    }
    const path = prefix ? `${prefix}.${key}` : key;
    if (isQueryCommand(value) || isLogicCommand(value)) {
      clauses.push(fieldCommand(path, value, now));
    } else if (isUpdateCommand(value)) {
      throw faults.invalidParam(`update command _.${value.operator}() cannot be used in a query (field ${path})`);
    } else if (isPlainObject(value)) {
      clauses.push(...objectClauses(value, path, now));
    } else {
      clauses.push({ [path]: normalizeQueryValue(value, now) });
    }
  }
  if (Object.keys(operators).length > 0) clauses.unshift({ [prefix]: operators });
  return clauses;
}

/** `{ $or: [...] }` written by hand at the top of a query object. */
function topLevelOperator(key: string, value: unknown, now: Date): unknown {
  if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) {
    return value.map((item) => encodeWhere(item, now));
  }
  return normalizeQueryValue(value, now);
}

/** A command placed under a field. */
function fieldCommand(path: string, cmd: QueryCommand | LogicCommand, now: Date): MongoQuery {
  if (isQueryCommand(cmd)) return { [path]: operatorExpression(cmd, now) };
  if (cmd.operator === 'not') {
    const [operand] = cmd.operands;
    if (operand instanceof RegExp || isDatabaseRegExp(operand)) return { [path]: { $not: normalizeQueryValue(operand, now) } };
    if (isQueryCommand(operand)) return { [path]: { $not: operatorExpression(operand, now) } };
    return { $nor: [fieldOperand(path, operand, now)] };
  }
  return { [`$${cmd.operator}`]: cmd.operands.map((operand) => fieldOperand(path, operand, now)) };
}

/** An operand of a logic command under a field: a command, a sub-condition or a value to equal. */
function fieldOperand(path: string, operand: unknown, now: Date): MongoQuery {
  if (isQueryCommand(operand) || isLogicCommand(operand)) return fieldCommand(path, operand, now);
  if (isPlainObject(operand)) return combine(objectClauses(operand, path, now));
  return { [path]: normalizeQueryValue(operand, now) };
}

/** `_.gt(3)` → `{ $gt: 3 }`. */
export function operatorExpression(cmd: QueryCommand, now: Date): MongoQuery {
  const value = cmd.operand;
  switch (cmd.operator) {
    case 'neq':
      return { $ne: normalizeQueryValue(value, now) };
    case 'in':
    case 'nin':
    case 'all':
      if (!Array.isArray(value)) throw faults.invalidParam(`_.${cmd.operator}() expects an array`);
      return { [`$${cmd.operator}`]: normalizeQueryValue(value, now) };
    case 'exists':
      return { $exists: Boolean(value) };
    case 'elemMatch':
      return { $elemMatch: elemMatchCondition(value, now) };
    default:
      return { [`$${cmd.operator}`]: normalizeQueryValue(value, now) };
  }
}

/** `_.elemMatch(_.gt(80))` on scalars, `_.elemMatch({ score: _.gt(80) })` on sub-documents. */
function elemMatchCondition(condition: unknown, now: Date): MongoQuery {
  if (isQueryCommand(condition)) return operatorExpression(condition, now);
  if (isLogicCommand(condition) && condition.operator === 'and' && condition.operands.every(isQueryCommand)) {
    return Object.assign({}, ...condition.operands.map((operand) => operatorExpression(operand as QueryCommand, now))) as MongoQuery;
  }
  if (isPlainObject(condition)) return encodeWhere(condition, now);
  throw faults.invalidParam('_.elemMatch() expects a query object or a comparison command');
}

/** Joins clauses into one query; clauses on the same key go under `$and`. */
function combine(clauses: MongoQuery[]): MongoQuery {
  if (clauses.length === 1) return clauses[0];
  const merged: MongoQuery = {};
  for (const clause of clauses) {
    for (const [key, value] of Object.entries(clause)) {
      if (Object.hasOwn(merged, key)) return { $and: clauses };
      merged[key] = value;
    }
  }
  return merged;
}

/** `field({ a: true, b: false })` → a MongoDB projection (`{ a: 1, b: 0 }`), as the SDK does. */
export function encodeProjection(fields: FieldProjection, now: Date): Record<string, unknown> {
  const projection: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'boolean') projection[key] = value ? 1 : 0;
    else if (typeof value === 'number') projection[key] = value > 0 ? 1 : 0;
    else if (isPlainObject(value)) projection[key] = normalizeQueryValue(value, now);
  }
  return projection;
}
