export * from './binding-limits';
export * from './binding-ref';
export * from './patterns';
export * from './progress';
export * from './roster';
export * from './status';
export * from './types';
export * from './views';
