import {
  INDICATORS,
  type CompletenessView,
  type IndicatorValueView,
  type ReportStatusView,
} from '@profmonitor/domain';
import ExcelJS from 'exceljs';
import { CITY_COLUMNS, STATUS_FILLS } from '../src/indicators/export.service';
import { startDemo, type DemoApp } from './support/demo-app';
import type { HttpTestContext } from './support/http-context';
import { pageText, printToPdf, screenshots } from './support/libreoffice';

jest.setTimeout(180_000);

const PERIOD = '2024/2025';
/** The demo's only municipality. */
const CITY = 'Северозаводский городской округ';

/**
 * The print-ready export (issue 15, item 2) of the demo municipality, loaded by the CLI's own
 * `demo` command, with a campaign whose deadline has passed: the workbook's page setup, widths
 * and heights, changes in п.п., statuses and their colours, the city's row and the sheet of
 * missing reports, each against what the API answers; then, where LibreOffice is installed,
 * printed to PDF: a few landscape pages, one page wide (no column cut off).
 */
describe('GET /api/export/indicators.xlsx, print-ready', () => {
  let demo: DemoApp;
  let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;
  let file: Buffer;
  let workbook: ExcelJS.Workbook;
  let api: IndicatorValueView[];

  beforeAll(async () => {
    demo = await startDemo('profmonitor-export-print-');
    committee = await demo.http.signIn('committee');
    await committee.post('/api/campaign').send({ period: PERIOD, deadline: '2025-09-01' }).expect(201);
    const response = await committee
      .get('/api/export/indicators.xlsx')
      .query({ period: PERIOD })
      .responseType('blob')
      .expect(200);
    file = response.body as Buffer;
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as never);
    api = (await committee.get('/api/indicators').query({ period: PERIOD }).expect(200)).body;
  });
  afterAll(() => demo?.stop());

  const sheet = (name: string) => workbook.getWorksheet(name)!;
  const pooled = () => api.filter((v) => v.org === null);
  const rowsFrom = (ws: ExcelJS.Worksheet, first: number) => {
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row, number) => number >= first && rows.push(row));
    return rows;
  };

  it('every sheet prints landscape, one page wide, its header row on every page, title and page numbers', () => {
    // The demo's schools send the Профминимум sheet for the period: its sheet comes before «Не сдали».
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Показатели города',
      'По организациям',
      'Профминимум',
      'Не сдали',
    ]);
    expect(pooled()[0].municipality).toBe(CITY);
    const title = `Показатели профориентации — ${CITY} — 2024/2025`;
    expect(sheet('Показатели города').getCell('A1').value).toBe(title);
    for (const [name, titleRow] of [
      ['Показатели города', 3],
      ['По организациям', 1],
      ['Профминимум', 1],
      ['Не сдали', 3],
    ] as const) {
      const ws = sheet(name);
      expect(ws.pageSetup).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${titleRow}:${titleRow}`,
        margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      });
      expect(ws.headerFooter.oddHeader).toBe(`&C&B${title}`);
      expect(ws.headerFooter.oddFooter).toBe('&CСтраница &P из &N');
    }
  });

  it('column widths are set and every row is tall enough for its wrapped text', () => {
    const city = sheet('Показатели города');
    expect(city.columns.map((c) => c.width)).toEqual([56, 12, 11, 11, 15, 12, 15, 12, 14]);
    const byOrg = sheet('По организациям');
    expect(byOrg.getColumn(2).width).toBe(30);
    for (const ws of workbook.worksheets)
      ws.eachRow((row, number) => {
        row.eachCell((cell, column) => {
          if (typeof cell.value !== 'string' || cell.isMerged) return;
          expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
          // A lower bound: wrapping at word boundaries only adds lines.
          const lines = Math.ceil(cell.value.length / ((ws.getColumn(column).width ?? 10) - 1));
          if (lines > 1)
            expect([ws.name, number, row.height! >= lines * 15]).toEqual([ws.name, number, true]);
        });
      });
  });

  it('the city sheet: values, «Изменение» in п.п. as numbers, statuses with the dashboard’s words and colours', () => {
    const rows = rowsFrom(sheet('Показатели города'), 4);
    expect(rows.length).toBe(pooled().length);
    expect(rows.map((r) => r.getCell(3).value)).toEqual(pooled().map((v) => v.value));
    const changes = pooled().filter((v) => v.change !== null);
    expect(changes.length).toBeGreaterThan(3);
    rows.forEach((row, i) => {
      const value = pooled()[i];
      const change = row.getCell(9);
      if (value.change === null) expect(change.value).toBeNull();
      else if (value.id === 'demand_mismatch') expect(change.value as number).toBeCloseTo(value.change, 12);
      else {
        expect(typeof change.value).toBe('number');
        expect(change.value as number).toBeCloseTo(value.change * 100, 10);
        expect(change.numFmt).toBe('+0.0" п.п.";"−"0.0" п.п.";0.0" п.п."');
      }
      const status = row.getCell(5);
      expect(status.value).toBe(value.status ?? 'справочно');
      if (value.status) expect(status.fill).toMatchObject({ fgColor: { argb: STATUS_FILLS[value.status] } });
      else expect(status.fill ?? { pattern: 'none' }).toMatchObject({ pattern: 'none' });
    });
    // The three colours differ, and each status of the demo shows.
    expect(new Set(Object.values(STATUS_FILLS)).size).toBe(3);
    expect([...new Set(pooled().map((v) => v.status))]).toEqual(
      expect.arrayContaining(['достигнуто', 'не достигнуто', null]),
    );
  });

  it('the organizations sheet ends with the city’s row: the pooled values of GET /api/indicators', () => {
    const rows = rowsFrom(sheet('По организациям'), 2);
    const total = rows.at(-1)!;
    expect(total.getCell(1).value).toBeNull();
    expect(total.getCell(2).value).toBe(`Итого: ${CITY}`);
    expect(total.font).toMatchObject({ bold: true });
    // A column per indicator but completeness, named in the header row.
    const ids = (sheet('По организациям').getRow(1).values as unknown[])
      .slice(3)
      .map((name) => INDICATORS.find((d) => d.name === name)!.id);
    expect(ids.length).toBe(INDICATORS.length - 1);
    const checked = ids.filter((id, i) => {
      const value = pooled().find((v) => v.id === id && v.sheet === null);
      expect([id, total.getCell(3 + i).value]).toEqual([id, value?.value ?? null]);
      return value?.value != null;
    });
    expect(checked.length).toBeGreaterThan(8);
    // Organization cells coloured by their own status.
    const organizations = rows.slice(0, -1);
    expect(organizations.length).toBe(new Set(api.filter((v) => v.org).map((v) => v.org)).size);
    const fills = organizations.flatMap((row) =>
      ids.map((id, i) => {
        const own = api.find((v) => v.org === row.getCell(1).value && v.id === id);
        const fill = row.getCell(3 + i).fill as ExcelJS.FillPattern | undefined;
        expect([row.getCell(1).value, id, fill?.fgColor?.argb]).toEqual([
          row.getCell(1).value,
          id,
          own?.status ? STATUS_FILLS[own.status] : undefined,
        ]);
        return fill?.fgColor?.argb;
      }),
    );
    expect(fills.filter(Boolean).length).toBeGreaterThan(organizations.length);
  });

  it('«Не сдали» lists each sheet’s missing reports (GET /api/completeness) and the reports not in by the deadline', async () => {
    const completeness: CompletenessView = (
      await committee.get('/api/completeness').query({ period: PERIOD }).expect(200)
    ).body;
    const reports: ReportStatusView[] = (
      await committee.get('/api/campaign/reports').query({ period: PERIOD }).expect(200)
    ).body;
    const cells = rowsFrom(sheet('Не сдали'), 4).map((r) =>
      [1, 2, 3, 4].map((c) => r.getCell(c).value ?? null),
    );
    const expected = completeness.sheets.flatMap((s) =>
      s.missing.length === 0
        ? [[s.name, `${s.reported} из ${s.expected}`, null, 'все сдали']]
        : s.missing.map((m) => [s.name, `${s.reported} из ${s.expected}`, m.code, m.name]),
    );
    expect(cells.slice(0, expected.length)).toEqual(expected);
    const late = reports.filter((r) => !r.onTime);
    expect(late.length).toBeGreaterThan(0);
    expect(cells.slice(expected.length)).toEqual([
      // A merged row: each cell reads the first one's text.
      Array(4).fill('Срок сдачи — 01.09.2025: не сдали в срок'),
      ['Состояние', 'Опоздание, дн.', 'Код', 'Организация'],
      ...late.map((r) => [
        r.completedOn ? `сдан ${r.completedOn.split('-').reverse().join('.')}` : r.state,
        r.late,
        r.org,
        r.name,
      ]),
    ]);
  });

  it('printed by LibreOffice: a few landscape pages, every sheet one page wide', () => {
    const printed = printToPdf(file, 'pokazateli.xlsx', demo.dir);
    if (!printed) return;
    const { path: pdfPath, pages, boxes } = printed;
    // Three sheets of one page each at the demo's size, and the Профминимум sheet's rows over
    // some pages down (its header on each); a cut column would add pages across.
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [width, height] of boxes) expect(width).toBeGreaterThan(height);

    // The city sheet on the first page: every column, the changes as a Russian reader sees them.
    const first = pageText(pdfPath, 1);
    if (first === null) console.log('pdftotext is not installed: the printed pages’ text is not checked.');
    else {
      for (const word of CITY_COLUMNS.join(' ').split(' '))
        expect([word, first.includes(word)]).toEqual([word, true]);
      for (const value of pooled().filter((v) => v.change !== null && v.id !== 'demand_mismatch')) {
        const points = `${value.change! < 0 ? '−' : '+'}${Math.abs(value.change! * 100)
          .toFixed(1)
          .replace('.', ',')} п.п.`;
        expect([value.id, first.includes(points)]).toEqual([value.id, true]);
      }
      expect(first).toContain('Страница 1 из');
      // The organizations on the second page, the first and last columns both there.
      const second = pageText(pdfPath, 2)!;
      for (const code of new Set(api.filter((v) => v.org).map((v) => v.org!)))
        expect([code, second.includes(code)]).toEqual([code, true]);
      expect(second).toContain(`Итого: ${CITY}`);
      expect(second).toContain('Индекс');
      // The Профминимум sheet on the pages between (before «Не сдали»), its whole header row on each.
      for (let page = 3; page < pages; page++) {
        const text = pageText(pdfPath, page)!;
        for (const word of ['Код', 'Уровень', 'Билет в будущее', 'Часов', 'Охват'])
          expect([page, word, text.includes(word)]).toEqual([page, word, true]);
      }
      expect(pageText(pdfPath, pages)).toContain('Не сдали');
    }

    const shots = screenshots(pdfPath, 'export-print');
    if (shots) expect(shots.length).toBe(pages);
  });
});
