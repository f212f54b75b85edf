export { CallTimeoutError, describeFigures, emptyFigures, type Figures, type Measured, Meter, TIMEOUT_ANSWER } from './metering';
export { createRuntime, type LocalRuntime, type RuntimeOptions } from './runtime';
export { DEMO, DEMO_IDS, seedDemoData } from './seed';
export { createLocalServer } from './server';
export { runAs } from './wx-context';
