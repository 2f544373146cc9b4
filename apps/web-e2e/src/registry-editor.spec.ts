import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS } from './support/browser';
import { demoApp } from './support/demo-app';
import { DEMO_ACCOUNTS, logIn } from './support/session';

// The registry in the interface, as the committee uses it on an organization's page: an edit
// is saved and written in the history; an edit that changes who reports in a loaded year says
// which years and waits for a confirmation (cancelled, nothing changes; confirmed, it is
// saved); «Вывести из реестра» retires an organization, which the list and the audit log then
// show. A school's own page has no editor. This file has a demo server of its own, so the
// other specs' demo data are untouched.

const PERIOD = '2024/2025';
const query = `?period=${encodeURIComponent(PERIOD)}`;
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

const app = demoApp();

beforeAll(async () => {
  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.committee);
});

/** Opens an organization's page and waits for its registry section and its history. */
async function openOrganization(page: Page, code: string): Promise<Locator> {
  await page.goto(`${app.server.url}/organizations/${code}${query}`);
  const editor = page.getByRole('region', { name: 'Реестр: данные организации' });
  await editor.waitFor();
  await editor
    .getByText(/Данные организации не менялись|Было → стало/)
    .first()
    .waitFor();
  return editor;
}

/** The rows of the history table as read: date, who, field, before → after. */
async function historyRows(editor: Locator): Promise<string[]> {
  const rows = editor.locator('table tbody tr');
  if ((await rows.count()) === 0) return [];
  return (await rows.allInnerTexts()).map(plain);
}

const field = (editor: Locator, label: string) => editor.getByLabel(label, { exact: true });

