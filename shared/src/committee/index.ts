export * from './duty';
export * from './rules';
export * from './surveys';
