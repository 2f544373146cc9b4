import { Injectable } from '@nestjs/common';
import { describeTarget, INDICATORS, type IndicatorValueView } from '@profmonitor/domain';
import ExcelJS from 'exceljs';
import { homeMunicipality, visibleValues } from '../accounts/access-policy';
import type { Principal } from '../accounts/principal';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { SHEET_NAMES } from './sheet-headers';

const PERCENT = '0.0%';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };

/**
 * The period's indicator table as a formatted workbook: the committee's annual report starts
 * from it. Values are written as numbers with a percent format (the index as a plain number),
 * text always as text (never as a formula). Each account exports what it may see: a school the
 * city and its own organization, the employment center the city (no sheet per organization).
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly repository: IndicatorsRepository,
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
    const period =
      values[0]?.period ?? this.indicators.period(await this.repository.periods(), periodCode).code;
    const names = new Map((await this.repository.organizations()).map((o) => [o.code, o.name]));
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'ПрофМонитор';
    workbook.title = `Показатели эффективности, ${period}`;

    const city = workbook.addWorksheet('Показатели города', { views: [{ state: 'frozen', ySplit: 3 }] });
    city.addRow([`Показатели эффективности профориентационной работы, ${period} учебный год`]).font = {
      bold: true,
      size: 14,
    };
    city.addRow([]);
    this.header(city, [
      'Показатель',
      'Лист',
      'Значение',
      'Цель',
      'Статус',
      'Числитель',
      'Знаменатель',
      'Прошлый год',
      'Изменение',
    ]);
    for (const value of pooled) {
      const definition = INDICATORS.find((d) => d.id === value.id)!;
      const row = city.addRow([
        definition.name,
        value.sheet ? SHEET_NAMES[value.sheet] : '',
        value.value,
        describeTarget(value.target),
        value.status ?? '',
        value.numerator,
        value.denominator,
        value.previous,
        value.change,
      ]);
      this.formatValues(row, value, [3, 8, 9]);
    }
    city.columns = [80, 14, 12, 12, 16, 12, 12, 13, 12].map((width) => ({ width }));
    city.getColumn(1).alignment = { wrapText: true, vertical: 'top' };

    const perOrganization = values.filter((v) => v.org !== null);
    if (principal.role === 'employment') return this.file(workbook, period);
    const ratioIds = INDICATORS.filter((d) => d.kind !== 'completeness').map((d) => d.id);
    const byOrg = workbook.addWorksheet('По организациям', {
      views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
    });
    this.header(byOrg, [
      'Код',
      'Организация',
      ...ratioIds.map((id) => INDICATORS.find((d) => d.id === id)!.name),
    ]);
    // Looked up, not searched per cell (tens of millions of comparisons at 1,000 organizations);
    // the first match wins, as the search found it.
    const valueOf = new Map<string, IndicatorValueView>();
    for (const v of perOrganization) if (!valueOf.has(`${v.id}|${v.org}`)) valueOf.set(`${v.id}|${v.org}`, v);
    for (const code of [...new Set(perOrganization.map((v) => v.org!))].sort()) {
      const row = byOrg.addRow([
        code,
        names.get(code) ?? code,
        ...ratioIds.map((id) => valueOf.get(`${id}|${code}`)?.value ?? null),
      ]);
      ratioIds.forEach((id, i) => {
        if (id !== 'demand_mismatch') row.getCell(3 + i).numFmt = PERCENT;
        else row.getCell(3 + i).numFmt = '0.000';
      });
    }
    byOrg.columns = [10, 40, ...ratioIds.map(() => 18)].map((width) => ({ width }));
    byOrg.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    byOrg.getRow(1).height = 120;

    return this.file(workbook, period);
  }

  private async file(workbook: ExcelJS.Workbook, period: string) {
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `pokazateli-${period.replace('/', '-')}.xlsx`, content };
  }

  private header(sheet: ExcelJS.Worksheet, titles: string[]): void {
    const row = sheet.addRow(titles);
    row.font = { bold: true };
    row.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }

  private formatValues(row: ExcelJS.Row, value: IndicatorValueView, columns: number[]): void {
    for (const column of columns)
      row.getCell(column).numFmt = value.id === 'demand_mismatch' ? '0.000' : PERCENT;
  }
}
