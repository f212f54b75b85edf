/** Unit, contract and integration tests (browser journeys and the weapp suite run separately: scripts/run-e2e.mjs, scripts/run-weapp.mjs). */
module.exports = {
  testEnvironment: 'node',
  // Integration suites build a school through the real actions; on a loaded 2-core machine that takes seconds.
  testTimeout: 30_000,
  roots: ['<rootDir>/shared', '<rootDir>/local-cloud', '<rootDir>/cloudfunctions', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/e2e/', '<rootDir>/tests/weapp/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }],
  },
  moduleNameMapper: {
    '^@kehou/shared$': '<rootDir>/shared/src/index.ts',
    '^@kehou/shared/(.*)$': '<rootDir>/shared/src/$1',
  },
  transformIgnorePatterns: ['/node_modules/(?!(read-excel-file|write-excel-file)/)'],
};
