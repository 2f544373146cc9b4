import { clip, hiddenCharactersNote, normalizeName } from '../text';
import { HeaderMatcher } from './headers';
import { IssueBudget, IssueLog, MAX_ERRORS_PER_FILE, type SheetOutcome } from './issues';
import type { AnyItemsSheet, AnyTableSheet, ColumnSpec, Condition, RowRule, SheetContext } from './schema';
import { FormulaWithoutResult, isBlank, showCell, textTooLong, type Cell } from './values';

export type { SheetOutcome } from './issues';

const FORMULA_WITHOUT_RESULT_MESSAGE =
  'В ячейке формула без вычисленного значения: файл сохранён программой, которая не вычисляет формулы. Откройте его в Excel или LibreOffice, сохраните и загрузите снова.';

/** The errors shown per file (the name is older than the file-wide budget). */
export const MAX_ERRORS_PER_SHEET = MAX_ERRORS_PER_FILE;

/** Names listed in one message before «и ещё N»: a 16,384-column header stays one short line. */
const LISTED_NAMES = 10;
/** A header or label quoted in a message is cut to this many characters. */
const QUOTED_HEADER_LENGTH = 60;

type Record_ = Record<string, unknown>;
type AnyColumn = ColumnSpec<Record_>;

/** `0 → A`, `27 → AB`: column letters as Excel shows them. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A condition in Russian, naming the other column by its header: `«Направление» — СПО, ВУЗ или Работа`,
 * `заполнено «Курс повышения квалификации»`. Shared by the validator's messages and the template's instructions.
 */
export function describeCondition(condition: Condition<Record_>, columns: readonly AnyColumn[]): string {
  const header = columns.find((c) => c.key === condition.column)?.header ?? condition.column;
  if ('filled' in condition) return `заполнено «${header}»`;
  const values = condition.in.map((v) => (v === true ? 'Да' : v === false ? 'Нет' : String(v)));
  const list = values.length > 1 ? `${values.slice(0, -1).join(', ')} или ${values.at(-1)}` : values[0];
  return `«${header}» — ${list}`;
}

function conditionHolds(condition: Condition<Record_>, record: Record_): boolean {
  const value = record[condition.column];
  return 'filled' in condition ? value !== null && value !== undefined : condition.in.includes(value);
}

/** Values longer than this get no note: they are not short words that look right. */
const NOTED_LENGTH = 200;

/**
 * A rejected value that hides invisible characters or letters of the other alphabet looks right
 * when quoted: the message says what is hidden in it. Only short values are looked at, so that a
 * file of long texts costs no more to refuse than to read.
 */
function withHiddenCharacters(message: string, cell: Cell): string {
  const note =
    typeof cell === 'string' && cell.length <= NOTED_LENGTH ? hiddenCharactersNote(cell) : undefined;
  return note ? `${message} Обратите внимание: ${note}. Наберите значение заново.` : message;
}

/**
 * Parses and checks the fields of one record (a table row, or the items of a title sheet)
 * against their specs: type, required, required-when. Returns the record; issues go to `report`.
 */
function parseFields(
  specs: readonly AnyColumn[],
  cellOf: (spec: AnyColumn) => { cell: Cell; present: boolean },
  report: (spec: AnyColumn, message: string) => void,
  derive?: (record: Record_) => void,
): Record_ {
  const record: Record_ = {};
  for (const spec of specs) {
    const { cell } = cellOf(spec);
    if (isBlank(cell)) {
      record[spec.key] = null;
      continue;
    }
    if (cell instanceof FormulaWithoutResult) {
      record[spec.key] = null;
      report(spec, FORMULA_WITHOUT_RESULT_MESSAGE);
      continue;
    }
    const tooLong = textTooLong(cell);
    if (tooLong) {
      record[spec.key] = null;
      report(spec, tooLong);
      continue;
    }
    const parsed = spec.type.parse(cell);
    if ('error' in parsed) {
      record[spec.key] = null;
      report(spec, withHiddenCharacters(parsed.error, cell));
    } else record[spec.key] = parsed.value;
  }
  derive?.(record);
  for (const spec of specs) {
    const { cell, present } = cellOf(spec);
    if (record[spec.key] !== null || !isBlank(cell)) continue;
    // A required column missing from the header is reported once, at the header.
    if (spec.required && present) report(spec, `Заполните «${spec.header}»: это обязательное поле.`);
    else if (spec.requiredWhen?.every((condition) => conditionHolds(condition, record))) {
      const when = spec.requiredWhen.map((c) => describeCondition(c, specs)).join(' и ');
      report(spec, `Заполните «${spec.header}»: это обязательно, когда ${when}.`);
    }
  }
  return record;
}

