export { formatYuan } from '../policy/core/money';
export * from './billing';
export * from './ledger';
export * from './schemas';
export * from './types';
export * from './views';
