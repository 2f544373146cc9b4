import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  formatPercent,
  indicatorById,
  INDICATORS,
  type IndicatorId,
  type IndicatorValueView,
} from '@profmonitor/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { startDemoServer, type DemoServer } from './support/demo-server';
import { NORTH, prepareRegion, REGION_ACCOUNTS, SOUTH } from './support/region';
import { apiGet, logIn } from './support/session';

// The region's pages on a database of two municipalities (the demo's and one the test adds with
// the CLI, see support/region.ts): the ministry lands on the municipalities compared, the
// region's row on top, each value as the API computes it; sorted by a column, downloaded;
// click through a municipality to its organizations and on to one; a committee bound to one
// municipality sees its own and the region only, and its overview is its municipality's. At
// 1280 and 768 px: the page never scrolls sideways, the comparison (wide by nature) scrolls
// inside its box with the names in place.

const PERIOD = '2024/2025';
const query = `?period=${encodeURIComponent(PERIOD)}`;
const WIDTHS = [1280, 768] as const;
const SOUTH_SCHOOL = { code: 'YUG01', name: 'МБОУ «Южноморская школа № 1»' };

/** A count as the tables print it: 1 042. */
const COUNT = new Intl.NumberFormat('ru-RU');

/** Text as a person reads it: no-break spaces and line breaks are spaces. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A value as the page prints it: a share `78,4 %`, the mismatch index `0,51`. */
function printed(id: IndicatorId, value: number | null): string {
  if (value === null) return 'нет данных';
  return indicatorById(id)!.kind === 'mismatch' ? value.toFixed(2).replace('.', ',') : formatPercent(value);
}

/** What a pooled level's cell of an indicator reads, from the API's values of that level. */
function expectedCell(
  values: IndicatorValueView[],
  id: IndicatorId,
): { text: string; status: string | null } {
  if (id === 'completeness') {
    const sheets = values.filter((v) => v.id === id && v.sheet !== null);
    const sent = sheets.reduce((sum, v) => sum + v.numerator!, 0);
    const expected = sheets.reduce((sum, v) => sum + v.denominator!, 0);
    // Any sheet short of its target is a miss; met only when every sheet is.
    const statuses = sheets.map((v) => v.status);
    const status = statuses.includes('не достигнуто')
      ? 'не достигнуто'
      : statuses.every((s) => s === 'достигнуто')
        ? 'достигнуто'
        : 'нет данных';
    return { text: `${printed(id, sent / expected)} сдано листов: ${sent} из ${expected}`, status };
  }
  const value = values.find((v) => v.id === id && v.sheet === null);
  return { text: printed(id, value?.value ?? null), status: value?.status ?? null };
}

/** Each row of a table region as read: its key (data-row) and its cells' text. */
async function tableRows(table: Locator): Promise<{ key: string; cells: string[] }[]> {
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.getAttribute('data-row') ?? '',
      cells: Array.from(tr.querySelectorAll('th, td')).map((cell) => (cell as HTMLElement).innerText),
    })),
  );
  return rows.map((row) => ({ key: row.key, cells: row.cells.map(plain) }));
}

/** Opens a page of the app and waits until its data are shown (no skeleton left). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
}

/** The page does not scroll sideways, nor any table but one wide by nature (which scrolls in its box). */
async function fitsTheScreen(page: Page): Promise<void> {
  const fit = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    narrow: Array.from(document.querySelectorAll<HTMLElement>('.table-wrap:not(.table-wrap--wide)'))
      .filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1)
      .map((wrap) => wrap.getAttribute('aria-label')),
  }));
  expect(fit).toEqual({ page: 0, narrow: [] });
}

/**
 * The comparison at its narrowest: scrolled to its last column, the names stay in place at the
 * left edge of its box and are read whole.
 */
async function namesStayInPlace(table: Locator): Promise<void> {
  const box = (await table.boundingBox())!;
  await table.evaluate((wrap) => (wrap.scrollLeft = wrap.scrollWidth));
  const name = (await table.locator('tbody tr th').first().boundingBox())!;
  expect(Math.abs(name.x - box.x)).toBeLessThan(2);
  expect(name.width).toBeLessThan(box.width / 2);
  await table.evaluate((wrap) => (wrap.scrollLeft = 0));
}

