import type { SheetVersionView, UploadView } from '@profmonitor/domain';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS } from './support/browser';
import { demoApp } from './support/demo-app';
import { ROOT } from './support/demo-server';
import { apiGet, DEMO_ACCOUNTS, logIn } from './support/session';

// A school operator's year-end report through the built app: sign in as sch01, download the
// template, upload the demo report with one broken cell, read the error on the page, fix the
// cell, upload again, and find the new version in the history. Screenshots go to
// test-output/e2e/.

const PERIOD = '2024/2025';
const DEMO_REPORT = join(ROOT, 'data/demo/2024-2025/SCH01.xlsx');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

const app = demoApp();

/** The graduate row to break: a class-11 graduate who went to university (ВУЗ). */
let brokenRow: number;

/** The demo report with the «Направление» of `brokenRow` set to `destination`. */
async function reportWith(destination: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(DEMO_REPORT);
  const sheet = workbook.getWorksheet('Выпускники')!;
  const header = sheet.getRow(1).values as unknown[];
  const column = header.findIndex((h) => typeof h === 'string' && h.startsWith('Направление'));
  sheet.getRow(brokenRow).getCell(column).value = destination;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function findRowToBreak(): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(DEMO_REPORT);
  const sheet = workbook.getWorksheet('Выпускники')!;
  for (let row = 2; row <= sheet.rowCount; row++) {
    const values = sheet.getRow(row).values as unknown[];
    if (String(values[2]) === '11' && values[3] === 'ВУЗ') return row;
  }
  throw new Error('The demo report has no class-11 graduate who went to university.');
}

async function upload(fileName: string, buffer: Buffer) {
  await app.page
    .getByLabel('Файл: Отчёт организации')
    .setInputFiles({ name: fileName, mimeType: XLSX, buffer });
}

beforeAll(async () => {
  brokenRow = await findRowToBreak();
});

it('a page of the app sends a person without a session to sign in, and back after it', async () => {
  await app.page.goto(`${app.server.url}/uploads?period=${encodeURIComponent(PERIOD)}`);
  await app.page.waitForURL(/\/login\?next=/);
  await app.page.getByLabel('Логин').fill(DEMO_ACCOUNTS.school.login);
  await app.page.getByLabel('Пароль').fill('не тот пароль');
  await app.page.getByRole('button', { name: 'Войти' }).click();
  expect(plain(await app.page.getByRole('alert').innerText())).toContain('Неверный логин или пароль.');
  await app.page.screenshot({ path: join(SCREENSHOTS, '6-login-error.png'), fullPage: true });

  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.school);
  expect(new URL(app.page.url()).pathname).toBe('/uploads');
  await app.page.getByRole('heading', { name: 'Загрузка отчёта', level: 1 }).waitFor();
  // The school is offered its own work, not the committee's pages.
  const nav = app.page.getByRole('navigation', { name: 'Разделы' });
  expect(await nav.getByRole('link', { name: 'Моя организация' }).count()).toBe(1);
  expect(await nav.getByRole('link', { name: 'Учётные записи' }).count()).toBe(0);
});

