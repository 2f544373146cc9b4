import {
  detectWorkbookKindByTitle,
  IssueBudget,
  ItemsSheetValidator,
  normalizeName,
  parsePeriod,
  periodContaining,
  sheetRole,
  TableSheetValidator,
  unknownSheetsWarning,
  WORKBOOK_KINDS,
  type AnyTableSheet,
  type Cell,
  type Period,
  type SheetContext,
  type SheetOutcome,
  type WorkbookKind,
  type WorkbookKindId,
} from '@profmonitor/domain';
import { readWorkbook, type WorkbookLimits } from '@profmonitor/workbook';
import { SpoolWriter } from './spool';

/** A line of the committee's profession → area mapping, as the vacancies sheet needs it. */
export interface ProfessionArea {
  okpdtr: string | null;
  profession: string | null;
  area: string;
}

/** What the parser is asked to do: plain data, so that it can cross into a worker thread. */
export interface ParseJob {
  path: string;
  limits: Partial<WorkbookLimits>;
  /** The kinds this file may be (the import: school and vacancies; the registry upload: registry). */
  kinds: readonly WorkbookKindId[];
  /** Where the valid rows go, one JSON line per batch: `{"sheet": id, "rows": [...]}`. */
  spoolPath: string;
  professions?: readonly ProfessionArea[];
  /** Longest spool, in bytes: what one file may store at most (its rows as JSON). */
  maxSpoolBytes?: number;
}

export interface ParsedSheet {
  schemaId: string;
  outcome: SheetOutcome;
}

/** What a file holds, checked against the contract, without anything that needs the database. */
export interface ParsedWorkbook {
  kind: WorkbookKindId | null;
  /** The title sheet's outcome and record (fields with errors are null); null without a title sheet. */
  title: { outcome: SheetOutcome; record: Record<string, unknown>; excelRow: number } | null;
  /** Data sheets in workbook order; the valid rows of the accepted ones are in the spool. */
  sheets: ParsedSheet[];
  /** File-level warnings (sheets that are not part of the report). */
  warnings: string[];
  /** File-level errors: the file is rejected whole. */
  errors: string[];
}

const DEFAULT_MAX_SPOOL_BYTES = 512 * 1024 * 1024;

/**
 * Reads a workbook and checks every sheet against its schema, as `reports.md` says: sheets
 * found by name, the kind told by its data sheets (or by a title alone), every error collected.
 * Valid rows of each data sheet are written to the spool as they stream by; a sheet that turns
 * out to have an error is marked rejected, and its spooled rows are never read. Runs inside a
 * worker (see ParseWorkers), so it keeps no state between calls. WorkbookErrors are thrown.
 */
export async function parseWorkbook(job: ParseJob): Promise<ParsedWorkbook> {
  const kinds = WORKBOOK_KINDS.filter((kind) => job.kinds.includes(kind.id));
  const spool = await SpoolWriter.create(job.spoolPath, job.maxSpoolBytes ?? DEFAULT_MAX_SPOOL_BYTES);
  try {
    return await parseInto(job, kinds, spool);
  } finally {
    await spool.close();
  }
}

