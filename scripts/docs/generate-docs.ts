// Writes the generated documentation from the code it documents: docs/reports-reference.md from
// the sheet schemas, docs/indicators.md from the indicator definitions, and the README's
// configuration table from the settings table.
import { reportsReference } from '@profmonitor/workbook';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withSettingsTable } from '../../apps/api/src/config/settings-reference';
import { indicatorsReference } from './indicators-reference';

const ROOT = resolve(__dirname, '..', '..');

const reference = resolve(ROOT, 'docs', 'reports-reference.md');
writeFileSync(reference, reportsReference());
console.log(`Written ${reference}`);

const indicators = resolve(ROOT, 'docs', 'indicators.md');
writeFileSync(indicators, indicatorsReference());
console.log(`Written ${indicators}`);

const readme = resolve(ROOT, 'README.md');
writeFileSync(readme, withSettingsTable(readFileSync(readme, 'utf8')));
console.log(`Written the configuration table of ${readme}`);
