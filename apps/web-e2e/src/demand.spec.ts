import {
  formatPercent,
  type AreaGapView,
  type DemandView,
  type LaborDemandVersionView,
  type ProfessionMappingView,
} from '@profmonitor/domain';
import { join } from 'node:path';
import { SCREENSHOTS } from './support/browser';
import { demoApp } from './support/demo-app';
import { apiGet, DEMO_ACCOUNTS, logIn } from './support/session';

// The employment center's page on the demo data, signed in as `czn`: the city's gap between
// graduates' choices and vacancies, then the region's. What the page shows is checked against
// GET /api/demand; screenshots go to test-output/e2e/.

const PERIOD = '2024/2025';
/** Text as a person reads it: no-break spaces are spaces. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
const number = (n: number | null) =>
  n === null ? 'нет данных' : plain(new Intl.NumberFormat('ru-RU').format(n));
const index = (value: number | null) => (value === null ? 'нет данных' : value.toFixed(2).replace('.', ','));
/** A gap as the page prints it: percentage points, one decimal, a typographic minus. */
function points(gap: number): string {
  const shown = Math.round(gap * 1000) / 10;
  const text = Math.abs(shown).toFixed(1).replace('.', ',');
  return `${shown > 0 ? '+' : shown < 0 ? '\u2212' : ''}${text} п.п.`;
}

const app = demoApp();

const api = <T>(path: string): Promise<T> => apiGet<T>(app.page, `${app.server.url}${path}`);
const demandOf = (territory?: string) =>
  api<DemandView>(
    `/api/demand?period=${encodeURIComponent(PERIOD)}${territory ? `&territory=${encodeURIComponent(territory)}` : ''}`,
  );

/** The page's row of an area: its cells as text, the area's name first. */
async function rowOf(area: AreaGapView): Promise<string[]> {
  const row = app.page
    .getByRole('region', { name: 'Выбор выпускников и вакансии по областям', exact: true })
    .locator(`tr[data-area="${area.area}"]`);
  return (await row.locator('th, td').allInnerTexts()).map(plain);
}

/** What the page must show for an area: the API's numbers, formatted. */
const expectedRow = (area: AreaGapView) => [
  area.name,
  points(area.gap!),
  formatPercent(area.graduatesShare),
  formatPercent(area.vacanciesShare),
  number(area.graduates),
  number(area.vacancies),
];

async function expectDemandShown(demand: DemandView) {
  await app.page
    .getByTestId('mismatch')
    .filter({ hasText: index(demand.mismatch) })
    .waitFor();
  expect(demand.mismatch).not.toBeNull();
  // The largest gap (the table's first row), the largest surplus and the largest deficit.
  for (const area of [demand.areas[0], demand.surplus!, demand.deficit!]) {
    const cells = await rowOf(area);
    // The area, its gap, (its marks,) the shares and the counts.
    expect([cells[0], cells[1], ...cells.slice(3)]).toEqual(expectedRow(area));
  }
  const extremes = plain(await app.page.getByLabel('Наибольшие расхождения').innerText());
  expect(extremes).toContain(
    `Больше всего выпускников сверх потребности — ${demand.surplus!.name}: ${formatPercent(demand.surplus!.graduatesShare)} выбора против ${formatPercent(demand.surplus!.vacanciesShare)} вакансий.`,
  );
  expect(extremes).toContain(`Сильнее всего не хватает выпускников — ${demand.deficit!.name}:`);
  await app.page.locator('figure canvas').first().waitFor();
}

