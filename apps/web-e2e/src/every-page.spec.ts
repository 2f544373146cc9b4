import type { UploadView } from '@profmonitor/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { startDemoServer, type DemoServer } from './support/demo-server';
import { NORTH, REGION_ACCOUNTS } from './support/region';
import { registryRenaming, XLSX } from './support/registry';
import { apiGet, DEMO_ACCOUNTS, logIn } from './support/session';

// Every page of the app, as each role that can see it, on a desktop and a tablet screen: the
// page does not scroll sideways, nor does any table that does not declare itself wide (its key
// columns would hide), axe-core finds no serious or critical violation, and the
// browser's title names the page. The registry holds an organization whose name is 200
// characters long (the committee may call a school anything), the school's own one, so that
// every list, select and heading naming organizations meets it. This file has a demo server
// of its own, so the other specs' demo data are untouched.

const PERIOD = '2024/2025';
const INDICATOR = 'coverage_8_11';
const SCHOOL = 'SCH01';
const LONG_NAME =
  'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1 ' +
  'с углублённым изучением отдельных предметов имени Героя Советского Союза А. И. Покрышкина» городского окр.';
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [1280, 768] as const;
const query = `?period=${encodeURIComponent(PERIOD)}`;

/** The demo's accounts and a region account the CLI adds (the demo holds one municipality). */
const ACCOUNTS = { ...DEMO_ACCOUNTS, region: REGION_ACCOUNTS.region };
type Role = keyof typeof ACCOUNTS;
type Visit = { name: string; path: string };

/** What each role is offered (apps/web/src/lib/access.ts), detail pages included. */
const PAGES: Record<Role, (ids: { upload: number }) => Visit[]> = {
  // The municipalities compared (one here: no region row) and a municipality's organizations,
  // then every page of a committee.
  region: (ids) => [
    { name: 'регион', path: `/region${query}` },
    { name: 'муниципалитет', path: `/region/${encodeURIComponent(NORTH)}${query}` },
    ...PAGES.committee(ids),
  ],
  committee: ({ upload }) => [
    { name: 'обзор', path: `/overview${query}` },
    { name: 'сбор отчётов', path: `/campaign${query}` },
    { name: 'показатели', path: `/indicators${query}` },
    { name: 'показатель', path: `/indicators/${INDICATOR}${query}` },
    { name: 'управленческий цикл', path: `/cycle${query}` },
    { name: 'организации', path: `/organizations${query}` },
    { name: 'организация', path: `/organizations/${SCHOOL}${query}` },
    { name: 'выпускники', path: `/destinations${query}` },
    { name: 'профминимум', path: `/profminimum${query}` },
    { name: 'потребность в кадрах', path: `/demand${query}` },
    { name: 'загрузки', path: `/uploads${query}` },
    { name: 'загрузка', path: `/uploads/${upload}${query}` },
    { name: 'учётные записи', path: `/accounts${query}` },
    { name: 'журнал', path: `/audit${query}` },
    { name: 'пароль', path: `/password${query}` },
    { name: 'состояние системы', path: `/status${query}` },
    { name: 'нет такой страницы', path: `/no-such-page${query}` },
  ],
  school: ({ upload }) => [
    { name: 'загрузка отчёта', path: `/uploads${query}` },
    { name: 'загрузка', path: `/uploads/${upload}${query}` },
    { name: 'моя организация', path: `/organizations/${SCHOOL}${query}` },
    { name: 'обзор', path: `/overview${query}` },
    { name: 'показатели', path: `/indicators${query}` },
    { name: 'показатель', path: `/indicators/${INDICATOR}${query}` },
    { name: 'профминимум', path: `/profminimum${query}` },
    { name: 'пароль', path: `/password${query}` },
    { name: 'состояние системы', path: `/status${query}` },
  ],
  employment: ({ upload }) => [
    { name: 'потребность в кадрах', path: `/demand${query}` },
    { name: 'загрузка вакансий', path: `/uploads${query}` },
    { name: 'загрузка', path: `/uploads/${upload}${query}` },
    { name: 'обзор', path: `/overview${query}` },
    { name: 'показатели', path: `/indicators${query}` },
    { name: 'показатель', path: `/indicators/${INDICATOR}${query}` },
    { name: 'пароль', path: `/password${query}` },
    { name: 'состояние системы', path: `/status${query}` },
  ],
};

