import { Injectable } from '@nestjs/common';
import {
  SHEET_NAMES,
  indicatorById,
  measureOrganization,
  parsePeriod,
  schoolTitleSheet,
  schoolWorkbook,
  type CellValue,
  type ChangedRowView,
  type ComparedRowView,
  type IndicatorMoveView,
  type OrganizationSheets,
  type SheetCompareView,
  type SheetId,
} from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import { assertOrganization } from '../accounts/access-policy';
import type { Principal } from '../accounts/principal';
import { AppError } from '../common/app-error';
import { organizationNotFound } from '../organizations/organization-not-found';
import { IndicatorInputs } from '../indicators/indicator-inputs';
import { headersOf } from '../indicators/sheet-headers';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { ReportVersionsRepository } from './report-versions.repository';

export interface CompareQuery {
  org: string;
  period: string;
  sheet: SheetId;
  from: number;
  to: number;
}

/** A stored row as the comparison reads it: its Excel row and its values by column key. */
export type StoredRow = { excelRow: number } & Record<string, unknown>;

/**
 * The column rows of a sheet are matched by: the schema's unique column (Код выпускника,
 * Класс, …); on Титул, the organization's code (one row per report). None: rows are matched
 * by their whole content.
 */
export function keyColumnOf(sheet: SheetId): string | null {
  if (sheet === schoolTitleSheet.id) return 'organizationCode';
  const schema = schoolWorkbook.sheets.find((s) => s.id === sheet);
  return schema?.columns.find((c) => c.unique)?.key ?? null;
}

const cellOf = (value: unknown): CellValue =>
  value === undefined || value === null
    ? null
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : (value as CellValue);

/**
 * Rows added, removed and changed from `before` to `after`. Rows with a value in the key
 * column are matched by it (a changed row lists its differing cells); the others by their
 * whole content, so they can only be added or removed. Rows repeating the same content are
 * counted: two identical rows against one is one removed.
 */
export function compareRows(
  sheet: SheetId,
  before: readonly StoredRow[],
  after: readonly StoredRow[],
): Pick<SheetCompareView, 'added' | 'removed' | 'changed'> {
  const headers = headersOf(sheet);
  const keyColumn = keyColumnOf(sheet);
  const view = (row: StoredRow): ComparedRowView => {
    const key = keyColumn ? cellOf(row[keyColumn]) : null;
    const cells: Record<string, CellValue> = {};
    for (const [column, header] of headers) cells[header] = cellOf(row[column]);
    return { excelRow: row.excelRow, key: key === null || key === '' ? null : String(key), cells };
  };
  const from = before.map(view);
  const to = after.map(view);

  const changed: ChangedRowView[] = [];
  const added: ComparedRowView[] = [];
  const removed: ComparedRowView[] = [];
  const toByKey = new Map(to.filter((r) => r.key !== null).map((r) => [r.key!, r]));
  const fromKeys = new Set(from.map((r) => r.key).filter((k) => k !== null));
  for (const row of from.filter((r) => r.key !== null)) {
    const other = toByKey.get(row.key!);
    if (!other) {
      removed.push(row);
      continue;
    }
    const changes = headers
      .map(([, header]) => ({ column: header, before: row.cells[header], after: other.cells[header] }))
      .filter((c) => c.before !== c.after);
    if (changes.length)
      changed.push({ key: row.key!, fromRow: row.excelRow, toRow: other.excelRow, changes });
  }
  added.push(...to.filter((r) => r.key !== null && !fromKeys.has(r.key)));

  // Rows without a key: matched by content, each match used once.
  const content = (row: ComparedRowView) => JSON.stringify(headers.map(([, header]) => row.cells[header]));
  const unmatched = new Map<string, ComparedRowView[]>();
  for (const row of from.filter((r) => r.key === null))
    unmatched.set(content(row), [...(unmatched.get(content(row)) ?? []), row]);
  for (const row of to.filter((r) => r.key === null)) {
    const same = unmatched.get(content(row));
    if (same?.length) same.shift();
    else added.push(row);
  }
  removed.push(...[...unmatched.values()].flat());
  const byRow = (a: ComparedRowView, b: ComparedRowView) => a.excelRow - b.excelRow;
  return { added: added.sort(byRow), removed: removed.sort(byRow), changed };
}