/** Waits until what the page shows is what is expected (it follows a choice made on it). */
async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  let seen = await read();
  while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await read();
  }
  expect(seen).toEqual(expected);
}

let server: DemoServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer({ prepare: prepareRegion });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(account: { login: string; password: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: WIDTHS[0], height: 900 }, locale: 'ru-RU' });
  await logIn(page, server.url, account);
  return page;
}

describe('the ministry', () => {
  let page: Page;
  let levels: IndicatorValueView[];
  /** A pooled level's values of the period, as the API gives them (null: the region). */
  const levelOf = (municipality: string | null) =>
    levels.filter((v) => v.org === null && v.municipality === municipality && v.period === PERIOD);
  const regionTable = () => page.getByRole('region', { name: `Муниципалитеты за ${PERIOD}` });

  beforeAll(async () => {
    page = await signedIn(REGION_ACCOUNTS.region);
    levels = await apiGet<IndicatorValueView[]>(
      page,
      `${server.url}/api/indicators${query}&org=municipalities`,
    );
  });

  it('has two municipalities and the region pooled over every organization, not their mean', () => {
    expect([...new Set(levels.map((v) => v.municipality))]).toEqual([null, NORTH, SOUTH]);
    const coverage = (m: string | null) => levelOf(m).find((v) => v.id === 'coverage_8_11')!;
    expect(coverage(null).numerator).toBe(coverage(NORTH).numerator! + coverage(SOUTH).numerator!);
    expect(coverage(null).denominator).toBe(coverage(NORTH).denominator! + coverage(SOUTH).denominator!);
  });

  it('lands on the municipalities compared: the region on top, each value and status as the API computes them', async () => {
    await page.waitForURL((url) => url.pathname === '/region');
    await open(page, `/region${query}`);
    await expect(
      page.getByRole('navigation', { name: 'Разделы' }).getByRole('link').first().innerText(),
    ).resolves.toBe('Регион');
    const rows = await tableRows(regionTable());
    expect(rows.map((row) => [row.key, row.cells[0]])).toEqual([
      ['region', 'Регион'],
      [`municipality:${NORTH}`, NORTH],
      [`municipality:${SOUTH}`, SOUTH],
    ]);
    for (const [row, municipality] of [
      [rows[0]!, null],
      [rows[1]!, NORTH],
      [rows[2]!, SOUTH],
    ] as const) {
      INDICATORS.forEach((definition, index) => {
        const { text, status } = expectedCell(levelOf(municipality), definition.id);
        const cell = row.cells[index + 1]!;
        // Without a value its status («нет данных») says so once.
        const shown = !status ? text : text === 'нет данных' ? status : `${text} ${status}`;
        expect(`${municipality ?? 'Регион'}, ${definition.id}: ${cell}`).toBe(
          `${municipality ?? 'Регион'}, ${definition.id}: ${shown}`,
        );
      });
    }
    // The statuses are the coloured badges of every other page.
    const badge = regionTable().locator('tbody tr').first().locator('td').first().locator('.badge');
    expect(await badge.getAttribute('class')).toMatch(/badge--(ok|fail|nodata)/);
    await page.screenshot({ path: join(SCREENSHOTS, 'region-overview-1280.png'), fullPage: true });
  });

  it('sorts the municipalities by a column, keeping the region on top, and downloads them in that order', async () => {
    const table = regionTable();
    const coverage = (m: string) => levelOf(m).find((v) => v.id === 'coverage_8_11')!.value!;
    const [high, low] = coverage(NORTH) >= coverage(SOUTH) ? [NORTH, SOUTH] : [SOUTH, NORTH];
    await table.getByRole('button', { name: /^Охват 8–11/ }).click();
    expect(await table.getByRole('columnheader', { name: /^Охват 8–11/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect((await tableRows(table)).map((row) => row.cells[0])).toEqual(['Регион', high, low]);
    await table.getByRole('button', { name: /^Охват 8–11/ }).click();
    expect((await tableRows(table)).map((row) => row.cells[0])).toEqual(['Регион', low, high]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать .csv' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Муниципалитеты 2024-2025.csv');
    const lines = (await readFile((await download.path())!, 'utf8')).slice(1).split('\r\n');
    expect(lines[0]!.split(';').slice(0, 4)).toEqual([
      'Муниципалитет',
      'Охват 8–11',
      'Охват 8–11: статус',
      'Пробы 8–11',
    ]);
    const csvPercent = (v: number) => `${String(Math.round(v * 1000) / 10).replace('.', ',')}%`;
    const regionCoverage = levelOf(null).find((v) => v.id === 'coverage_8_11')!;
    expect(lines.slice(1, 4).map((line) => line.split(';').slice(0, 3))).toEqual([
      ['Регион', csvPercent(regionCoverage.value!), regionCoverage.status],
      [low, csvPercent(coverage(low)), levelOf(low).find((v) => v.id === 'coverage_8_11')!.status],
      [high, csvPercent(coverage(high)), levelOf(high).find((v) => v.id === 'coverage_8_11')!.status],
    ]);
  });

  it('clicks through a municipality to its organizations, and on to one of them', async () => {
    await regionTable().getByRole('link', { name: SOUTH }).click();
    await page.waitForURL((url) => url.pathname === `/region/${encodeURIComponent(SOUTH)}`);
    await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
    expect(await page.locator('h1').innerText()).toBe(SOUTH);
    const table = page.getByRole('region', { name: `Организации: ${SOUTH}, ${PERIOD}` });
    await table.locator('tbody tr').first().waitFor();
    const own = await apiGet<IndicatorValueView[]>(
      page,
      `${server.url}/api/indicators${query}&municipality=${encodeURIComponent(SOUTH)}`,
    );
    const rows = await tableRows(table);
    expect(rows.map((row) => row.cells[0])).toEqual([
      SOUTH,
      'Регион',
      'ГБПОУ «Южноморский колледж»',
      'МБОУ «Южноморская школа № 1»',
      'МБОУ «Южноморская школа № 2»',
    ]);
    // Each school's coverage as the API computes it; a college has none («не относится»).
    for (const row of rows.slice(2)) {
      const code = row.key.replace('organization:', '');
      const coverage = own.find((v) => v.org === code && v.id === 'coverage_8_11');
      expect([code, row.cells[1]]).toEqual([
        code,
        coverage ? `${formatPercent(coverage.value)} ${coverage.status}` : 'не относится',
      ]);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'region-municipality-1280.png'), fullPage: true });

    await table.getByRole('link', { name: SOUTH_SCHOOL.name }).click();
    await page.waitForURL((url) => url.pathname === `/organizations/${SOUTH_SCHOOL.code}`);
    await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
    expect(await page.locator('h1').innerText()).toBe(SOUTH_SCHOOL.name);
    // Compared with its own municipality, not with the region; and a way back to it.
    const southCoverage = levelOf(SOUTH).find((v) => v.id === 'coverage_8_11')!;
    await page
      .getByText(`муниципалитет: ${formatPercent(southCoverage.value)}`)
      .first()
      .waitFor();
    await page.getByRole('link', { name: SOUTH }).click();
    await page.waitForURL((url) => url.pathname === `/region/${encodeURIComponent(SOUTH)}`);
  });

  it('reads an indicator at the region’s level with its municipalities compared, not every organization', async () => {
    const asked: string[] = [];
    const listen = (request: { url: () => string }) => asked.push(decodeURIComponent(request.url()));
    page.on('request', listen);
    await open(page, `/indicators/coverage_8_11${query}`);
    page.off('request', listen);
    const region = levelOf(null).find((v) => v.id === 'coverage_8_11')!;
    const summary = page.locator('.summary');
    expect(await summary.locator('.summary__label').innerText()).toBe(`Регион, ${PERIOD}`);
    expect(plain(await summary.locator('.summary__value').innerText())).toBe(formatPercent(region.value));
    expect(await page.getByRole('heading', { name: 'Динамика по региону' }).count()).toBe(1);
    // One row per municipality, each value and status as the API computes them, best first.
    const table = page.getByRole('region', { name: `Значения по муниципалитетам за ${PERIOD}` });
    await table.locator('tbody tr').first().waitFor();
    const expected = [NORTH, SOUTH]
      .map((m) => ({ m, value: levelOf(m).find((v) => v.id === 'coverage_8_11')! }))
      .sort((a, b) => b.value.value! - a.value.value!)
      .map(({ m, value }) => [
        m,
        formatPercent(value.value),
        COUNT.format(value.numerator!),
        COUNT.format(value.denominator!),
        value.status,
      ]);
    const rows = await tableRows(table);
    expect(rows.map((row) => row.cells)).toEqual(expected.map((cells) => cells.map((cell) => plain(cell!))));
    expect(await table.getByRole('link', { name: /Южноморская школа/ }).count()).toBe(0);
    // The pooled levels over the periods: never every organization of the region.
    const values = asked.filter((url) => url.includes('/api/indicators?'));
    expect(values.length).toBeGreaterThan(0);
    for (const url of values) expect(url).toContain('org=municipalities');
    await fitsTheScreen(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'region-indicator-1280.png'), fullPage: true });
  });

  it('opens a municipality’s page of the indicator: its organizations, its value beside the region’s', async () => {
    const table = page.getByRole('region', { name: `Значения по муниципалитетам за ${PERIOD}` });
    await table.getByRole('link', { name: SOUTH }).click();
    await page.waitForURL((url) => url.searchParams.get('municipality') === SOUTH);
    await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
    const own = await apiGet<IndicatorValueView[]>(
      page,
      `${server.url}/api/indicators?indicator=coverage_8_11&municipality=${encodeURIComponent(SOUTH)}`,
    );
    const south = levelOf(SOUTH).find((v) => v.id === 'coverage_8_11')!;
    const region = levelOf(null).find((v) => v.id === 'coverage_8_11')!;
    const summary = page.locator('.summary');
    await summary.locator('.summary__label').getByText(`${SOUTH}, ${PERIOD}`).waitFor();
    expect(plain(await summary.locator('.summary__value').innerText())).toBe(formatPercent(south.value));
    expect(plain(await summary.locator('.summary__region').innerText())).toBe(
      `регион: ${formatPercent(region.value)}`,
    );
    expect(await page.getByRole('heading', { name: `Динамика по муниципалитету «${SOUTH}»` }).count()).toBe(
      1,
    );
    const organizations = page.getByRole('region', { name: `Значения по организациям за ${PERIOD}` });
    await organizations.locator('tbody tr').first().waitFor();
    const registry = await apiGet<{ code: string; name: string }[]>(page, `${server.url}/api/organizations`);
    const nameOf = (code: string) => registry.find((o) => o.code === code)!.name;
    const schools = own.filter((v) => v.org !== null && v.period === PERIOD);
    expect(schools.length).toBeGreaterThan(0);
    // Each of its organizations with a value, as the API computes it.
    const rows = await tableRows(organizations);
    expect(rows.map((row) => [row.cells[0], row.cells[1]]).sort()).toEqual(
      schools.map((v) => [nameOf(v.org!), formatPercent(v.value)]).sort(),
    );
    expect(await organizations.getByRole('link', { name: /Гимназия № 2/ }).count()).toBe(0);
    // Its explanation is its own: its organizations' parts add up to its value.
    await page.getByText(`${south.numerator} / ${south.denominator} =`, { exact: false }).first().waitFor();
  });

  it('compares the demand of each municipality and of the region, as the API computes each', async () => {
    await open(page, `/demand${query}`);
    const demand = async (municipality?: string) =>
      apiGet<{ mismatch: number | null; municipality: string | null }>(
        page,
        `${server.url}/api/demand${query}${municipality ? `&municipality=${encodeURIComponent(municipality)}` : ''}`,
      );
    const mismatch = page.getByTestId('mismatch');
    const region = await demand();
    expect(region.municipality).toBeNull();
    await eventually(() => mismatch.innerText(), printed('demand_mismatch', region.mismatch));
    const select = page.getByLabel('Муниципалитет');
    expect(await select.locator('option').allInnerTexts()).toEqual(['Весь регион', NORTH, SOUTH]);
    for (const municipality of [SOUTH, NORTH]) {
      await select.selectOption(municipality);
      await page.waitForURL((url) => url.searchParams.get('municipality') === municipality);
      const own = await demand(municipality);
      expect(own.municipality).toBe(municipality);
      await eventually(() => mismatch.innerText(), printed('demand_mismatch', own.mismatch));
      expect(await page.getByLabel('Выпускники').locator('option').first().innerText()).toBe(
        `Все организации муниципалитета «${municipality}»`,
      );
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'region-demand-1280.png'), fullPage: true });
  });

  it('lists the organizations of one municipality at a time, the one it picks', async () => {
    await open(page, `/organizations${query}`);
    const registry = await apiGet<{ code: string; name: string; municipality: string }[]>(
      page,
      `${server.url}/api/organizations`,
    );
    const table = page.getByRole('region', { name: 'Организации' });
    // Each row's name as its link reads (a tag beside it says who does not report this year).
    const names = async () => table.locator('tbody tr th a').allInnerTexts();
    const of = (m: string) =>
      registry
        .filter((o) => o.municipality === m)
        .map((o) => o.name)
        .sort((a, b) => a.localeCompare(b, 'ru', { numeric: true }));
    const select = page.getByLabel('Муниципалитет');
    // The first in Russian order: the demo's.
    expect(await select.inputValue()).toBe(NORTH);
    await table.locator('tbody tr').first().waitFor();
    expect((await names()).sort((a, b) => a.localeCompare(b, 'ru', { numeric: true }))).toEqual(of(NORTH));
    await select.selectOption(SOUTH);
    await eventually(async () => (await names()).length, of(SOUTH).length);
    expect(await names()).toEqual(of(SOUTH));
    const own = await apiGet<IndicatorValueView[]>(
      page,
      `${server.url}/api/indicators${query}&municipality=${encodeURIComponent(SOUTH)}`,
    );
    const coverage = own.find((v) => v.org === SOUTH_SCHOOL.code && v.id === 'coverage_8_11')!;
    const row = (await tableRows(table)).find((r) => r.cells[0] === SOUTH_SCHOOL.name)!;
    expect(row.cells[2]).toBe(`${formatPercent(coverage.value)} ${coverage.status}`);
    // Sorted by a column, downloaded as shown: this municipality's organizations only.
    await table.getByRole('button', { name: /^Охват 8–11/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать .csv' }).click(),
    ]);
    const lines = (await readFile((await download.path())!, 'utf8')).slice(1).trim().split('\r\n');
    expect(
      lines
        .slice(1)
        .map((line) => line.split(';')[0])
        .sort(),
    ).toEqual([...of(SOUTH)].sort());
  });

  it('fits a tablet: the comparison scrolls in its box with the names in place, the page does not', async () => {
    await page.setViewportSize({ width: WIDTHS[1], height: 1000 });
    for (const path of [`/indicators/coverage_8_11${query}`, `/organizations${query}`, `/demand${query}`]) {
      await open(page, path);
      await fitsTheScreen(page);
    }
    for (const [path, name, shot] of [
      [`/region${query}`, `Муниципалитеты за ${PERIOD}`, 'region-overview-768.png'],
      [
        `/region/${encodeURIComponent(SOUTH)}${query}`,
        `Организации: ${SOUTH}, ${PERIOD}`,
        'region-municipality-768.png',
      ],
    ] as const) {
      await open(page, path);
      const table = page.getByRole('region', { name });
      await table.locator('tbody tr').first().waitFor();
      await fitsTheScreen(page);
      expect(await table.getAttribute('class')).toContain('table-wrap--wide');
      await namesStayInPlace(table);
      await page.screenshot({ path: join(SCREENSHOTS, shot), fullPage: true });
    }
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  });
});

