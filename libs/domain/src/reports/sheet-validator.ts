import { normalizeName } from '../text';
import { HeaderMatcher } from './headers';
import type {
  AnyItemsSheet,
  AnyTableSheet,
  ColumnSpec,
  Condition,
  Issue,
  RowRule,
  SheetContext,
} from './schema';
import { FormulaWithoutResult, isBlank, showCell, type Cell } from './values';

const FORMULA_WITHOUT_RESULT_MESSAGE =
  'В ячейке формула без вычисленного значения: файл сохранён программой, которая не вычисляет формулы. Откройте его в Excel или LibreOffice, сохраните и загрузите снова.';

/** What became of one sheet. */
export interface SheetOutcome {
  /** The sheet name as the contract writes it. */
  sheet: string;
  accepted: boolean;
  /** Data rows read (valid or not). */
  rows: number;
  errors: Issue[];
  warnings: Issue[];
}

export const MAX_ERRORS_PER_SHEET = 1000;

type Record_ = Record<string, unknown>;
type AnyColumn = ColumnSpec<Record_>;

/** `0 → A`, `27 → AB`: column letters as Excel shows them. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Collects a sheet's issues, capping errors so that a broken 50,000-row sheet stays readable. */
class IssueLog {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  private suppressed = 0;

  constructor(private readonly sheet: string) {}

  error(row: number | null, column: string | null, message: string): void {
    if (this.errors.length < MAX_ERRORS_PER_SHEET)
      this.errors.push({ sheet: this.sheet, row, column, message });
    else this.suppressed++;
  }

