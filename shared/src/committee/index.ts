export * from './rules';
export * from './surveys';
