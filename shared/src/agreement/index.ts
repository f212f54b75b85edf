export * from './types';
export * from './sha256';
export * from './template';
export * from './render';
export * from './views';
