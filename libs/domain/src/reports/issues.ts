import { plural } from '../text';
import type { Issue } from './schema';

/** At most this many errors, and as many warnings, are reported per file (reports.md, "Files"). */
export const MAX_ERRORS_PER_FILE = 1000;
export const MAX_WARNINGS_PER_FILE = 1000;

/**
 * How many errors and warnings one file may still report. The validators of a file's sheets
 * share one budget, so that a broken 200,000-row workbook gives a readable list and flat memory:
 * past the limit, issues are only counted. Counting never decides acceptance: a sheet with an
 * error is rejected whether or not its error was shown.
 */
export class IssueBudget {
  private errors = 0;
  private warnings = 0;

  constructor(
    readonly maxErrors = MAX_ERRORS_PER_FILE,
    readonly maxWarnings = MAX_WARNINGS_PER_FILE,
  ) {}

  /** Counts an error; true when it may still be shown. */
  takeError(): boolean {
    return ++this.errors <= this.maxErrors;
  }

  /** Counts a warning; true when it may still be shown. */
  takeWarning(): boolean {
    return ++this.warnings <= this.maxWarnings;
  }

  /** Every error counted, shown or not. */
  get errorsFound(): number {
    return this.errors;
  }

  get warningsFound(): number {
    return this.warnings;
  }

  get errorsNotShown(): number {
    return Math.max(0, this.errors - this.maxErrors);
  }

  get warningsNotShown(): number {
    return Math.max(0, this.warnings - this.maxWarnings);
  }
}

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

/**
 * One sheet's issues, reported within the file's budget. Whatever the budget kept back is
 * counted in one line at the end of the sheet's errors (and one of its warnings).
 */
export class IssueLog {
  readonly errors: Issue[] = [];
  readonly warnings: Issue[] = [];
  private errorCount = 0;
  private hiddenErrors = 0;
  private hiddenWarnings = 0;

  constructor(
    private readonly sheet: string,
    private readonly budget: IssueBudget,
  ) {}

  error(row: number | null, column: string | null, message: string): void {
    this.errorCount++;
    if (this.budget.takeError()) this.errors.push({ sheet: this.sheet, row, column, message });
    else this.hiddenErrors++;
  }

  warning(row: number | null, column: string | null, message: string): void {
    if (this.budget.takeWarning()) this.warnings.push({ sheet: this.sheet, row, column, message });
    else this.hiddenWarnings++;
  }

  /** Some error was found on this sheet, shown or not. */
  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  outcome(rows: number): SheetOutcome {
    const errors = [...this.errors];
    const warnings = [...this.warnings];
    const line = (message: string): Issue => ({ sheet: this.sheet, row: null, column: null, message });
    if (this.hiddenErrors > 0) {
      const n = this.hiddenErrors;
      const max = this.budget.maxErrors;
      errors.push(
        line(
          `…и ещё ${n} ${plural(n, 'ошибка', 'ошибки', 'ошибок')} на этом листе: в файле показываются первые ${max} ${plural(max, 'ошибка', 'ошибки', 'ошибок')}. Исправьте показанные и загрузите файл снова.`,
        ),
      );
    }
    if (this.hiddenWarnings > 0) {
      const n = this.hiddenWarnings;
      const max = this.budget.maxWarnings;
      warnings.push(
        line(
          `…и ещё ${n} ${plural(n, 'предупреждение', 'предупреждения', 'предупреждений')} на этом листе: в файле показываются первые ${max} ${plural(max, 'предупреждение', 'предупреждения', 'предупреждений')}.`,
        ),
      );
    }
    return { sheet: this.sheet, accepted: this.errorCount === 0, rows, errors, warnings };
  }
}
