export * from './day';
export * from './schemas';
export * from './types';