const isEmptyRow = (cells: readonly Cell[]) => cells.every(isBlank);

/** `«Класс» (A), «Примечание» (M) и ещё 3`: a bounded list of names for one message. */
function listNames(names: readonly string[], total = names.length): string {
  const shown = names.slice(0, LISTED_NAMES).join(', ');
  return total > LISTED_NAMES ? `${shown} и ещё ${total - LISTED_NAMES}` : shown;
}

const quoteHeader = (cell: Cell) => `«${clip(showCell(cell), QUOTED_HEADER_LENGTH)}»`;

/** `Итого`, `Всего`, `Итого:`: the first non-empty cell of a totals row. */
function isTotalsLabel(cell: Cell): boolean {
  if (typeof cell !== 'string') return false;
  const key = normalizeName(cell).replace(/[\s:]+$/, '');
  return key === 'итого' || key === 'всего';
}

/**
 * Reads a data sheet row by row (streaming): finds the header row, parses each row against the
 * sheet's schema, and collects every error with its Excel row and column header. `push`
 * returns the parsed row when the row is valid, so that the caller can store it at once;
 * a sheet is accepted only when `finish` reports no error at all.
 *
 * The header row is the first row, from the top, holding the headers of at least two of the
 * sheet's columns; the rows above it (a title, a note) are ignored. A required column missing
 * from it rejects the sheet with one error, and no row is checked then.
 */
export class TableSheetValidator<Row = Record_> {
  private readonly log: IssueLog;
  private readonly matcher: HeaderMatcher<AnyColumn>;
  private columnIndex: Map<string, number> | null = null;
  /** A required column is missing: rows are counted but not checked. */
  private blocked = false;
  private sawRowsBeforeHeader = false;
  private headerRow = 0;
  private rowCount = 0;
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly deferred: { excelRow: number; record: Record_; rule: RowRule<Record_> }[] = [];
  private readonly shareCounts: number[];
  private readonly columns: readonly AnyColumn[];

  constructor(
    private readonly schema: AnyTableSheet,
    private readonly context: SheetContext = {},
    /** Shared by the validators of one file; by default the sheet has a budget of its own. */
    budget: IssueBudget = new IssueBudget(),
  ) {
    this.log = new IssueLog(schema.name, budget);
    this.columns = schema.columns as readonly AnyColumn[];
    this.matcher = new HeaderMatcher(this.columns.map((spec) => [spec.header, spec] as const));
    this.shareCounts = (schema.warnings ?? []).map(() => 0);
  }

