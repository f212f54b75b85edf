/** The mini-program in the tests: the built weapp (client/dist/weapp) in miniprogram-simulate (jsdom + exparser). */
const base = require('./jest.config.js');
module.exports = {
  ...base,
  testEnvironment: 'jsdom',
  // The local cloud runs in the same process: resolve packages as Node does, not as a browser.
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
  roots: ['<rootDir>/tests/weapp'],
  testPathIgnorePatterns: ['/node_modules/'],
  // The weapp build is WeChat's JavaScript as it ships: run it as is, untransformed.
  transformIgnorePatterns: [...base.transformIgnorePatterns, '<rootDir>/client/dist/'],
  testTimeout: 60_000,
};
