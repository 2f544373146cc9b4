// Shared Jest settings: SWC transpiles TypeScript (with decorator metadata for Nest/TypeORM);
// type checking is the separate `typecheck` target.
const path = require('node:path');
const swcrc = JSON.parse(require('node:fs').readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: {
    '^@profmonitor/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@profmonitor/workbook$': path.join(__dirname, 'libs/workbook/src/index.ts'),
    '^@profmonitor/charts$': path.join(__dirname, 'libs/charts/src/index.ts'),
  },
  testMatch: ['**/?(*.)+(spec|test).ts'],
  // CI runs the projects' suites side by side on two cores: a beforeAll that starts the app and
  // imports workbooks in 1 s alone can take 10 s there. Tests assert outcomes, never time.
  testTimeout: 30_000,
};
