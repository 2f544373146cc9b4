import ExcelJS from 'exceljs';
import type request from 'supertest';
import { PROFMINIMUM_COLUMNS } from '../src/indicators/export.service';
import { binary } from './support/binary';
import {
  HOME,
  PERIOD,
  PROFMINIMUM_IDS,
  pooled,
  profminimumSuite,
  WITHOUT_SHEET,
} from './support/profminimum';

jest.setTimeout(120_000);

/**
 * The «Профминимум» sheet of the indicators export (.xlsx), on the data of support/profminimum.ts
 * (worked out by hand there): there when a school the account sees sent the sheet, absent
 * otherwise; its numbers those of GET /api/indicators and GET /api/profminimum.
 */
const { agents } = profminimumSuite();

async function exported(agent: request.Agent, period = PERIOD): Promise<ExcelJS.Workbook> {
  const response = await agent
    .get('/api/export/indicators.xlsx')
    .query({ period })
    .buffer(true)
    .parse(binary)
    .expect(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as never);
  return workbook;
}

/** A sheet's rows from the second on, each cell's value (null when empty). */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    rows.push(PROFMINIMUM_COLUMNS.map((_, i) => row.getCell(i + 1).value ?? null));
  });
  return rows;
}

describe('GET /api/export/indicators.xlsx: the «Профминимум» sheet', () => {
  // The rows of Тестовый округ: its schools by name, each grade then the school's total.
  const GIMNAZIA = [
    ['SCH02', 'Гимназия № 2', 8, 25, 'Базовый', 20, null, null, 20 / 25],
    ['SCH02', 'Гимназия № 2', 10, 20, 'Базовый', 20, 5, 40, 1],
    ['SCH02', 'Итого: Гимназия № 2', null, 45, 'только базовый', 40, 5, null, 40 / 45],
  ];
  const SCHOOL_1 = [
    ['SCH01', 'Школа № 1', 6, 50, 'Базовый', 50, 10, 40, 1],
    ['SCH01', 'Школа № 1', 7, 40, 'Основной', 38, null, 60, 38 / 40],
    ['SCH01', 'Школа № 1', 9, 30, 'Продвинутый', 30, 30, 80, 1],
    ['SCH01', 'Итого: Школа № 1', null, 120, null, 118, 40, null, 118 / 120],
  ];
  const SCHOOL_3 = [['SCH03', 'Школа № 3', null, null, 'лист не сдан', null, null, null, null]];
  const TOTAL = [null, `Итого: ${HOME}`, null, 165, null, 158, 45, null, 158 / 165];

  it('a committee’s: every school of its municipality by name, grade by grade, the totals', async () => {
    const workbook = await exported(agents.committee);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Показатели города',
      'По организациям',
      'Профминимум',
      'Не сдали',
    ]);
    const sheet = workbook.getWorksheet('Профминимум')!;
    expect(PROFMINIMUM_COLUMNS.map((_, i) => sheet.getRow(1).getCell(i + 1).value)).toEqual(
      PROFMINIMUM_COLUMNS,
    );
    expect(rowsOf(sheet)).toEqual([...GIMNAZIA, ...SCHOOL_1, ...SCHOOL_3, TOTAL]);
    expect(sheet.getRow(2).getCell(9).numFmt).toBe('0.0%');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
  });

  it('its coverage is GET /api/indicators’ pooled profminimum_coverage', async () => {
    const [coverage] = await pooled(agents.committee);
    expect({
      value: coverage.value,
      numerator: coverage.numerator,
      denominator: coverage.denominator,
    }).toEqual({
      value: 158 / 165,
      numerator: 158,
      denominator: 165,
    });
  });

  it('the three indicators on the city’s sheet and on the organizations’ one, as the API gives them', async () => {
    const workbook = await exported(agents.committee);
    const definitions = (await agents.committee.get('/api/indicators/definitions').expect(200)).body as {
      id: string;
      name: string;
    }[];
    const nameOf = (id: string) => definitions.find((d) => d.id === id)!.name;
    const city: Record<string, ExcelJS.CellValue> = {};
    workbook.getWorksheet('Показатели города')!.eachRow((row) => {
      city[String(row.getCell(1).value)] = row.getCell(3).value;
    });
    for (const value of await pooled(agents.committee)) expect(city[nameOf(value.id)]).toBe(value.value);
    expect([158 / 165, 68 / 165, 45 / 100]).toEqual((await pooled(agents.committee)).map((v) => v.value));
    const byOrg = workbook.getWorksheet('По организациям')!;
    const headers = (byOrg.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const sch02 = byOrg.getRows(2, byOrg.rowCount - 1)!.find((row) => row.getCell(1).value === 'SCH02')!;
    expect(PROFMINIMUM_IDS.map((id) => sch02.getCell(headers.indexOf(nameOf(id)) + 1).value)).toEqual([
      40 / 45,
      0,
      5 / 20,
    ]);
  });

  it('a school’s: its own grades; the totals are its municipality’s (pooled values it sees)', async () => {
    const sheet = (await exported(agents.sch01)).getWorksheet('Профминимум')!;
    expect(rowsOf(sheet)).toEqual([...SCHOOL_1, TOTAL]);
  });

  it('the employment center’s has no school’s rows: no sheet', async () => {
    expect((await exported(agents.employment)).worksheets.map((w) => w.name)).toEqual(['Показатели города']);
  });

  it('no sheet for a period no school sent it for', async () => {
    expect((await exported(agents.committee, WITHOUT_SHEET)).worksheets.map((w) => w.name)).not.toContain(
      'Профминимум',
    );
  });
});
