export { createRuntime, type LocalRuntime, type RuntimeOptions } from './runtime';
export { DEMO, DEMO_IDS, seedDemoData } from './seed';
export { createLocalServer } from './server';
export { runAs } from './wx-context';
