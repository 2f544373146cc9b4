import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportsReference } from './reports-reference';

it('docs/reports-reference.md is generated from the current schemas (run `npm run docs` after changing a sheet)', () => {
  const committed = readFileSync(resolve(__dirname, '../../../../docs/reports-reference.md'), 'utf8');
  expect(committed).toBe(reportsReference());
});
