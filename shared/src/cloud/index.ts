export * from './sdk';
export * from './errors';
export * from './caller';
export * from './context';
export * from './router';
export * from './paging';
export { describeIssues } from './zod-zh';
export * from './wechat-entry';
export * from './documents';
