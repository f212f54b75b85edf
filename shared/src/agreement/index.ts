export * from './diff';
export * from './render';
export * from './sha256';
export * from './template';
export * from './types';
export * from './views';
