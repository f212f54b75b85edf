/**
 * `db.command` (`_`): the query, logic, update, projection and aggregation command builders of
 * wx-server-sdk, plus the special values `db.serverDate()` and `db.RegExp()`.
 *
 * Commands are inert descriptions; query.ts and update.ts translate them into MongoDB syntax.
 * Shapes follow @cloudbase/database (the library wx-server-sdk delegates to): e.g. a chained
 * `_.gt(1).lt(5)` is an `and` of two commands, `_.push(1, 2)` pushes both values.
 */

export type QueryOperator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'all' | 'elemMatch' | 'exists' | 'size' | 'mod';

export type LogicOperator = 'and' | 'or' | 'nor' | 'not';

export type UpdateOperator =
  | 'set'
  | 'remove'
  | 'inc'
  | 'mul'
  | 'min'
  | 'max'
  | 'rename'
  | 'bit'
  | 'push'
  | 'pop'
  | 'shift'
  | 'unshift'
  | 'addToSet'
  | 'pull'
  | 'pullAll';

/** `_.and([a, b])` and `_.and(a, b)` are the same thing. */
function spread(args: readonly unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? [...(args[0] as unknown[])] : [...args];
}

abstract class ChainableCommand {
  and(...expressions: unknown[]): LogicCommand {
    return new LogicCommand('and', [this, ...spread(expressions)]);
  }

  or(...expressions: unknown[]): LogicCommand {
    return new LogicCommand('or', [this, ...spread(expressions)]);
  }
}

/** A field condition such as `_.gt(3)`; the field is the key it is placed under in `where`. */
export class QueryCommand extends ChainableCommand {
  constructor(
    readonly operator: QueryOperator,
    readonly operand: unknown,
  ) {
    super();
  }

  eq(value: unknown): LogicCommand {
    return this.and(new QueryCommand('eq', value));
  }
  neq(value: unknown): LogicCommand {
    return this.and(new QueryCommand('neq', value));
  }
  gt(value: unknown): LogicCommand {
    return this.and(new QueryCommand('gt', value));
  }
  gte(value: unknown): LogicCommand {
    return this.and(new QueryCommand('gte', value));
  }
  lt(value: unknown): LogicCommand {
    return this.and(new QueryCommand('lt', value));
  }
  lte(value: unknown): LogicCommand {
    return this.and(new QueryCommand('lte', value));
  }
  in(values: readonly unknown[]): LogicCommand {
    return this.and(new QueryCommand('in', values));
  }
  nin(values: readonly unknown[]): LogicCommand {
    return this.and(new QueryCommand('nin', values));
  }
}

/** `_.and / _.or / _.nor / _.not`, top level (over query objects) or under a field (over commands). */
export class LogicCommand extends ChainableCommand {
  constructor(
    readonly operator: LogicOperator,
    readonly operands: readonly unknown[],
  ) {
    super();
  }
}

/** Options of `_.push({ each, position, slice, sort })`. */
export interface PushSpec {
  each: unknown[];
  position?: number;
  slice?: number;
  sort?: unknown;
}

/** A field update such as `_.inc(1)`; the field is the key it is placed under in `data`. */
export class UpdateCommand {
  constructor(
    readonly operator: UpdateOperator,
    readonly operand: unknown,
  ) {}
}

/** `db.serverDate({ offset })`: replaced by the time of the write (plus `offset` ms). */
export class ServerDate {
  constructor(readonly offset = 0) {}

  resolve(now: Date): Date {
    return new Date(now.getTime() + this.offset);
  }
}

/** `db.RegExp({ regexp, options })`: a regular expression for `where`. */
export class DatabaseRegExp {
  readonly regexp: string;
  readonly options: string;

  constructor(init: { regexp: string; options?: string }) {
    if (!init || typeof init.regexp !== 'string' || init.regexp === '') throw new TypeError('regexp must be a string');
    this.regexp = init.regexp;
    this.options = init.options ?? '';
  }

  /** As a JavaScript RegExp; MongoDB's `x` flag has no JS equivalent and is dropped. */
  toRegExp(): RegExp {
    const flags = [...new Set(this.options.split(''))].filter((flag) => 'imsu'.includes(flag)).join('');
    return new RegExp(this.regexp, flags);
  }
}

export const isQueryCommand = (value: unknown): value is QueryCommand => value instanceof QueryCommand;
export const isLogicCommand = (value: unknown): value is LogicCommand => value instanceof LogicCommand;
export const isUpdateCommand = (value: unknown): value is UpdateCommand => value instanceof UpdateCommand;
export const isServerDate = (value: unknown): value is ServerDate => value instanceof ServerDate;
export const isDatabaseRegExp = (value: unknown): value is DatabaseRegExp => value instanceof DatabaseRegExp;
export const isCommand = (value: unknown): value is QueryCommand | LogicCommand | UpdateCommand =>
  isQueryCommand(value) || isLogicCommand(value) || isUpdateCommand(value);

function isPushOptions(value: unknown): value is { each: unknown; position?: unknown; slice?: unknown; sort?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'each');
}

function pushSpec(args: readonly unknown[]): PushSpec {
  const [first] = args;
  if (isPushOptions(first)) {
    const spec: PushSpec = { each: Array.isArray(first.each) ? [...first.each] : [first.each] };
    if (typeof first.position === 'number') spec.position = first.position;
    if (typeof first.slice === 'number') spec.slice = first.slice;
    if (first.sort !== undefined) spec.sort = first.sort;
    return spec;
  }
  return { each: spread(args) };
}

