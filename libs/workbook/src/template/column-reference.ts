import type { AnySheet, WorkbookKind } from '@profmonitor/domain';
import { describeColumns } from './describe';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The Markdown column reference of a workbook kind (for docs/reports-reference.md), from the
 * same schemas and the same wording as the template's instruction sheet.
 */
export function columnReference(kind: WorkbookKind): string {
  const sheets: AnySheet[] = [...(kind.titleSheet ? [kind.titleSheet] : []), ...kind.sheets];
  const parts = [
    `## ${kind.title}`,
    `Kind \`${kind.id}\`, template version ${kind.templateVersion}. Sheets: ${sheets.map((s) => `\`${s.name}\``).join(', ')}.`,
  ];
  for (const sheet of sheets) {
    const rows = describeColumns(sheet).map(
      (c) => `| ${cell(c.header)} | ${cell(c.required)} | ${cell(c.values)} |`,
    );
    parts.push(
      `### Sheet \`${sheet.name}\``,
      `${sheet.description.charAt(0).toUpperCase()}${sheet.description.slice(1)}.`,
      [
        `| ${sheet.layout === 'items' ? 'Item' : 'Column'} | Required | Values |`,
        '| --- | --- | --- |',
        ...rows,
      ].join('\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
}
