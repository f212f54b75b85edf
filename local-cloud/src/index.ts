export { createRuntime, type LocalRuntime, type RuntimeOptions } from './runtime';
export { createLocalServer } from './server';
export { seedDemoData, DEMO, DEMO_IDS } from './seed';
export { runAs } from './wx-context';
