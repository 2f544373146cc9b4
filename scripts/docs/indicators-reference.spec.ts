import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { indicatorsReference } from './indicators-reference';

it('docs/indicators.md is generated from the current definitions (run `npm run docs` after changing an indicator)', () => {
  const committed = readFileSync(resolve(__dirname, '../../docs/indicators.md'), 'utf8');
  expect(committed).toBe(indicatorsReference());
});