  push(excelRow: number, cells: readonly Cell[]): Row | undefined {
    if (isEmptyRow(cells)) return undefined;
    if (!this.columnIndex) {
      if (!this.readHeader(excelRow, cells)) this.sawRowsBeforeHeader = true;
      return undefined;
    }
    if (isTotalsLabel(cells.find((cell) => !isBlank(cell)))) {
      const label = cells.find((cell) => !isBlank(cell));
      this.log.warning(
        excelRow,
        null,
        `Строка ${excelRow} — строка итогов (${quoteHeader(label)}) и не загружена: итоги система считает сама. Если это не итоги, уберите это слово из первой ячейки строки.`,
      );
      return undefined;
    }
    this.rowCount++;
    if (this.blocked) return undefined;
    let failed = false;
    const fail = (header: string, message: string) => {
      failed = true;
      this.log.error(excelRow, header, message);
    };
    const record = parseFields(
      this.columns,
      (spec) => {
        const index = this.columnIndex!.get(spec.key);
        return { cell: index === undefined ? null : cells[index], present: index !== undefined };
      },
      (spec, message) => fail(spec.header, message),
      this.schema.derive
        ? (r) => {
            const filled = this.schema.derive!(r, this.context);
            if (filled) this.log.warning(excelRow, this.headerOf(filled.column), filled.message);
          }
        : undefined,
    );
    this.checkUnique(excelRow, record, fail);
    // Rules compare values of the row: never with a value that is not there.
    if (failed || !this.complete(record)) return undefined;
    for (const rule of (this.schema.rules ?? []) as readonly RowRule<Record_>[]) {
      if (rule.needs === 'period' && !this.context.period) this.deferred.push({ excelRow, record, rule });
      else if (!rule.violated(record, this.context)) continue;
      else if (rule.warning) {
        // A row rejected already is not worth a warning on top.
        if (!failed)
          this.log.warning(excelRow, this.headerOf(rule.column), rule.message(record, this.context));
      } else fail(this.headerOf(rule.column), rule.message(record, this.context));
    }
    if (failed) return undefined;
    this.schema.warnings?.forEach((warning, i) => {
      if (warning.counts(record)) this.shareCounts[i]++;
    });
    return record as Row;
  }

  /** Ends the sheet: rules that waited for the period, share warnings, a missing header. */
  finish(context: SheetContext = this.context): SheetOutcome {
    if (!this.columnIndex) this.log.error(null, null, this.noHeaderMessage());
    for (const { excelRow, record, rule } of this.deferred) {
      if (rule.violated(record, context))
        this.log[rule.warning ? 'warning' : 'error'](
          excelRow,
          this.headerOf(rule.column),
          rule.message(record, context),
        );
    }
    this.schema.warnings?.forEach((warning, i) => {
      const matching = this.shareCounts[i];
      if (this.rowCount > 0 && matching / this.rowCount > warning.above) {
        this.log.warning(null, null, warning.message(matching, this.rowCount));
      }
    });
    return this.log.outcome(this.rowCount);
  }

  private noHeaderMessage(): string {
    const expected = listNames(this.columns.map((spec) => `«${spec.header}»`));
    if (!this.sawRowsBeforeHeader) {
      return `Лист пуст: нет строки заголовков. Скопируйте строку заголовков из шаблона в первую строку листа (столбцы ${expected}) и заполните строки под ней.`;
    }
    return `На листе не найдена строка заголовков: ни в одной строке нет хотя бы двух заголовков столбцов листа «${this.schema.name}». Ожидаются столбцы ${expected}. Скопируйте строку заголовков из шаблона над данными.`;
  }

