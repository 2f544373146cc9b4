import type { IndicatorValueView } from '@profmonitor/domain';
import { join } from 'node:path';
import type { Dialog } from 'playwright-core';
import { SCREENSHOTS } from './support/browser';
import { hoverUntilTooltip } from './support/chart';
import { demoApp } from './support/demo-app';
import { registryRenaming, XLSX } from './support/registry';
import { apiGet, DEMO_ACCOUNTS, logIn } from './support/session';

// An organization's name is user data: the committee's registry may call a school anything,
// markup included. Here a demo school is renamed `<img src=x onerror=alert(1)>` by uploading
// the registry through the page, and the charts that name it in their HTML tooltips (the
// indicator's bars and heatmap) must show the name as text: no element made of it, no handler
// run. This file has a demo server of its own, so the other specs' demo data are untouched.

const PERIOD = '2024/2025';
const INDICATOR = 'coverage_8_11';
const HOSTILE = '<img src=x onerror=alert(1)>';
const query = `period=${encodeURIComponent(PERIOD)}`;
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

const app = demoApp();
const dialogs: string[] = [];
const recordDialog = (dialog: Dialog) => {
  dialogs.push(dialog.message());
  void dialog.dismiss();
};

/** Elements made of the name in the page now: what an unescaped tooltip leaves there. */
const injectedImages = () => app.page.evaluate(() => document.querySelectorAll('img[src="x"]').length);

/**
 * Every such element the page ever held: a tooltip's content is replaced on the next hover,
 * so one made while the chart is searched would be gone by the time it is asked about.
 */
function watchForInjectedImages() {
  const seen: string[] = [];
  Object.assign(window, { injectedImages: seen });
  new MutationObserver((mutations) => {
    for (const node of mutations.flatMap((mutation) => Array.from(mutation.addedNodes))) {
      if (!(node instanceof Element)) continue;
      const images = [node, ...Array.from(node.querySelectorAll('img'))];
      seen.push(...images.filter((e) => e.matches('img[src="x"]')).map((image) => image.outerHTML));
    }
  }).observe(document, { childList: true, subtree: true });
}
const everInjected = () =>
  app.page.evaluate(() => (window as unknown as { injectedImages: string[] }).injectedImages);

/** The organization renamed: the best in the period, whose bar is the longest and easiest to point at. */
let renamed: string;

beforeAll(async () => {
  app.page.on('dialog', recordDialog);
  await app.page.addInitScript(watchForInjectedImages);
  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.committee);
  const values = await apiGet<IndicatorValueView[]>(
    app.page,
    `${app.server.url}/api/indicators?${query}&indicator=${INDICATOR}`,
  );
  renamed = values
    .filter((v) => v.org !== null && v.period === PERIOD && v.sheet === null && v.value !== null)
    .sort((a, b) => b.value! - a.value!)[0].org!;
});

afterAll(() => {
  app.page.off('dialog', recordDialog);
});

it('the committee renames a school with markup in its name through the registry upload', async () => {
  await app.page.goto(`${app.server.url}/uploads?${query}`);
  await app.page.getByRole('radio', { name: 'Реестр организаций' }).check();
  await app.page.getByLabel('Файл: Реестр организаций').setInputFiles({
    name: 'registry-hostile.xlsx',
    mimeType: XLSX,
    buffer: await registryRenaming(renamed, HOSTILE),
  });
  const banner = app.page.locator('.result-banner', { hasText: 'registry-hostile.xlsx' });
  await banner.waitFor();
  expect(plain(await banner.locator('.result-banner__title').innerText())).toBe('Файл принят');

  // Stored as typed: escaping is the page's business, not the registry's.
  const organizations = await apiGet<{ code: string; name: string }[]>(
    app.page,
    `${app.server.url}/api/organizations`,
  );
  expect(organizations.find((o) => o.code === renamed)?.name).toBe(HOSTILE);
});

it('the indicator’s bars and heatmap show the name in their tooltips as text', async () => {
  await app.page.goto(`${app.server.url}/indicators/${INDICATOR}?${query}`);
  const figure = (title: string) =>
    app.page.locator('figure', { has: app.page.getByRole('heading', { name: title, exact: true }) });

  for (const [title, screenshot] of [
    ['Организации', '15-tooltip-bars.png'],
    ['Организации по годам', '16-tooltip-heatmap.png'],
  ] as const) {
    const chart = figure(title).locator('.echart');
    await chart.locator('canvas').first().waitFor();
    const tooltip = await hoverUntilTooltip(app.page, chart, HOSTILE).catch(async (error: Error) => {
      // The failure as it was: the name became an element of the page, not text.
      expect(await everInjected()).toEqual([]);
      throw error;
    });
    await app.page.screenshot({ path: join(SCREENSHOTS, screenshot), fullPage: false });
    expect(plain(await tooltip.innerText())).toContain(HOSTILE);
    expect(await tooltip.locator('img').count()).toBe(0);
    expect(await injectedImages()).toBe(0);
  }
  expect(await everInjected()).toEqual([]);
  expect(dialogs).toEqual([]);
});
