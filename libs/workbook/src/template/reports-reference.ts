import {
  MAX_CODE_LENGTH,
  MAX_ERRORS_PER_FILE,
  MAX_COUNT,
  MAX_TEXT_LENGTH,
  MAX_WARNINGS_PER_FILE,
  TableSheetValidator,
  WORKBOOK_KINDS,
  type AnyTableSheet,
  type WorkbookKind,
} from '@profmonitor/domain';
import { DEFAULT_LIMITS } from '../reader';
import { columnReference } from './column-reference';

const MiB = 1024 * 1024;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The contract's general rules, in words; the figures come from the code that enforces them. */
const GENERAL_RULES = `## General rules

### Files

- Formats: \`.xlsx\`, \`.xlsm\` (macros are never run), \`.xls\` (Excel 97–2003) and \`.ods\` (LibreOffice, МойОфис). The format is told from the bytes, not the name; the same content gives the same stored rows in every format. Anything else (CSV, PDF, a renamed file) is refused with a message naming what the file is and how to save it as a workbook.
- Limits, each refused with a Russian message and nothing stored: the file size (\`MAX_UPLOAD_MB\`, ${DEFAULT_LIMITS.maxFileBytes / MiB} MiB by default), the uncompressed size of a part (${DEFAULT_LIMITS.maxPartBytes / MiB} MiB) and of the whole (${DEFAULT_LIMITS.maxTotalBytes / MiB} MiB), ${DEFAULT_LIMITS.maxEntries} zip entries, rows per sheet (\`MAX_ROWS_PER_SHEET\`, ${DEFAULT_LIMITS.maxRowsPerSheet.toLocaleString('en')}), ${DEFAULT_LIMITS.maxSharedStrings.toLocaleString('en')} shared strings of at most ${DEFAULT_LIMITS.maxSharedTextChars / MiB} Mi characters in all, ${DEFAULT_LIMITS.maxMergedRanges.toLocaleString('en')} merged ranges. A workbook is read under a memory and a time budget (\`PARSE_MEMORY_MB\`, \`PARSE_TIMEOUT_S\`); one that needs more is refused and the server goes on serving everyone else.
- Text cells hold at most ${MAX_TEXT_LENGTH} characters, codes (graduate codes, ОКСО and ОКПДТР codes, agreement numbers, organization codes) at most ${MAX_CODE_LENGTH}; longer is an error at the cell.
- At most ${MAX_ERRORS_PER_FILE} errors and ${MAX_WARNINGS_PER_FILE} warnings are listed per file; the rest are counted in one line. A sheet with an error is rejected whether or not its error was listed.
- The uploaded file's name is stored cut to 255 characters, without control or bidirectional-formatting characters.

### Sheets, the header row and columns

- Sheets are found by name, never by position. Unknown sheets are ignored with a warning listing them; a workbook with none of the known sheets is refused. A sheet whose name differs from the expected one only by look-alike or invisible characters is found, with a warning saying which characters were read as what.
- **Normalising** (names, headers, item labels and enumerated values): case is ignored; leading, trailing and repeated spaces are ignored; \`ё\` reads as \`е\`; non-breaking and other Unicode spaces and line breaks are spaces; invisible characters (zero-width spaces and joiners, soft hyphen, byte-order mark) are removed; in a word that is otherwise Cyrillic, Latin letters that look like Cyrillic ones (A B C E H K M O P T X a c e o p x y) read as their Cyrillic twins.
- The **header row** is the first row, from the top, holding the headers of at least two of the sheet's columns; rows above it (a title, a note, merged title cells) are ignored. Messages always give the row number as Excel shows it.
- **Columns** are found by header text. A header matches a column when, normalised, it equals the column's name, possibly followed by \`*\` (the template's required mark), a colon, or a unit after a comma or in parentheses (\`Обучающихся, чел.\`, \`Часов (ак. ч)\`). A missing required column rejects the sheet with one error naming it and the headers found, and no row is checked then. Unknown columns are ignored with one warning. Two columns matching the same name are an error naming both.
- On a \`Титул\` sheet, items are rows of \`Показатель\` / \`Значение\`, found by their label with the same matching.

### Rows and cells

- Entirely empty rows are skipped. A row whose first non-empty cell is \`Итого\` or \`Всего\` is a totals row: skipped with a warning. A sheet with its header and no rows is accepted and means there is nothing to report.
- A merged range's value belongs to every cell of the range. Hidden rows and sheets are read like any other.
- A formula's cached result is used, rich text gives its plain text. A formula without a cached result is an error at the cell (open the file in Excel or LibreOffice and save it), never read as empty.
- Yes/no: \`Да\`/\`Нет\`, also \`да\`, \`нет\`, \`1\`, \`0\`, \`+\`, \`-\` and the spreadsheet's TRUE/FALSE.
- Counts are non-negative whole numbers: \`12.0\`, \`12,0\`, the text \`12\` and \`1 234\` (ordinary, non-breaking or narrow spaces between thousands) are accepted; \`12.5\`, \`-1\`, words and counts above ${MAX_COUNT.toLocaleString('en')} are errors.
- Dates: real spreadsheet dates, and the texts \`ДД.ММ.ГГГГ\` (optionally followed by \` г.\`) and \`ГГГГ-ММ-ДД\`. A code column holding a real date (a code such as \`15.01.05\` turned into a date by the spreadsheet) is an error asking for the code as text; the templates format code columns as text.
- An academic year is written \`2023/2024\` (also \`2023-2024\`, \`2023–2024\`, \`2023/24\`, \`2023-24\`, with or without \`уч. год\`, \`учебный год\`): 1 September of the first year to 31 August of the second; the years must follow each other.
- An area of professional activity is its code from \`data/areas.csv\` (\`06\`, \`6\` or \`06.\`), its full name or its short name.

### Errors, warnings and versions

- All errors are reported at once, each with sheet, row, column and a Russian message saying what to change. A sheet with any error is rejected whole; warnings do not reject.
- A school workbook's organization and period come from its \`Титул\`: the code must be in the registry, and a school account may send only its own organization's workbooks.
- A sheet accepted for an organization and a period becomes the current version; the previous one is kept as history. Every upload is logged with who sent it, when, its SHA-256 and the outcome; sending the same file again changes nothing but the log. A new version with fewer than half the rows of the one it replaces is accepted with a warning giving both counts.
- The labor demand of a period is the latest accepted \`Потребность в кадрах\` workbook dated in it, per territory and, for \`Город\`, per municipality: when the registry holds more than one municipality, a \`Город\` workbook names in \`Муниципалитет\` the municipality whose vacancies it lists (any case; stored as the registry spells it), and a \`Регион\` workbook leaves it empty. A workbook with the same territory, date and municipality replaces the earlier one (history kept).
`;

