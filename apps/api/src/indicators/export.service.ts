import { Injectable } from '@nestjs/common';
import {
  SHEET_NAMES,
  describeTarget,
  formatIsoDate,
  INDICATORS,
  type IndicatorValueView,
  profminimumRatio,
  type ProfminimumSchoolView,
  type Status,
} from '@profmonitor/domain';
import ExcelJS from 'exceljs';
import { homeMunicipality, seesOrganization, visibleValues } from '../accounts/access-policy';
import type { Principal } from '../accounts/principal';
import { CampaignsRepository } from '../campaign/campaigns.repository';
import { ReportStatusService } from '../campaign/report-status.service';
import type { PeriodEntity } from '../organizations/period.entity';
import { ProfminimumRepository } from '../profminimum/profminimum.repository';
import { readProfminimum } from '../profminimum/profminimum.view';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { ReportingService } from './reporting.service';

const PERCENT = '0.0%';
const INDEX = '0.000';
/** A change of a percentage in percentage points: a number (Excel sorts it), shown «+6,2 п.п.». */
const POINTS = '+0.0" п.п.";"−"0.0" п.п.";0.0" п.п."';
const INDEX_CHANGE = '+0.000;"−"0.000;0.000';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
/** Light fills of the dashboard's status colours (STATUS_COLORS in apps/web), readable in print. */
export const STATUS_FILLS: Record<Status, string> = {
  достигнуто: 'FFD5EFDF',
  'не достигнуто': 'FFF6D5D2',
  'нет данных': 'FFE6E9ED',
};
/** The dashboard's word for an informational indicator (statusLabel in apps/web). */
const NO_STATUS = 'справочно';
const LINE_HEIGHT = 15;
const CITY_HEADER_ROW = 3;
/** The city sheet's columns (the print test finds each on the first printed page). */
export const CITY_COLUMNS = [
  'Показатель',
  'Лист',
  'Значение',
  'Цель',
  'Статус',
  'Числитель',
  'Знаменатель',
  'Прошлый год',
  'Изменение',
];

/** The «Профминимум» sheet's columns: a grade of a school's sheet and its coverage. */
export const PROFMINIMUM_COLUMNS = [
  'Код',
  'Организация',
  'Класс',
  'Обучающихся',
  'Уровень',
  'Охвачено',
  'Билет в будущее',
  'Часов',
  'Охват',
];

