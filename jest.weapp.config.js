/**
 * The mini-program in the tests: the built weapp (client/dist/weapp) in miniprogram-simulate (jsdom +
 * exparser). The harness evaluates the build's files itself, as shipped (never through jest's transform).
 */
const base = require('./jest.config.js');
module.exports = {
  ...base,
  testEnvironment: 'jsdom',
  // The local cloud runs in the same process: resolve packages as Node does, not as a browser.
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
  roots: ['<rootDir>/tests/weapp'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60_000,
};