async function parseInto(
  job: ParseJob,
  kinds: readonly WorkbookKind[],
  spool: SpoolWriter,
): Promise<ParsedWorkbook> {
  const result: ParsedWorkbook = { kind: null, title: null, sheets: [], warnings: [], errors: [] };
  let kind: WorkbookKind | undefined;
  const context = contextFor(job);
  /** The title sheet's rows, once a title sheet was met (the first one counts). */
  let titleRows: { excelRow: number; cells: Cell[] }[] | undefined;
  const staged: { schema: AnyTableSheet; validator: TableSheetValidator }[] = [];

  // One budget for the whole file: at most 1,000 errors and 1,000 warnings are reported.
  const budget = new IssueBudget();
  const unknown: string[] = [];
  for await (const sheet of readWorkbook(job.path, job.limits)) {
    const role = roleOf(kind ? [kind] : kinds, sheet.name, titleRows !== undefined, staged);
    if (role.note) result.warnings.push(role.note);
    if (role.role === 'title') {
      titleRows = [];
      for await (const row of sheet.rows) titleRows.push(row);
    } else if (role.role === 'data') {
      kind ??= role.kind;
      const validator = new TableSheetValidator(role.schema, context, budget);
      staged.push({ schema: role.schema, validator });
      for await (const { excelRow, cells } of sheet.rows) {
        const row = validator.push(excelRow, cells);
        if (row && !validator.failed) await spool.add(role.schema.id, { ...row, excelRow });
      }
      await spool.flush();
    } else if (role.role === 'unknown') unknown.push(sheet.name);
  }
  const unknownWarning = unknownSheetsWarning(unknown);
  if (unknownWarning) result.warnings.push(unknownWarning);

  kind ??= detectWorkbookKindByTitle(labelsOf(titleRows ?? []), kinds);
  if (!kind) {
    result.errors.push(
      `В книге нет ни одного листа отчёта. Ожидаются листы ${expectedSheets(kinds)}. Скачайте шаблон и перенесите данные в него.`,
    );
    return result;
  }
  result.kind = kind.id;
  let period: Period | null = null;
  if (kind.titleSheet) {
    if (!titleRows) {
      result.errors.push(
        `В книге нет листа «${kind.titleSheet.name}»: без него неизвестно, чья это отчётность и за какой год. Добавьте лист «${kind.titleSheet.name}» из шаблона.`,
      );
      return result;
    }
    // The title has its own budget: its errors decide whose the file is, so they are always said.
    const titleValidator = new ItemsSheetValidator(kind.titleSheet, new IssueBudget());
    titleRows.forEach((row) => titleValidator.push(row.excelRow, row.cells));
    const { outcome, record } = titleValidator.finish(context);
    result.title = { outcome, record, excelRow: titleValidator.headerRow ?? titleRows[0]?.excelRow ?? 1 };
    period = periodOfTitle(kind.id, record);
  }
  for (const { schema, validator } of staged) {
    result.sheets.push({
      schemaId: schema.id,
      outcome: validator.finish({ ...context, period: period ?? undefined }),
    });
  }
  return result;
}

/**
 * What a sheet is in the kinds the file may be: the title (the first one only), a data sheet not
 * met before, a service sheet, or unknown; with the note for a name read through look-alikes.
 */
function roleOf(
  kinds: readonly WorkbookKind[],
  name: string,
  titleMet: boolean,
  staged: readonly { schema: AnyTableSheet }[],
):
  | { role: 'title' | 'service' | 'unknown'; note?: string }
  | { role: 'data'; kind: WorkbookKind; schema: AnyTableSheet; note?: string } {
  const roles = kinds.map((kind) => ({ kind, ...sheetRole(kind, name) }));
  const title = roles.find((r) => r.role === 'title');
  if (title && !titleMet) return { role: 'title', note: title.note };
  const data = roles.find((r) => r.role === 'data');
  if (data?.role === 'data' && !staged.some((s) => s.schema.id === data.schema.id)) {
    return { role: 'data', kind: data.kind, schema: data.schema, note: data.note };
  }
  const service = roles.find((r) => r.role === 'service');
  if (service) return { role: 'service', note: service.note };
  return { role: 'unknown' };
}

/** The texts of a title sheet's cells: a workbook with only a title is told by its labels. */
function labelsOf(rows: readonly { cells: Cell[] }[]): string[] {
  return rows.flatMap((row) => row.cells.filter((cell): cell is string => typeof cell === 'string'));
}

function expectedSheets(kinds: readonly WorkbookKind[]): string {
  return kinds
    .map(
      (kind) =>
        `${[kind.titleSheet, ...kind.sheets]
          .filter((sheet) => sheet !== undefined)
          .map((sheet) => `«${sheet.name}»`)
          .join(', ')} (${kind.title})`,
    )
    .join(' или ');
}

/** The period a title names, for the rules that compare dates with it. */
function periodOfTitle(kind: WorkbookKindId, title: Record<string, unknown>): Period | null {
  if (kind === 'school') return typeof title.period === 'string' ? parsePeriod(title.period) : null;
  if (kind === 'vacancies') return typeof title.asOf === 'string' ? periodContaining(title.asOf) : null;
  return null;
}

/** The profession → area mapping as the vacancies sheet's derive step asks for it. */
function contextFor(job: ParseJob): SheetContext {
  if (!job.professions) return {};
  const byOkpdtr = new Map(job.professions.filter((m) => m.okpdtr).map((m) => [m.okpdtr!.trim(), m.area]));
  const byName = new Map(
    job.professions.filter((m) => m.profession).map((m) => [normalizeName(m.profession!), m.area]),
  );
  return {
    areaForProfession: (profession, okpdtr) =>
      (okpdtr ? byOkpdtr.get(okpdtr.trim()) : undefined) ??
      (profession ? byName.get(normalizeName(profession)) : undefined),
  };
}
