import type { ImportResult, PlacedIssue } from '../reports/import/import-result';

const OUTCOME = {
  accepted: 'принят',
  partial: 'принят частично',
  rejected: 'отклонён',
  duplicate: 'уже загружен, без изменений',
};

const place = (sheet: string, issue: PlacedIssue) =>
  [sheet, issue.row ? `строка ${issue.row}` : null, issue.column ? `«${issue.column}»` : null]
    .filter(Boolean)
    .join(', ');

/** The import result as a person reads it in a terminal. */
export function formatImportResult(result: ImportResult): string {
  const whose = [result.organization, result.territory, result.period].filter(Boolean).join(', ');
  const lines = [
    `${result.accepted ? '✓' : '✗'} ${result.file}: ${OUTCOME[result.outcome]}${whose ? ` (${whose})` : ''}`,
  ];
  for (const { message } of result.errors) lines.push(`  ошибка: ${message}`);
  for (const { message } of result.warnings) lines.push(`  предупреждение: ${message}`);
  for (const sheet of result.sheets) {
    lines.push(`  лист «${sheet.sheet}»: ${sheet.accepted ? `принят, строк: ${sheet.rows}` : 'отклонён'}`);
    for (const issue of sheet.errors)
      lines.push(`    ошибка (${place(sheet.sheet, issue)}): ${issue.message}`);
    for (const issue of sheet.warnings)
      lines.push(`    предупреждение (${place(sheet.sheet, issue)}): ${issue.message}`);
  }
  return lines.join('\n');
}