  warning(row: number | null, column: string | null, message: string): void {
    this.warnings.push({ sheet: this.sheet, row, column, message });
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  outcome(rows: number): SheetOutcome {
    const errors = [...this.errors];
    if (this.suppressed > 0) {
      errors.push({
        sheet: this.sheet,
        row: null,
        column: null,
        message: `…и ещё ${this.suppressed} ошибок на этом листе. Исправьте показанные и загрузите файл снова.`,
      });
    }
    return { sheet: this.sheet, accepted: errors.length === 0, rows, errors, warnings: this.warnings };
  }
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
    const parsed = spec.type.parse(cell);
    if ('error' in parsed) {
      record[spec.key] = null;
      report(spec, parsed.error);
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

/** The first row with any non-blank cell is the header row. */
const isEmptyRow = (cells: readonly Cell[]) => cells.every(isBlank);

/**
 * Reads a data sheet row by row (streaming): finds the header, parses each row against the
 * sheet's schema, and collects every error with its Excel row and column header. `push`
 * returns the parsed row when the row is valid, so that the caller can store it at once;
 * a sheet is accepted only when `finish` reports no error at all.
 */
export class TableSheetValidator<Row = Record_> {
  private readonly log: IssueLog;
  private columnIndex: Map<string, number> | null = null;
  private headerRow = 0;
  private rowCount = 0;
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly deferred: { excelRow: number; record: Record_; rule: RowRule<Record_> }[] = [];
  private readonly shareCounts: number[];
  private readonly columns: readonly AnyColumn[];

  constructor(
    private readonly schema: AnyTableSheet,
    private readonly context: SheetContext = {},
  ) {
    this.log = new IssueLog(schema.name);
    this.columns = schema.columns as readonly AnyColumn[];
    this.shareCounts = (schema.warnings ?? []).map(() => 0);
  }

  push(excelRow: number, cells: readonly Cell[]): Row | undefined {
    if (isEmptyRow(cells)) return undefined;
    if (!this.columnIndex) {
      this.readHeader(excelRow, cells);
      return undefined;
    }
    this.rowCount++;
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
    if (failed) return undefined;
    for (const rule of (this.schema.rules ?? []) as readonly RowRule<Record_>[]) {
      if (rule.needs === 'period' && !this.context.period) this.deferred.push({ excelRow, record, rule });
      else if (rule.violated(record, this.context))
        fail(this.headerOf(rule.column), rule.message(record, this.context));
    }
    if (failed) return undefined;
    this.schema.warnings?.forEach((warning, i) => {
      if (warning.counts(record)) this.shareCounts[i]++;
    });
    return record as Row;
  }

  /** Ends the sheet: rules that waited for the period, share warnings, a missing header. */
  finish(context: SheetContext = this.context): SheetOutcome {
    if (!this.columnIndex) {
      this.log.error(
        null,
        null,
        'Лист пуст: нет строки заголовков. Скопируйте заголовки столбцов из шаблона в первую строку листа.',
      );
    }
    for (const { excelRow, record, rule } of this.deferred) {
      if (rule.violated(record, context))
        this.log.error(excelRow, this.headerOf(rule.column), rule.message(record, context));
    }
    this.schema.warnings?.forEach((warning, i) => {
      const matching = this.shareCounts[i];
      if (this.rowCount > 0 && matching / this.rowCount > warning.above) {
        this.log.warning(null, null, warning.message(matching, this.rowCount));
      }
    });
    return this.log.outcome(this.rowCount);
  }

  private readHeader(excelRow: number, cells: readonly Cell[]): void {
    this.headerRow = excelRow;
    const byHeader = new HeaderMatcher(this.columns.map((spec) => [spec.header, spec] as const));
    const index = new Map<string, number>();
    cells.forEach((cell, i) => {
      if (isBlank(cell)) return;
      const spec = byHeader.match(showCell(cell));
      if (!spec) {
        this.log.warning(
          excelRow,
          showCell(cell),
          `Столбец «${showCell(cell)}» (${columnLetter(i)}) не относится к листу «${this.schema.name}» и не будет загружен.`,
        );
      } else if (index.has(spec.key)) {
        this.log.error(
          excelRow,
          spec.header,
          `Столбец «${spec.header}» встречается дважды (${columnLetter(index.get(spec.key)!)} и ${columnLetter(i)}). Оставьте один.`,
        );
      } else index.set(spec.key, i);
    });
    for (const spec of this.columns) {
      if (spec.required && !index.has(spec.key)) {
        this.log.error(
          excelRow,
          spec.header,
          `Нет обязательного столбца «${spec.header}». Добавьте его в строку заголовков (строка ${excelRow}), как в шаблоне.`,
        );
      }
    }
    this.columnIndex = index;
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
          `Значение «${String(value)}» уже есть в строке ${first}: в столбце «${spec.header}» значения не должны повторяться.`,
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
 * Reads a `Показатель` / `Значение` sheet (small: it is collected whole) into one record.
 * Issues are placed at the item's row, in the `Значение` column, and name the item.
 */
export class ItemsSheetValidator<Row = Record_> {
  private readonly rows: { excelRow: number; cells: readonly Cell[] }[] = [];

  constructor(private readonly schema: AnyItemsSheet) {}

  push(excelRow: number, cells: readonly Cell[]): void {
    if (!isEmptyRow(cells)) this.rows.push({ excelRow, cells });
  }

  /** The record is returned even when rejected (fields with errors are null): the title's organization and period decide the file's fate on their own. */
  finish(context: SheetContext = {}): { outcome: SheetOutcome; record: Partial<Row> } {
    const { schema } = this;
    const log = new IssueLog(schema.name);
    const items = schema.items as readonly AnyColumn[];
    const [header, ...itemRows] = this.rows;
    const columns = new HeaderMatcher([
      [schema.labelHeader, 'label'],
      [schema.valueHeader, 'value'],
    ] as const);
    const headers = (header?.cells ?? []).map((cell) => columns.match(showCell(cell)));
    const labelAt = headers.indexOf('label');
    const valueAt = headers.indexOf('value');
    if (labelAt < 0 || valueAt < 0) {
      log.error(
        header?.excelRow ?? null,
        null,
        `На листе «${schema.name}» нужна строка заголовков со столбцами «${schema.labelHeader}» и «${schema.valueHeader}», как в шаблоне.`,
      );
      return { outcome: log.outcome(0), record: {} };
    }
    const byLabel = new HeaderMatcher(items.map((spec) => [spec.header, spec] as const));
    const found = new Map<string, { excelRow: number; cell: Cell }>();
    for (const { excelRow, cells } of itemRows) {
      const label = showCell(cells[labelAt]);
      const spec = byLabel.match(label);
      if (!spec) {
        const message = label
          ? `Показатель «${label}» не известен и не будет загружен. Названия показателей — как в шаблоне.`
          : `Значение указано без названия показателя в столбце «${schema.labelHeader}» и не будет загружено.`;
        log.warning(excelRow, schema.labelHeader, message);
      } else if (found.has(spec.key)) {
        log.error(
          excelRow,
          schema.labelHeader,
          `Показатель «${spec.header}» указан дважды (строки ${found.get(spec.key)!.excelRow} и ${excelRow}). Оставьте одну строку.`,
        );
      } else found.set(spec.key, { excelRow, cell: cells[valueAt] });
    }
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
    return { outcome: log.outcome(itemRows.length), record: record as Partial<Row> };
  }
}

function missingItemMessage(spec: AnyColumn, message: string, schema: AnyItemsSheet): string {
  return `Нет строки «${spec.header}». Добавьте её: в столбце «${schema.labelHeader}» — «${spec.header}», в «${schema.valueHeader}» — значение. (${message})`;
}
