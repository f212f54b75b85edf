export * from './stale';
export * from './summary';
