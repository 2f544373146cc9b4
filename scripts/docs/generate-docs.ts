// Writes the generated documentation from the code it documents: docs/reports-reference.md from
// the sheet schemas, and the README's configuration table from the settings table.
import { reportsReference } from '@profmonitor/workbook';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withSettingsTable } from '../../apps/api/src/config/settings-reference';

const ROOT = resolve(__dirname, '..', '..');

const reference = resolve(ROOT, 'docs', 'reports-reference.md');
writeFileSync(reference, reportsReference());
console.log(`Written ${reference}`);

const readme = resolve(ROOT, 'README.md');
writeFileSync(readme, withSettingsTable(readFileSync(readme, 'utf8')));
console.log(`Written the configuration table of ${readme}`);