/**
 * Messages the validator gives for a sheet, one per column: from a row with an unreadable value
 * in every column and a row with only its first column filled (the required ones missing).
 */
function messageExamples(sheet: AnyTableSheet): string {
  const validator = new TableSheetValidator(sheet);
  const headers = sheet.columns.map((column) => column.header);
  validator.push(1, headers);
  validator.push(
    2,
    headers.map(() => '???'),
  );
  validator.push(
    3,
    headers.map((_, i) => (i === 0 ? 'x' : null)),
  );
  const byColumn = new Map<string, string>();
  for (const issue of validator.finish().errors) {
    if (issue.column && !byColumn.has(issue.column)) byColumn.set(issue.column, issue.message);
  }
  if (byColumn.size === 0) return '';
  return [
    'Messages, for example (a row with `???` in every column, then a row with only its first column filled):',
    [
      '| Column | Message |',
      '| --- | --- |',
      ...[...byColumn].map(([c, m]) => `| ${cell(c)} | ${cell(m)} |`),
    ].join('\n'),
  ].join('\n\n');
}

/** The column reference of a kind, with each data sheet's message examples below its table. */
function kindReference(kind: WorkbookKind): string {
  let text = columnReference(kind).trimEnd();
  for (const sheet of kind.sheets) {
    const examples = sheet.layout === 'table' ? messageExamples(sheet) : '';
    if (!examples) continue;
    const heading = text.indexOf(`### Sheet \`${sheet.name}\``);
    const next = text.indexOf('\n\n### Sheet ', heading + 1);
    const at = next === -1 ? text.length : next;
    text = `${text.slice(0, at)}\n\n${examples}${text.slice(at)}`;
  }
  return text;
}

/** docs/reports-reference.md: the workbook contract, generated from the schemas. */
export function reportsReference(): string {
  return `${[
    '# Workbooks: the contract',
    '<!-- Generated from the sheet schemas in libs/domain by `npm run docs`. Do not edit by hand. -->',
    'Schools and colleges send their annual report (`Отчёт организации`), the employment center its labor demand (`Потребность в кадрах`), the committee the registry of organizations. This page is what the system accepts and what it rejects: the general rules, then every workbook kind, sheet and column, with the messages a person gets. Any workbook that follows it is accepted, from the template or not; the templates (`npm run cli -- template …`, `GET /api/templates/:kind`) mark required columns with `*` and offer dropdowns for the listed values.',
    GENERAL_RULES.trimEnd(),
    WORKBOOK_KINDS.map(kindReference).join('\n\n'),
  ].join('\n\n')}\n`;
}
