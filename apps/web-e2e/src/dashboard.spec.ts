import {
  formatPercent,
  INDICATORS,
  type ExplanationView,
  type IndicatorValueView,
} from '@profmonitor/domain';
import { join } from 'node:path';
import { SCREENSHOTS } from './support/browser';
import { demoApp } from './support/demo-app';
import { expectExplanationShown, plain } from './support/explanation';
import { apiGet, DEMO_ACCOUNTS, logIn } from './support/session';

// The committee's path through the built app on the demo data, signed in as `komitet`:
// overview → indicator → organization. What the pages show is checked against what the API
// computes, and each page is saved as a screenshot under test-output/e2e/.

const PERIOD = '2024/2025';
const query = `period=${encodeURIComponent(PERIOD)}`;

const app = demoApp();

/** The API as the signed-in committee sees it. */
const api = <T>(path: string): Promise<T> => apiGet<T>(app.page, `${app.server.url}${path}`);

beforeAll(async () => {
  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.committee);
});

it('the overview shows every municipal value as the API computes it', async () => {
  await app.page.goto(`${app.server.url}/overview?${query}`);
  await app.page.getByRole('heading', { name: `Обзор за ${PERIOD} учебный год` }).waitFor();
  const values = await api<IndicatorValueView[]>(`/api/indicators?${query}&org=municipal`);

  for (const definition of INDICATORS.filter((d) => d.kind === 'ratio')) {
    const value = values.find((v) => v.id === definition.id)!;
    const tile = app.page.locator(`a.tile[href*="/indicators/${definition.id}"]`);
    expect(plain(await tile.locator('.tile__value').innerText())).toBe(formatPercent(value.value));
    if (value.status) expect(plain(await tile.innerText())).toContain(value.status);
  }
  const mismatch = values.find((v) => v.id === 'demand_mismatch')!;
  const mismatchTile = app.page.locator('a.tile[href*="/indicators/demand_mismatch"] .tile__value');
  expect(plain(await mismatchTile.innerText())).toBe(mismatch.value!.toFixed(2).replace('.', ','));

  // The question a newcomer must answer: did the city reach 80 %, and which schools hold it back?
  const coverage = values.find((v) => v.id === 'coverage_8_11')!;
  expect(coverage.status).toBe('не достигнуто');
  const laggards = (
    await api<IndicatorValueView[]>(`/api/indicators?${query}&indicator=coverage_8_11`)
  ).filter((v) => v.org !== null && v.status === 'не достигнуто');
  const completeness = plain(await app.page.locator('#completeness').innerText());
  expect(completeness).toContain('Полнота отчётности');
  expect(laggards.length).toBeGreaterThan(0);

  await app.page.screenshot({ path: join(SCREENSHOTS, '1-overview.png'), fullPage: true });
});

it('the coverage page explains the municipal value: numerator, denominator, contributors', async () => {
  await app.page.locator('a.tile[href*="/indicators/coverage_8_11"]').click();
  const definition = INDICATORS.find((d) => d.id === 'coverage_8_11')!;
  await app.page.getByRole('heading', { name: definition.name, level: 1 }).waitFor();
  const explanation = await api<ExplanationView>(`/api/indicators/coverage_8_11/explanation?${query}`);

  await expectExplanationShown(app.page, explanation);

  await app.page.screenshot({ path: join(SCREENSHOTS, '2-indicator-coverage.png'), fullPage: true });
});

it('an organization page shows its own values, from the contributor it was reached by', async () => {
  const values = await api<IndicatorValueView[]>(`/api/indicators?${query}&indicator=coverage_8_11`);
  const lowest = values
    .filter((v) => v.org !== null && v.value !== null)
    .sort((a, b) => a.value! - b.value!)[0];
  await app.page.locator(`#explanation a[href*="/organizations/${lowest.org}"]`).first().click();

  const organizations = await api<{ code: string; name: string }[]>('/api/organizations');
  const organization = organizations.find((o) => o.code === lowest.org)!;
  await app.page.getByRole('heading', { name: organization.name, level: 1 }).waitFor();
  const own = await api<IndicatorValueView[]>(`/api/indicators?${query}&org=${lowest.org}`);
  const table = app.page.getByRole('region', { name: `Показатели: ${organization.name}` });
  await table.waitFor();
  for (const value of own.filter((v) => v.id !== 'demand_mismatch')) {
    const name = INDICATORS.find((d) => d.id === value.id)!.name;
    const row = table.locator('tr', { has: app.page.getByRole('link', { name, exact: true }) });
    // Counted per organization, one organization is «да» or «нет»; 0 of 0 counts no one there.
    const shown =
      value.denominator === 0
        ? 'не относится'
        : ['website_section', 'agreements'].includes(value.id) && value.denominator === 1
          ? value.value === 1
            ? 'да'
            : 'нет'
          : formatPercent(value.value);
    expect(plain(await row.locator('td').first().innerText())).toContain(shown);
  }

  await app.page.screenshot({ path: join(SCREENSHOTS, '3-organization.png'), fullPage: true });
});

it('works on a tablet, and shows where graduates went', async () => {
  await app.page.setViewportSize({ width: 800, height: 1100 });
  await app.page.goto(`${app.server.url}/overview?${query}`);
  await app.page.locator('a.tile').first().waitFor();
  await app.page.screenshot({ path: join(SCREENSHOTS, '4-overview-tablet.png'), fullPage: true });

  await app.page.setViewportSize({ width: 1280, height: 900 });
  await app.page.goto(`${app.server.url}/destinations?${query}`);
  await app.page.getByRole('heading', { name: 'Куда пошли выпускники', level: 1 }).waitFor();
  await app.page.locator('canvas').first().waitFor();
  await app.page.screenshot({ path: join(SCREENSHOTS, '5-destinations.png'), fullPage: true });
});

it('the overview keeps its place while its data arrive: cumulative layout shift under 0.1', async () => {
  // Every layout shift of the page's load, as Lighthouse counts them (none right after input).
  const { page } = app;
  await page.addInitScript(() => {
    const total = window as unknown as { layoutShift: number };
    total.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!entry.hadRecentInput) total.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${app.server.url}/overview?${query}`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: `Обзор за ${PERIOD} учебный год` }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
  // Charts draw on the next frames: let them.
  await page.waitForTimeout(500);
  const shift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
  expect(shift).toBeLessThan(0.1);
});
