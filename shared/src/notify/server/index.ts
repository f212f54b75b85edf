export * from './consents';
export * from './daily-runs';
export * from './drain';
export * from './queue';
export * from './views';
