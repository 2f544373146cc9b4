import { WORKBOOK_KINDS } from '@profmonitor/domain';
import { columnReference } from './column-reference';

/** docs/reports-reference.md: every workbook kind's columns, generated from the schemas. */
export function reportsReference(): string {
  return [
    '# Workbook column reference',
    '',
    '<!-- Generated from the sheet schemas in libs/domain by `npm run docs`. Do not edit by hand. -->',
    '',
    'The contract is `../shared/spec/reports.md`; this page lists what the system accepts, column by column.',
    'Required columns are marked `*` in the generated templates.',
    '',
    WORKBOOK_KINDS.map(columnReference).join('\n'),
  ].join('\n');
}