  /**
   * Takes the row as the header when it names at least two of the sheet's columns; then warns
   * about unknown columns, and rejects the sheet for repeated or missing required columns.
   */
  private readHeader(excelRow: number, cells: readonly Cell[]): boolean {
    const matched = cells.map((cell) => (isBlank(cell) ? undefined : this.matcher.match(showCell(cell))));
    const distinct = new Set(matched.filter((spec) => spec !== undefined));
    if (distinct.size < Math.min(2, this.columns.length)) return false;

    this.headerRow = excelRow;
    const index = new Map<string, number>();
    const byKey = new Map<string, number[]>();
    const unknown: number[] = [];
    let unknownCount = 0;
    let filled = 0;
    matched.forEach((spec, i) => {
      if (isBlank(cells[i])) return;
      filled++;
      if (!spec) {
        if (unknownCount++ < LISTED_NAMES) unknown.push(i);
        return;
      }
      const at = byKey.get(spec.key) ?? [];
      if (at.length <= LISTED_NAMES) at.push(i);
      byKey.set(spec.key, at);
      if (!index.has(spec.key)) index.set(spec.key, i);
    });
    const named = (i: number) => `${quoteHeader(cells[i])} (${columnLetter(i)})`;

    if (unknownCount > 0) {
      const list = listNames(unknown.map(named), unknownCount);
      this.log.warning(
        excelRow,
        unknownCount === 1 ? clip(showCell(cells[unknown[0]]), QUOTED_HEADER_LENGTH) : null,
        unknownCount === 1
          ? `Столбец ${list} не относится к листу «${this.schema.name}» и не будет загружен.`
          : `Столбцы ${list} не относятся к листу «${this.schema.name}» и не будут загружены.`,
      );
    }
    for (const spec of this.columns) {
      const at = byKey.get(spec.key) ?? [];
      if (at.length < 2) continue;
      const list = at.map(named);
      const both = list.length === 2 ? `${list[0]} и ${list[1]}` : listNames(list);
      this.log.error(
        excelRow,
        spec.header,
        `Столбец «${spec.header}» встречается ${list.length === 2 ? 'дважды' : 'несколько раз'}: ${both}. Оставьте один из них.`,
      );
    }
    const missing = this.columns.filter((spec) => spec.required && !index.has(spec.key));
    if (missing.length > 0) {
      this.blocked = true;
      const found = matched
        .map((_, i) => i)
        .filter((i) => !isBlank(cells[i]))
        .slice(0, LISTED_NAMES)
        .map((i) => quoteHeader(cells[i]));
      const names = missing.map((spec) => `«${spec.header}»`).join(', ');
      const what =
        missing.length === 1 ? `Нет обязательного столбца ${names}` : `Нет обязательных столбцов ${names}`;
      this.log.error(
        excelRow,
        missing.length === 1 ? missing[0].header : null,
        `${what}. В строке заголовков (строка ${excelRow}) ${filled === 1 ? 'найден' : 'найдены'} ${listNames(found, filled)}. Добавьте ${missing.length === 1 ? 'этот столбец' : 'эти столбцы'} с заголовком как в шаблоне; строки листа не проверялись.`,
      );
    }
    this.columnIndex = index;
    return true;
  }

  private complete(record: Record_): boolean {
    return this.columns.every((spec) => !spec.required || (record[spec.key] ?? null) !== null);
  }

  private checkUnique(
    excelRow: number,
    record: Record_,
    fail: (header: string, message: string) => void,
  ): void {
    for (const spec of this.columns) {
      const value = record[spec.key];
      if (!spec.unique || value === null || value === undefined) continue;
      const seen = this.seen.get(spec.key) ?? new Map<string, number>();
      this.seen.set(spec.key, seen);
      const key = normalizeName(String(value));
      const first = seen.get(key);
      if (first === undefined) seen.set(key, excelRow);
      else {
        fail(
          spec.header,
          `Значение «${clip(String(value))}» уже есть в строке ${first}: в столбце «${spec.header}» значения не должны повторяться.`,
        );
      }
    }
  }

  private headerOf(key: string): string {
    return this.columns.find((c) => c.key === key)?.header ?? key;
  }

  /** Some error was found: the sheet will be rejected, so its rows need not be kept. */
  get failed(): boolean {
    return this.log.hasErrors;
  }

  /** The header row number, once the header has been read. */
  get header(): number {
    return this.headerRow;
  }
}

/**
 * Reads a `Показатель` / `Значение` sheet (`Титул`) into one record, row by row. The header row
 * is the first row holding both headers; rows above it are ignored. Only the items found are
 * kept, so that a title sheet of any length reads in flat memory. Issues are placed at the
 * item's row, in the `Значение` column, and name the item.
 */
export class ItemsSheetValidator<Row = Record_> {
  private readonly log: IssueLog;
  private readonly headers: HeaderMatcher<'label' | 'value'>;
  private readonly byLabel: HeaderMatcher<AnyColumn>;
  private header: { excelRow: number; labelAt: number; valueAt: number } | null = null;
  private sawRowsBeforeHeader = false;
  private itemRows = 0;
  private readonly found = new Map<string, { excelRow: number; cell: Cell }>();

