import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS } from './support/browser';
import { demoApp } from './support/demo-app';
import { DEMO_ACCOUNTS, logIn } from './support/session';

// The committee's organizations table on the demo data: sorted by a number column, then
// downloaded as CSV for Russian Excel (UTF-8 with a BOM, `;`, decimal commas) in that order.

const PERIOD = '2024/2025';
/** Text as a person reads it: no-break spaces are spaces. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
/** «78,4 % достигнуто» → 0.784; a cell without a percentage → null. */
const percentOf = (text: string) => {
  const match = /(\d+(?:,\d+)?) %/.exec(text);
  return match ? Number(match[1]!.replace(',', '.')) / 100 : null;
};

const app = demoApp();

it('sorts the organizations by coverage as numbers and downloads them as CSV in that order', async () => {
  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.committee);
  await app.page.goto(`${app.server.url}/organizations?period=${encodeURIComponent(PERIOD)}`);
  const table = app.page.getByRole('region', { name: 'Организации', exact: true });
  await table.locator('tbody tr').first().waitFor();
  await table
    .getByText(/\d+,\d %/)
    .first()
    .waitFor();

  await table.getByRole('button', { name: /Охват 8–11/ }).click();
  expect(await table.getByRole('columnheader', { name: /Охват 8–11/ }).getAttribute('aria-sort')).toBe(
    'descending',
  );
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.querySelectorAll('th, td')).map((cell) => (cell as HTMLElement).innerText),
      ),
    );
  const coverages = rows.map((row) => percentOf(plain(row[2]!)));
  const known = coverages.filter((c): c is number => c !== null);
  expect(known.length).toBeGreaterThan(1);
  // Largest first, as numbers; the organizations without a value after all of them.
  expect(known).toEqual([...known].sort((a, b) => b - a));
  expect(coverages.slice(0, known.length)).toEqual(known);
  await app.page.screenshot({
    path: join(SCREENSHOTS, 'tables-organizations-by-coverage.png'),
    fullPage: true,
  });

  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByRole('button', { name: 'Скачать .csv' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Организации 2024-2025.csv');
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('Организация;Тип;Охват 8–11;Целей достигнуто;Не достигнуто');
  expect(lines).toHaveLength(rows.length + 2);
  // The first row as the page shows it: its name, type, and coverage with a decimal comma.
  const [name, type, coverage] = lines[1]!.split(';');
  expect(name).toBe(plain(rows[0]![0]!));
  expect(type).toBe(plain(rows[0]![1]!));
  expect(coverage).toBe(`${(known[0]! * 100).toFixed(1).replace('.', ',')}%`);
});
