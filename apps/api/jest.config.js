// The API suite runs on SQLite files, and with TEST_DATABASE=postgres on a throwaway PostgreSQL
// server started for the run (test/support/postgres-setup.ts).
module.exports = {
  ...require('../../jest.preset.js'),
  globalSetup: '<rootDir>/test/support/postgres-setup.ts',
  globalTeardown: '<rootDir>/test/support/postgres-teardown.ts',
};