/** Aggregation expression operators available as `_.aggregate.<name>(param)` → `{ $<name>: param }`. */
const AGGREGATE_OPERATORS = [
  'abs',
  'add',
  'ceil',
  'divide',
  'exp',
  'floor',
  'ln',
  'log',
  'log10',
  'mod',
  'multiply',
  'pow',
  'sqrt',
  'subtract',
  'trunc',
  'arrayElemAt',
  'arrayToObject',
  'concatArrays',
  'filter',
  'in',
  'indexOfArray',
  'isArray',
  'map',
  'range',
  'reduce',
  'reverseArray',
  'size',
  'slice',
  'zip',
  'and',
  'not',
  'or',
  'cmp',
  'eq',
  'gt',
  'gte',
  'lt',
  'lte',
  'neq',
  'cond',
  'ifNull',
  'switch',
  'dateFromParts',
  'dateFromString',
  'dateToString',
  'dayOfMonth',
  'dayOfWeek',
  'dayOfYear',
  'isoDayOfWeek',
  'isoWeek',
  'isoWeekYear',
  'millisecond',
  'minute',
  'month',
  'second',
  'hour',
  'week',
  'year',
  'literal',
  'mergeObjects',
  'objectToArray',
  'allElementsTrue',
  'anyElementTrue',
  'setDifference',
  'setEquals',
  'setIntersection',
  'setIsSubset',
  'setUnion',
  'concat',
  'indexOfBytes',
  'indexOfCP',
  'split',
  'strLenBytes',
  'strLenCP',
  'strcasecmp',
  'substr',
  'substrBytes',
  'substrCP',
  'toLower',
  'toUpper',
  'addToSet',
  'avg',
  'first',
  'last',
  'max',
  'min',
  'push',
  'stdDevPop',
  'stdDevSamp',
  'sum',
  'let',
] as const;

export type AggregateOperatorName = (typeof AGGREGATE_OPERATORS)[number];
export type AggregateExpression = Record<string, unknown>;

function aggregateOperators(): Record<AggregateOperatorName, (param: unknown) => AggregateExpression> {
  const entries = AGGREGATE_OPERATORS.map((name) => {
    // `neq` is MongoDB's `$ne`, as in the SDK.
    const mongoName = name === 'neq' ? 'ne' : name;
    return [name, (param: unknown): AggregateExpression => ({ [`$${mongoName}`]: param })] as const;
  });
  return Object.fromEntries(entries) as Record<AggregateOperatorName, (param: unknown) => AggregateExpression>;
}

export const command = {
  // query (comparison, element, array)
  eq: (value: unknown) => new QueryCommand('eq', value),
  neq: (value: unknown) => new QueryCommand('neq', value),
  gt: (value: unknown) => new QueryCommand('gt', value),
  gte: (value: unknown) => new QueryCommand('gte', value),
  lt: (value: unknown) => new QueryCommand('lt', value),
  lte: (value: unknown) => new QueryCommand('lte', value),
  in: (values: readonly unknown[]) => new QueryCommand('in', values),
  nin: (values: readonly unknown[]) => new QueryCommand('nin', values),
  all: (values: readonly unknown[]) => new QueryCommand('all', values),
  elemMatch: (condition: unknown) => new QueryCommand('elemMatch', condition),
  exists: (exists: boolean) => new QueryCommand('exists', exists),
  size: (size: number) => new QueryCommand('size', size),
  mod: (divisorOrPair: number | readonly [number, number], remainder?: number) =>
    new QueryCommand('mod', Array.isArray(divisorOrPair) ? [...divisorOrPair] : [divisorOrPair, remainder ?? 0]),

  // logic
  and: (...expressions: unknown[]) => new LogicCommand('and', spread(expressions)),
  or: (...expressions: unknown[]) => new LogicCommand('or', spread(expressions)),
  nor: (...expressions: unknown[]) => new LogicCommand('nor', spread(expressions)),
  not: (expression: unknown) => new LogicCommand('not', [expression]),
  expr: (expression: unknown) => ({ $expr: expression }),

  // update: fields
  set: (value: unknown) => new UpdateCommand('set', value),
  remove: () => new UpdateCommand('remove', undefined),
  inc: (amount: number) => new UpdateCommand('inc', amount),
  mul: (factor: number) => new UpdateCommand('mul', factor),
  min: (value: unknown) => new UpdateCommand('min', value),
  max: (value: unknown) => new UpdateCommand('max', value),
  rename: (newName: string) => new UpdateCommand('rename', newName),
  bit: (operation: Record<string, number>) => new UpdateCommand('bit', operation),

  // update: arrays
  push: (...values: unknown[]) => new UpdateCommand('push', pushSpec(values)),
  pop: () => new UpdateCommand('pop', 1),
  shift: () => new UpdateCommand('shift', -1),
  unshift: (...values: unknown[]) => new UpdateCommand('unshift', spread(values)),
  addToSet: (value: unknown) => new UpdateCommand('addToSet', value),
  pull: (condition: unknown) => new UpdateCommand('pull', condition),
  pullAll: (values: readonly unknown[]) => new UpdateCommand('pullAll', values),

  project: {
    slice: (value: number | readonly [number, number]) => ({ $slice: value }),
    elemMatch: (condition: unknown) => ({ $elemMatch: condition }),
  },

  aggregate: aggregateOperators(),
};

export type DatabaseCommand = typeof command;

export const serverDate = (options: { offset?: number } = {}): ServerDate => new ServerDate(options.offset ?? 0);

export const databaseRegExp = (init: { regexp: string; options?: string }): DatabaseRegExp => new DatabaseRegExp(init);
