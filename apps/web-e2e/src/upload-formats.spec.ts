import type { SheetVersionView, UploadView } from '@profmonitor/domain';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS } from './support/browser';
import { demoApp } from './support/demo-app';
import { ROOT } from './support/demo-server';
import { apiGet, DEMO_ACCOUNTS, logIn } from './support/session';

// A school operator sends its report saved by LibreOffice as .xls (Excel 97–2003) and as .ods
// (OpenDocument) through the upload page, as sch01: each is accepted whole, with the same rows
// per sheet; a CSV renamed to .xls gets the server's message naming what it is. The files are
// SCH01's 2023/2024 report from libs/workbook/test/fixtures/libreoffice/
// (scripts/fixtures/make-libreoffice-fixtures.ts). This file has a demo server of its own, so
// the other specs' demo data are untouched.

const PERIOD = '2023/2024';
const FIXTURES = join(ROOT, 'libs/workbook/test/fixtures/libreoffice');
const FILES = [
  { fileName: 'SCH01 отчёт.xls', fixture: 'report.xls', mimeType: 'application/vnd.ms-excel' },
  {
    fileName: 'SCH01 отчёт.ods',
    fixture: 'report.ods',
    mimeType: 'application/vnd.oasis.opendocument.spreadsheet',
  },
];
/** Rows per sheet of the report (Титул: its six items). */
const ROWS = { title: 1, graduates: 16, coverage: 6, teachers: 6, partners: 4 };
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

const app = demoApp();

async function upload(file: { name: string; mimeType: string; buffer: Buffer }) {
  await app.page.getByLabel('Файл: Отчёт организации').setInputFiles(file);
  // The result of this file, not of the one before.
  await app.page.locator('.result-banner', { hasText: file.name }).waitFor();
}

it('sch01 uploads the report as .xls and as .ods: each accepted whole; the same rows again make no new version', async () => {
  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.school);
  await app.page.goto(`${app.server.url}/uploads?period=${encodeURIComponent(PERIOD)}`);
  await app.page.getByRole('heading', { name: 'Загрузка отчёта', level: 1 }).waitFor();

  for (const [index, { fileName, fixture, mimeType }] of FILES.entries()) {
    await upload({ name: fileName, mimeType, buffer: await readFile(join(FIXTURES, fixture)) });
    const banner = app.page.locator('.result-banner', { hasText: fileName });
    expect(plain(await banner.locator('.result-banner__title').innerText())).toBe('Файл принят');
    expect(plain(await banner.innerText())).toContain(`SCH01 · ${PERIOD}`);
    const sheets = app.page.getByRole('region', { name: 'Листы файла', exact: true });
    for (const name of ['Титул', 'Выпускники', 'Охват', 'Педагоги', 'Партнёры']) {
      expect(plain(await sheets.locator('tr', { hasText: name }).innerText())).toContain('принят');
    }
    expect(await app.page.locator('.file-errors').count()).toBe(0);
    await app.page.screenshot({
      path: join(SCREENSHOTS, `13-upload-${index === 0 ? 'xls' : 'ods'}.png`),
      fullPage: true,
    });
  }

  // The .xls made a version of every sheet; the .ods holds the same rows, so it made none
  // (each sheet «не изменился») and the .xls's versions stay in force.
  const versions = await apiGet<SheetVersionView[]>(
    app.page,
    `${app.server.url}/api/history?org=SCH01&period=${encodeURIComponent(PERIOD)}`,
  );
  const ofXls = versions.filter((v) => v.fileName === FILES[0].fileName);
  expect(Object.fromEntries(ofXls.map((v) => [v.sheet, v.rows]))).toEqual(ROWS);
  expect(ofXls.every((v) => v.uploadedBy === 'sch01' && v.current)).toBe(true);
  expect(versions.filter((v) => v.fileName === FILES[1].fileName)).toEqual([]);
  expect(plain(await app.page.locator('main').innerText())).toContain('Лист не изменился');

  const uploads = await apiGet<UploadView[]>(
    app.page,
    `${app.server.url}/api/uploads?org=SCH01&period=${encodeURIComponent(PERIOD)}`,
  );
  const mine = uploads.filter((u) => u.uploadedBy === 'sch01');
  expect(mine.map((u) => [u.fileName, u.outcome])).toEqual([
    [FILES[1].fileName, 'accepted'],
    [FILES[0].fileName, 'accepted'],
  ]);
});

it('a CSV renamed to .xls is refused with a message naming it, and changes nothing', async () => {
  const before = await apiGet<SheetVersionView[]>(
    app.page,
    `${app.server.url}/api/history?org=SCH01&period=${encodeURIComponent(PERIOD)}`,
  );
  await upload({
    name: 'SCH01 выгрузка.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: Buffer.from('Код выпускника;Класс;Направление\nВ-001;9;10 класс\n', 'utf8'),
  });
  const banner = app.page.locator('.result-banner', { hasText: 'SCH01 выгрузка.xls' });
  expect(plain(await banner.locator('.result-banner__title').innerText())).toMatch(/отклонён/);
  const fileErrors = plain(await app.page.locator('.file-errors').innerText());
  expect(fileErrors).toContain('текст или таблица CSV');
  expect(fileErrors).toContain('«Книга Excel (*.xlsx)»');
  await app.page.screenshot({ path: join(SCREENSHOTS, '14-upload-csv-as-xls.png'), fullPage: true });
  const after = await apiGet<SheetVersionView[]>(
    app.page,
    `${app.server.url}/api/history?org=SCH01&period=${encodeURIComponent(PERIOD)}`,
  );
  expect(after).toEqual(before);
});
