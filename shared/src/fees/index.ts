export * from './types';
export * from './billing';
export * from './views';
export { formatYuan } from '../policy/core/money';
export * from './schemas';
export * from './ledger';