it('the committee changes a short name: the form shows it after a reload and the history says who changed what', async () => {
  let editor = await openOrganization(app.page, 'SCH03');
  expect(await historyRows(editor)).toEqual([]);
  expect(plain(await editor.innerText())).toContain(
    'Данные организации не менялись с тех пор, как она внесена в реестр.',
  );
  await field(editor, 'Краткое наименование').fill('Лицей № 3 им. Пушкина');
  await editor.getByRole('button', { name: 'Сохранить' }).click();
  await editor.getByRole('status').filter({ hasText: 'Изменения сохранены' }).waitFor();

  await app.page.reload();
  editor = await openOrganization(app.page, 'SCH03');
  expect(await field(editor, 'Краткое наименование').inputValue()).toBe('Лицей № 3 им. Пушкина');
  await expect(app.page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('МАОУ «Лицей № 3»');
  const rows = await historyRows(editor);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatch(
    /^\d\d\.\d\d\.\d{4},? \d\d:\d\d komitet Краткое наименование Лицей № 3 → Лицей № 3 им\. Пушкина$/,
  );
});

it('a later «Действует с» names the loaded years it changes; cancelled, nothing changes; confirmed, it is saved', async () => {
  const editor = await openOrganization(app.page, 'SCH04');
  const save = editor.getByRole('button', { name: 'Сохранить' });
  const question = editor.getByRole('alert');

  await field(editor, 'Действует с').fill('2023/2024');
  await save.click();
  await question.waitFor();
  const asked = plain(await question.innerText());
  expect(asked).toContain('Изменение затронет годы, отчёты за которые уже загружены. Ничего не сохранено.');
  expect(asked).toContain(
    '2022/2023: ожидается 10 организаций вместо 11 — полнота станет 100,0 % (была 100,0 %); перестают учитываться МБОУ «Средняя школа № 4» (SCH04).',
  );
  // Only the year before the new start is named: 2023/2024 and 2024/2025 expect it as before.
  expect(asked).not.toContain('2023/2024:');
  expect(asked).not.toContain('2024/2025:');
  expect(asked).toContain('подтвердите');
  await app.page.screenshot({ path: join(SCREENSHOTS, 'registry-editor-confirm.png'), fullPage: true });

  // Cancelled: the question goes, the form is back as stored, and nothing was stored.
  await question.getByRole('button', { name: 'Отменить' }).click();
  await question.waitFor({ state: 'detached' });
  expect(await field(editor, 'Действует с').inputValue()).toBe('');
  await app.page.reload();
  let reopened = await openOrganization(app.page, 'SCH04');
  expect(await field(reopened, 'Действует с').inputValue()).toBe('');
  expect(await historyRows(reopened)).toEqual([]);

  // Asked again and confirmed: saved, and the history holds the change.
  await field(reopened, 'Действует с').fill('2023/2024');
  await reopened.getByRole('button', { name: 'Сохранить' }).click();
  await reopened.getByRole('alert').getByRole('button', { name: 'Подтвердить изменение' }).click();
  await reopened.getByRole('status').filter({ hasText: 'Изменения сохранены' }).waitFor();
  expect(await reopened.getByRole('alert').count()).toBe(0);

  await app.page.reload();
  reopened = await openOrganization(app.page, 'SCH04');
  expect(await field(reopened, 'Действует с').inputValue()).toBe('2023/2024');
  const rows = await historyRows(reopened);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatch(/ komitet Действует с — → 2023\/2024$/);

  // The organization's page for the year it no longer reports in says so.
  await app.page.goto(`${app.server.url}/organizations/SCH04?period=${encodeURIComponent('2022/2023')}`);
  await app.page.getByText('Организация не отчитывается в периоде 2022/2023 (по реестру).').waitFor();
});

it('«Вывести из реестра» asks first; dismissed, nothing changes; accepted, the list and the audit log show it', async () => {
  let editor = await openOrganization(app.page, 'SCH05');
  const retire = editor.getByRole('button', { name: 'Вывести из реестра' });

  let asked = '';
  app.page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await retire.click();
  expect(asked).toBe(
    'Вывести «МБОУ «Средняя школа № 5»» из реестра? Она будет отчитываться по 2024/2025 включительно; за следующие годы её отчётов не ждут.',
  );
  await app.page.reload();
  editor = await openOrganization(app.page, 'SCH05');
  expect(await historyRows(editor)).toEqual([]);
  expect(await field(editor, 'Действует по').inputValue()).toBe('');

  app.page.once('dialog', (dialog) => void dialog.accept());
  await editor.getByRole('button', { name: 'Вывести из реестра' }).click();
  await editor.getByRole('status').filter({ hasText: 'Изменения сохранены' }).waitFor();
  expect(await editor.getByRole('button', { name: 'Вывести из реестра' }).count()).toBe(0);
  expect(await field(editor, 'Действует по').inputValue()).toBe('2024/2025');
  const rows = await historyRows(editor);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatch(/ komitet Действует по — → 2024\/2025$/);

  // The list: the retired school is marked in its last year.
  await app.page.goto(`${app.server.url}/organizations${query}`);
  const row = app.page.getByRole('row').filter({ hasText: 'МБОУ «Средняя школа № 5»' });
  await row.waitFor();
  expect(plain(await row.innerText())).toContain('отчитывается по 2024/2025');
  const other = app.page.getByRole('row').filter({ hasText: 'МБОУ «Средняя школа № 7»' });
  expect(plain(await other.innerText())).not.toContain('отчитывается по');
  // The demo's school retired after 2023/2024: in later years, not reporting.
  const earlier = app.page.getByRole('row').filter({ hasText: 'МБОУ «Основная школа № 9 пос. Заречный»' });
  expect(plain(await earlier.innerText())).toContain('не отчитывается в 2024/2025');

  // The audit log: the three changes, newest first, in words.
  await app.page.goto(`${app.server.url}/audit${query}`);
  const entries = app.page.getByRole('row').filter({ hasText: 'Изменение организации' });
  await entries.first().waitFor();
  const logged = (await entries.allInnerTexts()).map(plain);
  expect(logged).toHaveLength(3);
  expect(logged[0]).toContain('komitet');
  expect(logged[0]).toContain('SCH05');
  expect(logged[0]).toContain('Действует по: — → 2024/2025');
  expect(logged[1]).toContain('SCH04');
  expect(logged[1]).toContain('Действует с: — → 2023/2024');
  expect(logged[1]).toContain('перестают учитываться МБОУ «Средняя школа № 4» (SCH04)');
  expect(logged[2]).toContain('SCH03');
  expect(logged[2]).toContain('Краткое наименование: Лицей № 3 → Лицей № 3 им. Пушкина');
  for (const entry of logged) expect(entry).not.toMatch(/[{}"]|activeTo|shortName/);
});

it('a school operator’s own page has no registry editor', async () => {
  const context = await app.page.context().browser()!.newContext({ locale: 'ru-RU' });
  try {
    const page = await context.newPage();
    await logIn(page, app.server.url, DEMO_ACCOUNTS.school);
    await page.goto(`${app.server.url}/organizations/SCH01${query}`);
    await page.getByRole('heading', { level: 1, name: 'МБОУ «Средняя школа № 1»' }).waitFor();
    await page.locator('table').first().waitFor();
    expect(await page.getByText('Реестр: данные организации').count()).toBe(0);
    expect(await page.getByText('История изменений').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Сохранить' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Вывести из реестра' }).count()).toBe(0);
  } finally {
    await context.close();
  }
});
