export * from './surveys';