describe('a committee bound to one municipality', () => {
  let page: Page;

  beforeAll(async () => {
    page = await signedIn(REGION_ACCOUNTS.north);
  });

  it('starts on its own municipality’s dashboard, as before the region', async () => {
    await page.waitForURL((url) => url.pathname === '/overview');
    await open(page, `/overview${query}`);
    const own = await apiGet<IndicatorValueView[]>(
      page,
      `${server.url}/api/indicators${query}&org=municipal`,
    );
    const coverage = own.find((v) => v.id === 'coverage_8_11')!;
    expect(coverage.municipality).toBe(NORTH);
    const levels = await apiGet<IndicatorValueView[]>(
      page,
      `${server.url}/api/indicators${query}&org=municipalities`,
    );
    const region = levels.find((v) => v.municipality === null && v.id === 'coverage_8_11')!;
    await page
      .getByText(
        `Охват 8–11 классов по муниципалитету «${NORTH}»: ${formatPercent(coverage.value)} при цели`,
        { exact: false },
      )
      .waitFor();
    await page.getByText(`По региону — ${formatPercent(region.value)}.`, { exact: false }).waitFor();
    // The region's value beside its own on the tile.
    const tile = page.locator('a.tile').first();
    expect(plain(await tile.innerText())).toContain(`регион: ${formatPercent(region.value)}`);
    // Its indicator pages too: its municipality's value beside the region's, its organizations only.
    await open(page, `/indicators/coverage_8_11${query}`);
    const summary = page.locator('.summary');
    expect(await summary.locator('.summary__label').innerText()).toBe(`${NORTH}, ${PERIOD}`);
    expect(plain(await summary.locator('.summary__region').innerText())).toBe(
      `регион: ${formatPercent(region.value)}`,
    );
    expect(plain(await summary.locator('.summary__value').innerText())).toBe(formatPercent(coverage.value));
    const table = page.getByRole('region', { name: `Значения по организациям за ${PERIOD}` });
    await table.getByRole('link', { name: /Гимназия № 2/ }).waitFor();
    expect(await table.getByRole('link', { name: /Южноморская/ }).count()).toBe(0);
  });

  it('sees its municipality beside the region, and no other, at 1280 and 768 px', async () => {
    const levels = await apiGet<IndicatorValueView[]>(
      page,
      `${server.url}/api/indicators${query}&org=municipalities`,
    );
    expect([...new Set(levels.map((v) => v.municipality))]).toEqual([null, NORTH]);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Регион' }).click();
      await page.waitForURL((url) => url.pathname === '/region');
      await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
      const table = page.getByRole('region', { name: `Муниципалитеты за ${PERIOD}` });
      await table.locator('tbody tr').first().waitFor();
      const rows = await tableRows(table);
      expect(rows.map((row) => row.cells[0])).toEqual(['Регион', NORTH]);
      const coverage = levels.find((v) => v.municipality === NORTH && v.id === 'coverage_8_11')!;
      expect(rows[1]!.cells[1]).toBe(`${formatPercent(coverage.value)} ${coverage.status}`);
      await fitsTheScreen(page);
      await page.screenshot({ path: join(SCREENSHOTS, `region-committee-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  });

  it('is told another municipality’s page is not its own', async () => {
    await open(page, `/region/${encodeURIComponent(SOUTH)}${query}`);
    expect(plain(await page.getByRole('alert').innerText())).toContain(
      'Страница другого муниципалитета вам недоступна.',
    );
    // Nor does the API give its figures: asked by name, they are refused in Russian.
    const south = await page.request.get(
      `${server.url}/api/indicators${query}&municipality=${encodeURIComponent(SOUTH)}`,
    );
    expect(south.status()).toBe(403);
    expect(((await south.json()) as { message: string }).message).toBe(
      `Данные муниципалитета «${SOUTH}» доступны только его комитету и региону; ваш муниципалитет — «${NORTH}».`,
    );
  });
});
