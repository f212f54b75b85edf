/** Browser journeys against the H5 build on the local runtime (started by scripts/run-e2e.mjs). */
const base = require('./jest.config.js');
module.exports = {
  ...base,
  roots: ['<rootDir>/tests/e2e'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60_000,
};