/** Opens a page and waits until its data are shown: no request under way, no skeleton left. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  try {
    await page.locator('h1').first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0, null, {
      timeout: 20_000,
    });
  } catch (error) {
    const shown = (await page.locator('body').innerText()).slice(0, 600);
    throw new Error(`${url} did not show its data: ${(error as Error).message}\nThe page reads:\n${shown}`);
  }
}

/** Rules of moderate impact held all the same: how a screen reader's user finds their way. */
const ALSO = new Set(['landmark-one-main', 'heading-order', 'page-has-heading-one']);

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/** What is wrong with the page as it is shown now, in words; empty when nothing is. */
async function findings(page: Page): Promise<string[]> {
  const found: string[] = [];
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (scrollWidth > clientWidth) {
    const wide = await page.evaluate((limit) => {
      // The outermost elements that reach past the screen's right edge: where to look.
      const past = Array.from(document.body.querySelectorAll<HTMLElement>('*')).filter(
        (e) => e.getBoundingClientRect().right > limit + 1,
      );
      return past
        .filter((e) => !past.includes(e.parentElement!))
        .slice(0, 3)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().width)} px)`,
        );
    }, clientWidth);
    found.push(`scrolls sideways: ${scrollWidth} px on a ${clientWidth} px screen, by ${wide.join(', ')}`);
  }
  // A table scrolls sideways only when it says its columns are many by nature (TableWrap's `wide`).
  const scrolling = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.table-wrap:not(.table-wrap--wide)'))
      .filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1)
      .map(
        (wrap) => `«${wrap.getAttribute('aria-label')}» (${wrap.scrollWidth} px in ${wrap.clientWidth} px)`,
      ),
  );
  for (const table of scrolling) found.push(`a table scrolls sideways: ${table}`);
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  for (const v of violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical' || ALSO.has(v.id),
  )) {
    found.push(`axe ${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  }
  return found;
}

let server: DemoServer;
let browser: Browser;
const pages = new Map<Role, Page>();
const uploads = new Map<Role, number>();

beforeAll(async () => {
  server = await startDemoServer({
    prepare: async (cli) => {
      const { login, password } = ACCOUNTS.region;
      cli('user', 'add', '--login', login, '--password', password, '--role', 'region');
    },
  });
  browser = await launchBrowser();
  for (const role of Object.keys(ACCOUNTS) as Role[]) {
    const page = await browser.newPage({
      viewport: { width: WIDTHS[0], height: 900 },
      locale: 'ru-RU',
      // The app's Content-Security-Policy forbids inline scripts, axe-core's injection among them.
      bypassCSP: true,
    });
    await logIn(page, server.url, ACCOUNTS[role]);
    pages.set(role, page);
  }
  const committee = pages.get('committee')!;
  const response = await committee.request.post(`${server.url}/api/registry`, {
    multipart: {
      file: {
        name: 'registry-long-name.xlsx',
        mimeType: XLSX,
        buffer: await registryRenaming(SCHOOL, LONG_NAME),
      },
    },
  });
  if (!response.ok()) throw new Error(`registry not accepted: ${response.status()} ${await response.text()}`);
  for (const [role, page] of pages) {
    const list = await apiGet<UploadView[]>(
      page,
      `${server.url}/api/uploads?period=${encodeURIComponent(PERIOD)}`,
    );
    const own = list.find((u) => u.outcome !== 'rejected') ?? list[0];
    if (!own) throw new Error(`The demo has no upload that ${role} sees.`);
    uploads.set(role, own.id);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('the organization is renamed with a 200-character name', async () => {
  expect(LONG_NAME).toHaveLength(200);
  const organizations = await apiGet<{ code: string; name: string }[]>(
    pages.get('committee')!,
    `${server.url}/api/organizations`,
  );
  expect(organizations.find((o) => o.code === SCHOOL)?.name).toBe(LONG_NAME);
});

describe.each(Object.keys(PAGES) as Role[])('as %s', (role) => {
  const titles = new Map<string, string>();

  it('every page fits the screen, passes axe-core and has a title of its own', async () => {
    const page = pages.get(role)!;
    const found: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const visit of PAGES[role]({ upload: uploads.get(role)! })) {
        await open(page, `${server.url}${visit.path}`);
        for (const finding of await findings(page)) found.push(`${visit.path} at ${width} px: ${finding}`);
        if (width === WIDTHS[1]) {
          await page.screenshot({
            path: join(SCREENSHOTS, `every-page-${role}-${visit.name.replace(/\s+/g, '-')}-${width}.png`),
            fullPage: true,
          });
        }
        titles.set(visit.path, await page.title());
      }
    }
    const byTitle = new Map<string, string[]>();
    for (const [path, title] of titles) byTitle.set(title, [...(byTitle.get(title) ?? []), path]);
    for (const [title, paths] of byTitle) {
      if (paths.length > 1)
        found.push(`${paths.length} pages share the title «${title}»: ${paths.join(', ')}`);
    }
    expect(found).toEqual([]);
  });
});

it('the sign-in page fits the screen, passes axe-core and has a title of its own', async () => {
  const page = await browser.newPage({ locale: 'ru-RU', bypassCSP: true });
  const found: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${server.url}/login`, { waitUntil: 'networkidle' });
    await page.locator('h1').first().waitFor();
    for (const finding of await findings(page)) found.push(`/login at ${width} px: ${finding}`);
  }
  expect(found).toEqual([]);
  expect(await page.title()).toBe('Вход · ПрофМонитор');
  await page.close();
});

it('after a wrong password the focus is on the password field, under the error', async () => {
  const page = await browser.newPage({ locale: 'ru-RU' });
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Логин').fill(DEMO_ACCOUNTS.school.login);
  await page.getByLabel('Пароль').fill('not-the-password');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('alert').waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
  expect(await page.getByLabel('Пароль').inputValue()).toBe('');
  await page.close();
});
