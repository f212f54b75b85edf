export * from './consents';
export * from './drain';
export * from './queue';
export * from './views';
