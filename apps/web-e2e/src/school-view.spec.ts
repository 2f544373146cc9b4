import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { SCREENSHOTS } from './support/browser';
import { demoApp } from './support/demo-app';
import { DEMO_ACCOUNTS, logIn } from './support/session';

// A school operator (sch01, SCH01) on the demo data: what it is offered it can open, its
// export holds what it may see, and another organization's page says so once.

const PERIOD = '2024/2025';
const query = `period=${encodeURIComponent(PERIOD)}`;
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

const app = demoApp();

beforeAll(async () => {
  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.school);
});

it('the overview speaks of the school’s own coverage and exports the city and the school', async () => {
  await app.page.goto(`${app.server.url}/overview?${query}`);
  const headline = app.page.locator('.headline__main');
  await headline.waitFor();
  expect(plain(await headline.innerText())).toMatch(
    /^Охват 8–11 классов в вашей организации: .+ По городу — /,
  );
  expect(await app.page.getByText(/Ниже цели/).count()).toBe(0);

  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByRole('button', { name: 'Выгрузить в Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('pokazateli-2024-2025.xlsx');
  const path = join(SCREENSHOTS, 'school-export.xlsx');
  await download.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const codes = workbook
    .getWorksheet('По организациям')!
    .getColumn(1)
    .values.filter((v) => v !== undefined && v !== null);
  expect(codes).toEqual(['Код', 'SCH01']);
  expect(await app.page.getByRole('alert').count()).toBe(0);
  await app.page.screenshot({ path: join(SCREENSHOTS, 'school-1-overview.png'), fullPage: true });
});

it('its organization page has no breadcrumb to the list it is not offered', async () => {
  await app.page.goto(`${app.server.url}/organizations/SCH01?${query}`);
  await app.page.getByRole('heading', { level: 1 }).waitFor();
  await app.page.locator('table').first().waitFor();
  expect(await app.page.getByRole('link', { name: 'Организации', exact: true }).count()).toBe(0);
  expect(await app.page.getByText('Не удалось загрузить').count()).toBe(0);
  await app.page.screenshot({ path: join(SCREENSHOTS, 'school-2-organization.png'), fullPage: true });
});

it('another organization’s page is one clear message, without «Повторить»', async () => {
  await app.page.goto(`${app.server.url}/organizations/SCH02?${query}`);
  const alert = app.page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.count()).toBe(1);
  expect(plain(await alert.innerText())).toContain('Страница другой организации вам недоступна.');
  expect(await app.page.getByRole('button', { name: 'Повторить' }).count()).toBe(0);
  await app.page.screenshot({ path: join(SCREENSHOTS, 'school-3-other-organization.png'), fullPage: true });
});