/**
 * The period's indicator table as a print-ready workbook: the committee's annual report starts
 * from it. Values are written as numbers with a percent format (the index as a plain number),
 * changes in percentage points, text always as text (never as a formula). Every sheet prints in
 * landscape, one page wide, its header row on every page, the title in the page header and the
 * page numbers in the footer. Each account exports what it may see: a school the city and its
 * own organization, the employment center the city (no sheet per organization); the sheet of
 * missing reports only the committee and the region (as GET /api/completeness); the
 * «Профминимум» sheet when a school the account sees sent it (as GET /api/profminimum).
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly repository: IndicatorsRepository,
    private readonly reporting: ReportingService,
    private readonly campaigns: CampaignsRepository,
    private readonly reportStatus: ReportStatusService,
    private readonly profminimum: ProfminimumRepository,
  ) {}

  async indicatorsWorkbook(
    periodCode: string,
    principal: Principal,
  ): Promise<{ fileName: string; content: Buffer }> {
    const home = homeMunicipality(principal);
    const values = visibleValues(
      principal,
      await this.indicators.values({ period: periodCode, municipality: home ?? undefined }),
    );
    // The first sheet is the account's own level: its municipality's, or the region's.
    const pooled = await this.indicators.values({ period: periodCode, org: 'municipal', home });
    const periodEntity = this.indicators.period(await this.repository.periods(), periodCode);
    const period = values[0]?.period ?? periodEntity.code;
    const levels = await this.indicators.levels();
    const level = this.indicators.level(levels, undefined, home);
    const levelName = level ?? (levels.several ? 'регион' : (levels.municipalities[0] ?? 'город'));
    const title = `Показатели профориентации — ${levelName} — ${period}`;
    const names = new Map((await this.repository.organizations()).map((o) => [o.code, o.name]));
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'ПрофМонитор';
    workbook.title = title;

    const city = workbook.addWorksheet('Показатели города', {
      views: [{ state: 'frozen', ySplit: CITY_HEADER_ROW }],
    });
    const widths = [56, 12, 11, 11, 15, 12, 15, 12, 14];
    city.columns = widths.map((width) => ({ width }));
    this.title(city, title, widths.length);
    city.addRow([]);
    this.header(city, widths, CITY_COLUMNS);
    for (const value of pooled) {
      const definition = INDICATORS.find((d) => d.id === value.id)!;
      const index = value.id === 'demand_mismatch';
      const row = city.addRow([
        definition.name,
        value.sheet ? SHEET_NAMES[value.sheet] : '',
        value.value,
        describeTarget(value.target),
        value.status ?? NO_STATUS,
        value.numerator,
        value.denominator,
        value.previous,
        value.change === null ? null : index ? value.change : value.change * 100,
      ]);
      for (const column of [3, 8]) row.getCell(column).numFmt = index ? INDEX : PERCENT;
      row.getCell(9).numFmt = index ? INDEX_CHANGE : POINTS;
      this.statusFill(row.getCell(5), value.status);
      this.body(row, widths);
    }
    this.printLayout(city, title, CITY_HEADER_ROW);

    const perOrganization = values.filter((v) => v.org !== null);
    if (principal.role === 'employment') return this.file(workbook, period);
    const ratioIds = INDICATORS.filter((d) => d.kind !== 'completeness').map((d) => d.id);
    const byOrg = workbook.addWorksheet('По организациям', {
      views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
    });
    const orgWidths = [9, 30, ...ratioIds.map(() => 13)];
    byOrg.columns = orgWidths.map((width) => ({ width }));
    this.header(byOrg, orgWidths, [
      'Код',
      'Организация',
      ...ratioIds.map((id) => INDICATORS.find((d) => d.id === id)!.name),
    ]);
    // Looked up, not searched per cell (tens of millions of comparisons at 1,000 organizations);
    // the first match wins, as the search found it.
    const valueOf = new Map<string, IndicatorValueView>();
    for (const v of perOrganization) if (!valueOf.has(`${v.id}|${v.org}`)) valueOf.set(`${v.id}|${v.org}`, v);
    const addValues = (code: string | null, name: string, cells: (IndicatorValueView | undefined)[]) => {
      const row = byOrg.addRow([code, name, ...cells.map((v) => v?.value ?? null)]);
      cells.forEach((v, i) => {
        const cell = row.getCell(3 + i);
        cell.numFmt = ratioIds[i] === 'demand_mismatch' ? INDEX : PERCENT;
        if (v) this.statusFill(cell, v.status);
      });
      this.body(row, orgWidths);
      return row;
    };
    for (const code of [...new Set(perOrganization.map((v) => v.org!))].sort())
      addValues(
        code,
        names.get(code) ?? code,
        ratioIds.map((id) => valueOf.get(`${id}|${code}`)),
      );
    // The level's own row: the pooled values, not a mean of the rows above (spec: levels).
    const total = addValues(
      null,
      `Итого: ${levelName}`,
      ratioIds.map((id) => pooled.find((v) => v.id === id)),
    );
    total.font = { bold: true };
    this.printLayout(byOrg, title, 1);

    const { schools } = await readProfminimum(this.profminimum, periodEntity, { municipality: level });
    const visible = schools.filter((school) => seesOrganization(principal, school.org));
    if (visible.some((school) => school.reported))
      this.profminimumSheet(workbook, visible, schools, levelName, title, periodEntity.code);

    if (principal.role === 'region' || principal.role === 'committee')
      await this.missingSheet(workbook, periodEntity, level, home, title);
    return this.file(workbook, period);
  }

  /**
   * «Профминимум»: each school's grades as sent (level, students covered, «Билет в будущее»,
   * hours) with the grade's coverage, a total row per school (bold; «только базовый» when every
   * grade is at the basic level), a line for a school that has not sent the sheet, and the
   * level's total over every school of the level (`level`; `schools` are those the account
   * sees): its coverage is the pooled profminimum_coverage (Σ covered / Σ students).
   */
  private profminimumSheet(
    workbook: ExcelJS.Workbook,
    schools: ProfminimumSchoolView[],
    level: ProfminimumSchoolView[],
    levelName: string,
    title: string,
    period: string,
  ): void {
    const sheet = workbook.addWorksheet('Профминимум', {
      views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
    });
    const widths = [9, 30, 8, 15, 14, 12, 14, 10, 10];
    sheet.columns = widths.map((width) => ({ width }));
    this.header(sheet, widths, PROFMINIMUM_COLUMNS);
    const add = (cells: ExcelJS.CellValue[], bold = false) => {
      const row = sheet.addRow(cells);
      row.getCell(PROFMINIMUM_COLUMNS.length).numFmt = PERCENT;
      if (bold) row.font = { bold: true };
      this.body(row, widths);
    };
    const coverage = (covered: number, students: number) => (students > 0 ? covered / students : null);
    // A school's and the level's coverage as the indicator measures it (libs/domain).
    const measured = (grades: ProfminimumSchoolView['grades']) =>
      profminimumRatio({ reported: true, grades }, 'profminimum_coverage', period)?.value ?? null;
    const sum = (of: readonly { students: number; covered: number; futureTicket: number | null }[]) => ({
      students: of.reduce((n, g) => n + g.students, 0),
      covered: of.reduce((n, g) => n + g.covered, 0),
      futureTicket: of.some((g) => g.futureTicket !== null)
        ? of.reduce((n, g) => n + (g.futureTicket ?? 0), 0)
        : null,
    });
    for (const school of schools) {
      if (!school.reported) {
        add([school.org, school.name, null, null, 'лист не сдан', null, null, null, null]);
        continue;
      }
      for (const g of school.grades)
        add([
          school.org,
          school.name,
          g.grade,
          g.students,
          g.level,
          g.covered,
          g.futureTicket,
          g.hours,
          coverage(g.covered, g.students),
        ]);
      const own = sum(school.grades);
      add(
        [
          school.org,
          `Итого: ${school.name}`,
          null,
          own.students,
          school.basicOnly ? 'только базовый' : null,
          own.covered,
          own.futureTicket,
          null,
          measured(school.grades),
        ],
        true,
      );
    }
    // The level's pooled numbers, which a school sees as it sees the municipality's values.
    const grades = level.flatMap((school) => school.grades);
    const all = sum(grades);
    add(
      [
        null,
        `Итого: ${levelName}`,
        null,
        all.students,
        null,
        all.covered,
        all.futureTicket,
        null,
        measured(grades),
      ],
      true,
    );
    this.printLayout(sheet, title, 1);
  }

  /**
   * «Не сдали»: per sheet the organizations that have not sent it (as GET /api/completeness),
   * and with a campaign the reports not complete by its deadline (as GET /api/campaign/reports).
   */
  private async missingSheet(
    workbook: ExcelJS.Workbook,
    period: PeriodEntity,
    level: string | null,
    home: string | null,
    title: string,
  ): Promise<void> {
    const sheet = workbook.addWorksheet('Не сдали', {
      views: [{ state: 'frozen', ySplit: CITY_HEADER_ROW }],
    });
    const widths = [16, 12, 12, 60];
    sheet.columns = widths.map((width) => ({ width }));
    this.title(
      sheet,
      `Не сдали отчёты — ${title.replace('Показатели профориентации — ', '')}`,
      widths.length,
    );
    sheet.addRow([]);
    this.header(sheet, widths, ['Лист', 'Сдали', 'Код', 'Организация']);
    const completeness = await this.reporting.completeness(period.code, { home });
    for (const entry of completeness.sheets) {
      const reported = `${entry.reported} из ${entry.expected}`;
      if (entry.missing.length === 0)
        this.body(sheet.addRow([entry.name, reported, null, 'все сдали']), widths);
      for (const missing of entry.missing)
        this.body(sheet.addRow([entry.name, reported, missing.code, missing.name]), widths);
    }

    this.printLayout(sheet, title, CITY_HEADER_ROW);
    const campaign = await this.campaigns.campaignOf(period.id);
    if (!campaign) return;
    const late = (await this.reportStatus.reports(period, level, { campaign })).filter((r) => !r.onTime);
    sheet.addRow([]);
    const passed = this.reportStatus.today() > campaign.deadline;
    const heading = sheet.addRow([
      `Срок сдачи — ${formatIsoDate(campaign.deadline)}: ${passed ? 'не сдали в срок' : 'ещё не сдали'}`,
    ]);
    heading.font = { bold: true };
    sheet.mergeCells(heading.number, 1, heading.number, widths.length);
    this.header(sheet, widths, ['Состояние', 'Опоздание, дн.', 'Код', 'Организация']);
    if (late.length === 0) this.body(sheet.addRow(['все сдали в срок', null, null, null]), widths);
    for (const report of late) {
      const state = report.completedOn ? `сдан ${formatIsoDate(report.completedOn)}` : report.state;
      this.body(sheet.addRow([state, report.late, report.org, report.name]), widths);
    }
  }

  private async file(workbook: ExcelJS.Workbook, period: string) {
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `pokazateli-${period.replace('/', '-')}.xlsx`, content };
  }

  private title(sheet: ExcelJS.Worksheet, text: string, columns: number): void {
    const row = sheet.addRow([text]);
    row.font = { bold: true, size: 14 };
    sheet.mergeCells(row.number, 1, row.number, columns);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = rowHeight([text], [sheet.columns.reduce((sum, c) => sum + (c.width ?? 10), 0)], 14);
  }

  private header(sheet: ExcelJS.Worksheet, widths: number[], titles: string[]): void {
    const row = sheet.addRow(titles);
    row.font = { bold: true };
    row.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    row.height = rowHeight(titles, widths, 11, 1.2);
  }

  /** Wrapped, top-aligned cells and a height that holds every wrapped line (no overlap in print). */
  private body(row: ExcelJS.Row, widths: number[]): void {
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.alignment = { wrapText: true, vertical: 'top' };
      texts[column - 1] = typeof cell.value === 'string' ? cell.value : '';
    });
    row.height = rowHeight(texts, widths, 11);
  }

  private statusFill(cell: ExcelJS.Cell, status: Status | null): void {
    if (status) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILLS[status] } };
  }

  private printLayout(sheet: ExcelJS.Worksheet, title: string, headerRow: number): void {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    };
    // & starts a code in a header: a literal one is doubled.
    sheet.headerFooter = {
      oddHeader: `&C&B${title.replace(/&/g, '&&')}`,
      oddFooter: '&CСтраница &P из &N',
    };
  }
}

/**
 * Points high enough for the longest wrapped cell of a row: words laid into lines of the
 * column's width (in characters of the default font; Cyrillic and bold run a little wider).
 */
export function rowHeight(texts: string[], widths: number[], fontSize: number, widen = 1): number {
  let lines = 1;
  texts.forEach((text, i) => {
    if (!text) return;
    const capacity = Math.max(1, Math.floor((((widths[i] ?? 10) - 1) * (11 / fontSize)) / widen));
    let count = 1;
    let used = 0;
    for (const word of text.split(/\s+/)) {
      if (word.length > capacity) {
        // A word wider than the column is broken across lines.
        count += (used > 0 ? 1 : 0) + Math.ceil(word.length / capacity) - 1;
        used = word.length % capacity || capacity;
      } else if (used > 0 && used + 1 + word.length > capacity) {
        count += 1;
        used = word.length;
      } else used += used > 0 ? 1 + word.length : word.length;
    }
    lines = Math.max(lines, count);
  });
  return Math.ceil(lines * LINE_HEIGHT * (fontSize / 11)) + 2;
}
