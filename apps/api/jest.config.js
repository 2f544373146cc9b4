// The API suite runs on SQLite files, and with TEST_DATABASE=postgres on a throwaway PostgreSQL
// server started for the run (test/support/postgres-setup.ts).
// The server's time zone is not UTC (a municipality's server keeps local time): a timestamp
// read as local time instead of UTC shows up as hours off. Workers inherit it.
process.env.TZ = 'Asia/Novosibirsk';

module.exports = {
  ...require('../../jest.preset.js'),
  globalSetup: '<rootDir>/test/support/postgres-setup.ts',
  globalTeardown: '<rootDir>/test/support/postgres-teardown.ts',
};