it('the school downloads its template as an .xlsx workbook', async () => {
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByRole('link', { name: 'Скачать шаблон (.xlsx)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = (await download.path())!;
  const content = await readFile(file);
  expect(content.subarray(0, 2).toString()).toBe('PK'); // a zip, as every .xlsx is
  const template = new ExcelJS.Workbook();
  await template.xlsx.readFile(file);
  expect(template.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Титул', 'Выпускники']));
});

it('a report with a wrong value shows the error by sheet, row and column; the fixed one is accepted', async () => {
  await upload('SCH01-с-ошибкой.xlsx', await reportWith('Космос'));
  const banner = app.page.locator('.result-banner');
  await banner.waitFor();
  expect(plain(await banner.innerText())).toMatch(/Файл (принят частично|отклонён)/);

  const errors = app.page.getByRole('region', { name: 'Ошибки по листам, строкам и столбцам', exact: true });
  const errorRow = errors.locator('tbody tr', { hasText: 'Выпускники' }).first();
  const cells = (await errorRow.locator('td').allInnerTexts()).map(plain);
  expect(cells.slice(0, 3)).toEqual(['Выпускники', String(brokenRow), 'Направление']);
  expect(cells[3]).toMatch(/[а-яё]/i);
  expect(cells[3]).toContain('Космос');
  const sheets = app.page.getByRole('region', { name: 'Листы файла', exact: true });
  expect(plain(await sheets.locator('tr', { hasText: 'Выпускники' }).innerText())).toContain('отклонён');
  await app.page.screenshot({ path: join(SCREENSHOTS, '7-upload-error.png'), fullPage: true });

  await upload('SCH01-исправлен.xlsx', await reportWith('СПО'));
  await app.page.locator('.result-banner__title', { hasText: /^Файл принят$/ }).waitFor();
  expect(await errors.count()).toBe(0);

  // The history shows both uploads, and a second version of «Выпускники» in force.
  const versions = await apiGet<SheetVersionView[]>(
    app.page,
    `${app.server.url}/api/history?org=SCH01&period=${encodeURIComponent(PERIOD)}`,
  );
  const current = versions.find((v) => v.sheet === 'graduates' && v.current)!;
  expect(current).toMatchObject({ version: 2, fileName: 'SCH01-исправлен.xlsx', uploadedBy: 'sch01' });
  const history = app.page.getByRole('region', { name: 'Версии листов', exact: true });
  await history.getByText('SCH01-исправлен.xlsx').first().waitFor();
  const graduates = history
    .locator('tbody tr', { hasText: 'SCH01-исправлен.xlsx' })
    .filter({ hasText: 'действует' });
  expect(await graduates.count()).toBeGreaterThan(0);

  const uploads = await apiGet<UploadView[]>(
    app.page,
    `${app.server.url}/api/uploads?org=SCH01&period=${encodeURIComponent(PERIOD)}`,
  );
  const log = app.page.getByRole('region', { name: 'Загрузки', exact: true });
  for (const upload of uploads.filter((u) => u.uploadedBy === 'sch01')) {
    await log.getByRole('link', { name: upload.fileName }).waitFor();
  }
  expect(uploads.filter((u) => u.uploadedBy === 'sch01').map((u) => u.outcome)).toEqual([
    'accepted',
    expect.stringMatching(/partial|rejected/),
  ]);
  await app.page.screenshot({ path: join(SCREENSHOTS, '8-upload-accepted.png'), fullPage: true });
});

it('an upload’s page lists its errors, and the committee sees who has not reported', async () => {
  await app.page
    .getByRole('region', { name: 'Загрузки', exact: true })
    .getByRole('link', { name: 'SCH01-с-ошибкой.xlsx' })
    .click();
  await app.page.getByRole('heading', { name: /Загрузка № \d+: SCH01-с-ошибкой\.xlsx/ }).waitFor();
  const errors = app.page.getByRole('region', { name: 'Ошибки по листам, строкам и столбцам', exact: true });
  expect(plain(await errors.innerText())).toContain('Направление');

  await app.page.getByRole('button', { name: 'Выйти' }).click();
  await app.page.waitForURL(/\/login$/);
  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.committee);
  await app.page.goto(`${app.server.url}/uploads?period=${encodeURIComponent(PERIOD)}`);
  const missing = app.page.getByRole('region', { name: `Не прислали отчёт за ${PERIOD}`, exact: true });
  await missing.locator('li').first().waitFor();
  await app.page.screenshot({ path: join(SCREENSHOTS, '9-committee-uploads.png'), fullPage: true });
});

it('the committee uploads into a report it accepted: asked for the reason, gives it, and the upload’s page keeps it', async () => {
  const { page, server } = app;
  // SCH01's report, sent whole by the school above, accepted as the campaign page sends it.
  const accepted = await page.request.post(`${server.url}/api/reviews`, {
    data: { org: 'SCH01', period: PERIOD, decision: 'accept' },
  });
  expect([accepted.status(), ((await accepted.json()) as { state: string }).state]).toEqual([201, 'принят']);

  // An archive: received by the committee on 10 June 2025 at 14:30 (the municipality's time).
  await page.getByText('Архивный файл', { exact: true }).click();
  await page.getByLabel('Дата получения').fill('2025-06-10T14:30');
  expect(plain(await page.locator('.archive-option summary').innerText())).toBe(
    'Архивный файл: получен 10.06.2025, 14:30',
  );

  // On a tablet: refused, the server's message, the reason asked for.
  await page.setViewportSize({ width: 768, height: 1024 });
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/uploads') && r.request().method() === 'POST'),
    upload('SCH01-после-приёмки.xlsx', await reportWith('Работа')),
  ]);
  expect(refused.status()).toBe(423);
  expect(new URL(refused.url()).searchParams.get('receivedAt')).toBe('2025-06-10T14:30');
  await page
    .locator('.result-banner__title', { hasText: 'Отчёт уже принят комитетом: файл не загружен' })
    .waitFor();
  const why = plain(await page.locator('.file-errors').innerText());
  expect(why).toMatch(
    /Отчёт «SCH01» за 2024\/2025 принят комитетом \d\d\.\d\d\.\d{4} \(принял\(а\) komitet\)/,
  );
  expect(why).toContain('укажите причину загрузки');
  const form = page.getByRole('form', { name: 'Загрузить исправление с причиной' });
  await form.waitFor();
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await page.screenshot({ path: join(SCREENSHOTS, '9a-committee-upload-reason.png'), fullPage: true });

  // Without a reason nothing is sent.
  await form.getByRole('button', { name: 'Загрузить с причиной' }).click();
  expect(plain(await form.getByRole('alert').innerText())).toBe(
    'Напишите причину загрузки: без неё файл в принятый отчёт или закрытый сбор не загружается.',
  );

  const reason = 'Школа прислала исправленный лист «Выпускники» после приёмки: выпускник ушёл работать.';
  await form.getByLabel('Причина загрузки').fill(reason);
  const [stored] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/uploads') && r.request().method() === 'POST'),
    form.getByRole('button', { name: 'Загрузить с причиной' }).click(),
  ]);
  expect(stored.status()).toBe(201);
  const resent = new URL(stored.url()).searchParams;
  expect([resent.get('reason'), resent.get('receivedAt')]).toEqual([reason, '2025-06-10T14:30']);
  await page.locator('.result-banner__title', { hasText: /^Файл принят/ }).waitFor();
  expect(plain(await page.locator('.upload-given').innerText())).toBe(
    `Файл записан как полученный 10.06.2025, 14:30. Причина загрузки записана в журнал: «${reason}».`,
  );
  await page.setViewportSize({ width: 1280, height: 900 });

  // The upload's page: who, when it was received and why.
  const { uploadId } = (await stored.json()) as { uploadId: number };
  await page.getByRole('link', { name: `Загрузка № ${uploadId}` }).click();
  await page.getByRole('heading', { name: `Загрузка № ${uploadId}: SCH01-после-приёмки.xlsx` }).waitFor();
  const view = await apiGet<UploadView>(page, `${server.url}/api/uploads/${uploadId}`);
  // Without an offset the time is Moscow's (TIME_ZONE's default): 14:30 there is 11:30 UTC.
  expect([view.uploadedBy, view.outcome, view.receivedAt, view.reason]).toEqual([
    'komitet',
    expect.stringMatching(/accepted|partial/),
    '2025-06-10T11:30:00.000Z',
    reason,
  ]);
  const facts = page.locator('dl.facts');
  const fact = async (term: string) =>
    plain(await facts.locator('dt', { hasText: term }).locator('+ dd').innerText());
  expect(await fact('Причина загрузки')).toBe(reason);
  // Shown in the browser's time zone, as every time of the app.
  const received = await page.evaluate(
    (iso) =>
      new Intl.DateTimeFormat('ru-RU', {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso)),
    view.receivedAt!,
  );
  expect(await fact('Получен')).toBe(`${received} (архивный файл: срок сдачи судят по этому времени)`);
  await page.screenshot({ path: join(SCREENSHOTS, '9b-committee-upload-page.png'), fullPage: true });
});
