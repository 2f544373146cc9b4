// Writes the generated documentation (today: docs/reports-reference.md) from the schemas.
import { reportsReference } from '@profmonitor/workbook';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const target = resolve(__dirname, '..', '..', 'docs', 'reports-reference.md');
writeFileSync(target, reportsReference());
console.log(`Written ${target}`);
