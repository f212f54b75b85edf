export * from './status';
export * from './types';
export * from './patterns';
export * from './roster';
export * from './views';
export * from './binding-ref';
export * from './binding-limits';