/** Two versions of one sheet side by side: their rows, and the organization's indicators from each. */
@Injectable()
export class HistoryCompareService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly reportVersions: ReportVersionsRepository,
    private readonly inputs: IndicatorInputs,
  ) {}

  async compare(query: CompareQuery, user: Principal): Promise<SheetCompareView> {
    assertOrganization(user, query.org);
    const manager = this.dataSource.manager;
    const organization = await this.organizations.findByCode(query.org);
    if (!organization) throw organizationNotFound(query.org);
    const period = parsePeriod(query.period);
    const periodRow = period ? await this.organizations.findPeriodByCode(period.code) : null;
    if (!periodRow) throw new AppError('period_not_found', `Данных за ${query.period} учебный год нет.`);

    const versions = await this.reportVersions.byIds([query.from, query.to]);
    const versionOf = (id: number) => {
      const version = versions.find((v) => v.id === id);
      // Another organization's version reads as missing: its existence is not this caller's to know.
      if (!version || version.organizationId !== organization.id)
        throw new AppError(
          'version_not_found',
          `Версии листа с номером ${id} у организации ${organization.code} нет: обновите историю загрузок.`,
        );
      if (version.periodId !== periodRow.id || version.sheet !== query.sheet)
        throw new AppError(
          'version_mismatch',
          `Версия ${id} — это лист «${SHEET_NAMES[version.sheet as SheetId] ?? version.sheet}» ` +
            `за другой учебный год или другой лист: сравнивать можно только версии листа ` +
            `«${SHEET_NAMES[query.sheet]}» за ${periodRow.code}.`,
        );
      return version;
    };
    const from = versionOf(query.from);
    const to = versionOf(query.to);

    const rowsOf = async (id: number): Promise<StoredRow[]> => {
      const rows = await this.inputs.rowsOf(manager, { id, sheet: query.sheet });
      return (Array.isArray(rows) ? rows : rows ? [rows] : []) as unknown as StoredRow[];
    };
    const [fromRows, toRows] = [await rowsOf(from.id), await rowsOf(to.id)];

    // The organization's indicators with the compared sheet as each version has it, the
    // other sheets as they are now: what this sheet's change alone moved.
    const context = (await this.inputs.levels(manager, periodRow)).of(organization.municipality);
    const others: Record<string, unknown> = {};
    for (const version of await this.inputs.currentVersions(manager, organization.id, periodRow.id))
      if (version.sheet !== query.sheet) others[version.sheet] = await this.inputs.rowsOf(manager, version);
    const measure = (rows: StoredRow[]) =>
      measureOrganization(
        {
          code: organization.code,
          type: organization.type,
          sheets: {
            ...others,
            [query.sheet]: query.sheet === 'title' ? rows[0] : rows,
          } as OrganizationSheets,
        },
        context,
      ).values;
    const after = new Map(measure(toRows).map((v) => [v.indicator, v.value]));
    const indicators: IndicatorMoveView[] = [];
    for (const value of measure(fromRows)) {
      const moved = after.get(value.indicator) ?? null;
      if (moved === value.value) continue;
      const definition = indicatorById(value.indicator)!;
      indicators.push({
        indicator: value.indicator,
        name: definition.name,
        kind: definition.kind === 'mismatch' ? 'mismatch' : 'ratio',
        before: value.value,
        after: moved,
      });
    }

    const keyColumn = keyColumnOf(query.sheet);
    const headers = headersOf(query.sheet);
    return {
      sheet: query.sheet,
      sheetName: SHEET_NAMES[query.sheet],
      from: { id: from.id, version: from.version },
      to: { id: to.id, version: to.version },
      keyColumn: headers.find(([key]) => key === keyColumn)?.[1] ?? null,
      columns: headers.map(([, header]) => header),
      ...compareRows(query.sheet, fromRows, toRows),
      indicators,
    };
  }
}