  constructor(
    private readonly schema: AnyItemsSheet,
    /** Shared by the validators of one file; by default the sheet has a budget of its own. */
    budget: IssueBudget = new IssueBudget(),
  ) {
    this.log = new IssueLog(schema.name, budget);
    this.headers = new HeaderMatcher([
      [schema.labelHeader, 'label'],
      [schema.valueHeader, 'value'],
    ] as const);
    this.byLabel = new HeaderMatcher(
      (schema.items as readonly AnyColumn[]).map((s) => [s.header, s] as const),
    );
  }

  push(excelRow: number, cells: readonly Cell[]): void {
    if (isEmptyRow(cells)) return;
    if (!this.header) {
      const kinds = cells.map((cell) => (isBlank(cell) ? undefined : this.headers.match(showCell(cell))));
      const labelAt = kinds.indexOf('label');
      const valueAt = kinds.indexOf('value');
      if (labelAt >= 0 && valueAt >= 0) this.header = { excelRow, labelAt, valueAt };
      else this.sawRowsBeforeHeader = true;
      return;
    }
    this.itemRows++;
    const { schema } = this;
    const { labelAt, valueAt } = this.header;
    const label = showCell(cells[labelAt]);
    const spec = label ? this.byLabel.match(label) : undefined;
    if (!spec) {
      const message = label
        ? `Показатель «${clip(label, QUOTED_HEADER_LENGTH)}» не известен и не будет загружен. Названия показателей — как в шаблоне.`
        : `Значение указано без названия показателя в столбце «${schema.labelHeader}» и не будет загружено.`;
      this.log.warning(excelRow, schema.labelHeader, message);
    } else if (this.found.has(spec.key)) {
      this.log.error(
        excelRow,
        schema.labelHeader,
        `Показатель «${spec.header}» указан дважды (строки ${this.found.get(spec.key)!.excelRow} и ${excelRow}). Оставьте одну строку.`,
      );
    } else this.found.set(spec.key, { excelRow, cell: cells[valueAt] });
  }

  /** The header row number (Показатель / Значение), once found; 0 before. */
  get headerRow(): number {
    return this.header?.excelRow ?? 0;
  }

  /** The record is returned even when rejected (fields with errors are null): the title's organization and period decide the file's fate on their own. */
  finish(context: SheetContext = {}): { outcome: SheetOutcome; record: Partial<Row> } {
    const { schema, log, found } = this;
    if (!this.header) {
      const headers = `«${schema.labelHeader}» и «${schema.valueHeader}»`;
      log.error(
        null,
        null,
        this.sawRowsBeforeHeader
          ? `На листе «${schema.name}» не найдена строка заголовков со столбцами ${headers}. Добавьте её над показателями, как в шаблоне.`
          : `Лист «${schema.name}» пуст: нужна строка заголовков со столбцами ${headers} и строки показателей под ней, как в шаблоне.`,
      );
      return { outcome: log.outcome(0), record: {} };
    }
    const items = schema.items as readonly AnyColumn[];
    const record = parseFields(
      items,
      // A missing item is reported like a blank one, with a message saying to add its row.
      (spec) => ({ cell: found.get(spec.key)?.cell ?? null, present: true }),
      (spec, message) => {
        const at = found.get(spec.key);
        const named = message.includes(`«${spec.header}»`) ? message : `«${spec.header}»: ${message}`;
        const text = at ? named : missingItemMessage(spec, message, schema);
        log.error(at?.excelRow ?? null, at ? schema.valueHeader : schema.labelHeader, text);
      },
    );
    if (!log.hasErrors) {
      for (const rule of (schema.rules ?? []) as readonly RowRule<Record_>[]) {
        if (rule.violated(record, context)) log.error(null, rule.column, rule.message(record, context));
      }
    }
    return { outcome: log.outcome(this.itemRows), record: record as Partial<Row> };
  }
}

function missingItemMessage(spec: AnyColumn, message: string, schema: AnyItemsSheet): string {
  return `Нет строки «${spec.header}». Добавьте её: в столбце «${schema.labelHeader}» — «${spec.header}», в «${schema.valueHeader}» — значение. (${message})`;
}