it('the employment center lands on the demo city’s gap between choices and vacancies', async () => {
  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.employment);
  expect(new URL(app.page.url()).pathname).toBe('/demand');
  await app.page
    .getByRole('heading', { name: 'Потребность в кадрах и выбор выпускников', level: 1 })
    .waitFor();

  const city = await demandOf();
  expect(city.territory).toBe('Город');
  expect(city.territories).toEqual(['Город', 'Регион']);
  await expectDemandShown(city);
  expect(plain(await app.page.locator('.demand-summary').innerText())).toContain('против вакансий города');
  // The share staying in the city, as the indicator has it.
  const stayLocal = await api<{ period: string; value: number | null }[]>(
    '/api/indicators?indicator=stay_local&org=municipal',
  );
  expect(plain(await app.page.getByTestId('stay_local').innerText())).toBe(
    formatPercent(stayLocal.find((v) => v.period === PERIOD)!.value),
  );
  // The workbooks in force, and the way to send a new one.
  const versions = app.page.getByRole('region', { name: 'Книги потребности в кадрах', exact: true });
  await versions.locator('tbody tr').first().waitFor();
  const books = await api<LaborDemandVersionView[]>(
    `/api/demand/versions?period=${encodeURIComponent(PERIOD)}`,
  );
  expect(await versions.locator('tbody tr').count()).toBe(books.length);
  await app.page.getByLabel('Файл: Потребность в кадрах (вакансии)').waitFor({ state: 'attached' });

  await app.page.screenshot({ path: join(SCREENSHOTS, '10-demand-city.png'), fullPage: true });
});

it('switches to the region’s vacancies', async () => {
  await app.page.locator('.segmented__option', { hasText: 'Регион' }).click();
  await app.page.waitForURL((url) => url.searchParams.get('territory') === 'Регион');
  const region = await demandOf('Регион');
  expect(region.territory).toBe('Регион');
  await expectDemandShown(region);
  expect(plain(await app.page.locator('.demand-summary').innerText())).toContain('против вакансий региона');

  await app.page.screenshot({ path: join(SCREENSHOTS, '11-demand-region.png'), fullPage: true });
});

it('on a tablet (768 px) the gap and its marks are in view without scrolling the table', async () => {
  await app.page.setViewportSize({ width: 768, height: 1024 });
  try {
    await app.page.goto(`${app.server.url}/demand?period=${encodeURIComponent(PERIOD)}`);
    await app.page.getByTestId('mismatch').waitFor();
    const table = app.page.getByRole('region', {
      name: 'Выбор выпускников и вакансии по областям',
      exact: true,
    });
    for (const header of ['Область', 'Расхождение', 'Отметки']) {
      const box = await table.getByRole('columnheader', { name: header }).boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(768);
    }
    // The caption reads whole within the table's box, not cut at its right edge.
    const [wrap, caption] = await Promise.all([table.boundingBox(), table.locator('caption').boundingBox()]);
    expect(caption!.x + caption!.width).toBeLessThanOrEqual(wrap!.x + wrap!.width);
    expect(await table.locator('caption').evaluate((c) => c.scrollWidth <= c.clientWidth)).toBe(true);
  } finally {
    await app.page.setViewportSize({ width: 1280, height: 900 });
  }
});

it('the committee also sees the in-demand list and the profession mapping', async () => {
  await app.page.getByRole('button', { name: 'Выйти' }).click();
  await app.page.waitForURL(/\/login$/);
  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.committee);
  await app.page.goto(`${app.server.url}/demand?period=${encodeURIComponent(PERIOD)}`);

  const city = await demandOf();
  const editor = app.page.getByRole('region', { name: `Востребованные области за ${PERIOD}` });
  await editor.getByRole('checkbox').first().waitFor();
  const checked = await editor.getByRole('checkbox', { checked: true }).count();
  expect(checked).toBe(city.areas.filter((a) => a.inDemand).length);

  const mapping = await api<ProfessionMappingView[]>('/api/professions');
  const table = app.page.getByRole('region', { name: 'Строки справочника профессий', exact: true });
  await table.locator('tbody tr').first().waitFor();
  expect(await table.locator('tbody tr').count()).toBe(mapping.length);

  await app.page.screenshot({ path: join(SCREENSHOTS, '12-demand-committee.png'), fullPage: true });
});
