import { addDays, calendarDate, type ReportStatusView } from '@profmonitor/domain';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { ROOT, startDemoServer, type Cli, type DemoServer } from './support/demo-server';
import { DEMO_ACCOUNTS, logIn } from './support/session';

// The committee's reporting campaign through the built app (issue 14), on the demo database:
//  1. A year the demo has not loaded (2025/2026): the committee opens its campaign on the page
//     with a deadline ten days ago; reports arrive through the CLI as archives keep them (before
//     the deadline, on its last minute, after it, today, one in part); the page's state, on time
//     or late and each sheet's date agree with `cli campaign status --json`, row by row.
//  2. «Кто ещё не сдал и кто опоздал?» is one click: the rows are exactly the не сдан and the late.
//  3. Ten сдан reports of 2022/2023 accepted at once through the confirmation that lists them, the
//     walk timed (the issue asks for under a minute), then one returned with a comment.
// And at a tablet's width the page does not scroll sideways; the grid does, inside its box, the
// names and the actions staying in view. Screenshots go to test-output/e2e/campaign-*.png.

const PERIOD = '2025/2026';
const ARCHIVE_PERIOD = '2022/2023';
/** The municipality's time zone (the API's default TIME_ZONE), the browser's too: dates read alike. */
const ZONE = 'Europe/Moscow';
const TODAY = calendarDate(new Date(), ZONE);
const DEADLINE = addDays(TODAY, -10);
const DEMO = join(ROOT, 'data/demo/2024-2025');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A moment of a calendar day in Moscow (+03:00 all year), as the CLI's `--received-at` takes it. */
const moscow = (date: string, time = '10:00') => `${date}T${time}:00+03:00`;

/**
 * Who sends what for 2025/2026, and when it was received (null: now, by the CLI). Two come before
 * the campaign is opened (the year exists once a report names it); the rest after.
 */
const BEFORE_OPENING = [
  { org: 'SCH01', receivedAt: moscow(addDays(DEADLINE, -5)) },
  { org: 'SCH02', receivedAt: moscow(addDays(DEADLINE, -1)) },
];
const AFTER_OPENING = [
  // The deadline day's last half hour: still on time.
  { org: 'COL01', receivedAt: moscow(DEADLINE, '23:30') },
  { org: 'SCH03', receivedAt: moscow(addDays(DEADLINE, 2)) },
  { org: 'SCH04', receivedAt: null },
  // Without «Педагоги»: сдан частично, and late for as long as it stays so.
  { org: 'SCH05', receivedAt: moscow(addDays(DEADLINE, -3)), without: 'Педагоги' },
];

const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
const dayFormat = new Intl.DateTimeFormat('ru-RU', {
  timeZone: ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
/** '2026-11-25' → «25.11.2026». */
const russianDate = (date: string) => date.split('-').reverse().join('.');

/** The demo's 2024/2025 report of an organization, as its 2025/2026 one (its Титул names the year). */
async function reportFor(org: string, dir: string, without?: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(DEMO, `${org}.xlsx`));
  workbook.getWorksheet('Титул')!.eachRow((row) => {
    if (String(row.getCell(1).value).startsWith('Учебный год')) row.getCell(2).value = PERIOD;
  });
  if (without) workbook.removeWorksheet(workbook.getWorksheet(without)!.id);
  const file = join(dir, `${org}-2025-2026.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** Sends reports through the CLI, each with the time it was received. */
async function send(
  cli: Cli,
  dir: string,
  reports: { org: string; receivedAt: string | null; without?: string }[],
): Promise<void> {
  for (const { org, receivedAt, without } of reports) {
    const file = await reportFor(org, dir, without);
    cli('import', file, ...(receivedAt ? ['--received-at', receivedAt] : []));
  }
}

let server: DemoServer;
let browser: Browser;
let cli: Cli;
let dir: string;
let page: Page;

/** `cli campaign status --period P --json`: what the page must agree with. */
const status = (period: string) =>
  JSON.parse(cli('campaign', 'status', '--period', period, '--json')) as ReportStatusView[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'profmonitor-campaign-'));
  server = await startDemoServer({
    prepare: async (run) => {
      cli = run;
      await send(run, dir, BEFORE_OPENING);
      // One of 2022/2023's eleven accepted already: ten сдан are left for the committee.
      run('review', 'accept', '--org', 'SCH10', '--period', ARCHIVE_PERIOD);
    },
  });
  browser = await launchBrowser();
  page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
    timezoneId: ZONE,
    // The app's Content-Security-Policy forbids inline scripts, axe-core's injection among them.
    bypassCSP: true,
  });
  await logIn(page, server.url, DEMO_ACCOUNTS.committee);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const campaignUrl = (period: string) => `${server.url}/campaign?period=${encodeURIComponent(period)}`;
const grid = (period: string) => page.getByRole('region', { name: `Отчёты за ${period}`, exact: true });

/** Opens the campaign page of a period and waits until its reports are shown. */
async function openCampaign(period: string): Promise<void> {
  await page.goto(campaignUrl(period), { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: `Сбор отчётов за ${period}`, level: 1 }).waitFor();
  await grid(period).locator('tbody tr').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
}

/** Each row of the grid as read: its organization code and its cells by column header. */
async function gridRows(table: Locator): Promise<Map<string, Record<string, string>>> {
  const read = await table.evaluate((wrap) => {
    const headers = Array.from(wrap.querySelectorAll('thead th')).map((th) =>
      (th as HTMLElement).innerText.replace(/[↑↓↕]/g, ''),
    );
    return Array.from(wrap.querySelectorAll('tbody tr')).map((tr) => ({
      org: tr.getAttribute('data-org') ?? '',
      cells: Array.from(tr.querySelectorAll('th, td')).map((cell) => (cell as HTMLElement).innerText),
      headers,
    }));
  });
  return new Map(
    read.map(({ org, cells, headers }) => [
      org,
      Object.fromEntries(headers.map((header, index) => [plain(header), plain(cells[index] ?? '')])),
    ]),
  );
}

/** The listed keys of a record. */
const pick = (record: Record<string, string>, keys: string[]) =>
  Object.fromEntries(keys.map((key) => [key, record[key]]));

/** What the grid's row of a report must read, from the CLI's view of it. */
function expectedRow(report: ReportStatusView): Record<string, string> {
  const row: Record<string, string> = {
    Состояние: report.state,
    Срок: report.onTime ? 'Вовремя' : report.late !== null ? `Опоздание ${report.late} дн.` : '—',
  };
  for (const sheet of report.sheets)
    row[sheet.name] = sheet.uploadedAt ? dayFormat.format(new Date(sheet.uploadedAt)) : 'нет';
  return row;
}

/** Waits until what the page shows is what is expected (it follows an action made on it). */
async function eventually<T>(read: () => Promise<T>, expected: T, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  let seen = await read();
  while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await read();
  }
  expect(seen).toEqual(expected);
}

it('the committee opens the campaign on the page; the grid agrees with `cli campaign status` row by row', async () => {
  await openCampaign(PERIOD);
  const form = page.getByRole('region', { name: `Сбор отчётов за ${PERIOD} не объявлен` });
  await form.getByLabel('Срок сдачи').fill(DEADLINE);
  await form.getByRole('button', { name: 'Объявить сбор' }).click();
  const overview = page.getByRole('region', { name: `Срок сдачи: ${russianDate(DEADLINE)}` });
  await overview.waitFor();
  expect(plain(await overview.innerText())).toContain('срок прошёл 10 дн. назад');
  await page.screenshot({ path: join(SCREENSHOTS, 'campaign-1-opened.png'), fullPage: true });

  await send(cli, dir, AFTER_OPENING);
  const reports = status(PERIOD);
  await openCampaign(PERIOD);

  // What the CLI says, organization by organization (the page's sheets named as the CLI names them).
  const byOrg = new Map(reports.map((r) => [r.org, r]));
  expect([...byOrg.values()].map((r) => [r.org, r.state, r.onTime, r.late])).toEqual(
    expect.arrayContaining([
      ['SCH01', 'сдан', true, null],
      ['SCH02', 'сдан', true, null],
      ['COL01', 'сдан', true, null],
      ['SCH03', 'сдан', false, 2],
      ['SCH04', 'сдан', false, 10],
      ['SCH05', 'сдан частично', false, 10],
    ]),
  );
  const rows = await gridRows(grid(PERIOD));
  expect([...rows.keys()].sort()).toEqual([...byOrg.keys()].sort());
  for (const report of reports) {
    const row = rows.get(report.org)!;
    const expected = expectedRow(report);
    expect({ org: report.org, ...pick(row, Object.keys(expected)) }).toEqual({
      org: report.org,
      ...expected,
    });
  }
  // A college is not asked for Охват.
  expect(rows.get('COL01')!['Охват']).toBe('—');

  // The overview's counts are the CLI's.
  const count = (state: string) => reports.filter((r) => r.state === state).length;
  const counts = overview.getByRole('list', { name: 'Отчёты по состояниям' }).getByRole('listitem');
  expect((await counts.allInnerTexts()).map(plain)).toEqual([
    `не сдан ${count('не сдан')}`,
    `сдан частично ${count('сдан частично')}`,
    `сдан ${count('сдан')}`,
    `принят ${count('принят')}`,
    `возвращён ${count('возвращён')}`,
    `вовремя ${reports.filter((r) => r.onTime).length}`,
    `с опозданием ${reports.filter((r) => r.late !== null).length}`,
  ]);
  await page.screenshot({ path: join(SCREENSHOTS, 'campaign-2-grid.png'), fullPage: true });
});

it('«кто ещё не сдал и кто опоздал?»: one click shows exactly the не сдан and the late', async () => {
  const reports = status(PERIOD);
  const wanted = reports.filter((r) => r.state === 'не сдан' || r.late !== null).map((r) => r.org);
  // Not everyone: the on-time ones are left out.
  expect(wanted.length).toBeGreaterThan(0);
  expect(wanted.length).toBeLessThan(reports.length);

  await page.getByRole('button', { name: 'Кто не сдал или опоздал?' }).click();
  await eventually(async () => [...(await gridRows(grid(PERIOD))).keys()].sort(), [...wanted].sort());
  const rows = await gridRows(grid(PERIOD));
  for (const [org, row] of rows)
    expect([org, row['Состояние'] === 'не сдан' || /^Опоздание/.test(row['Срок']!)]).toEqual([org, true]);
  await page.screenshot({ path: join(SCREENSHOTS, 'campaign-3-unsent-or-late.png'), fullPage: true });

  // The late only: those of them with a day count.
  await page.getByRole('button', { name: 'Все отчёты' }).click();
  await page.getByLabel('Только опоздавшие').check();
  await eventually(
    async () => [...(await gridRows(grid(PERIOD))).keys()].sort(),
    reports
      .filter((r) => r.late !== null)
      .map((r) => r.org)
      .sort(),
  );
  await page.getByRole('button', { name: 'Все отчёты' }).click();
});

it('on a tablet the page fits the screen: the grid scrolls in its box, names and actions in view; axe finds nothing serious', async () => {
  await page.setViewportSize({ width: 768, height: 1024 });
  try {
    await openCampaign(PERIOD);
    const fit = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      narrow: Array.from(document.querySelectorAll<HTMLElement>('.table-wrap:not(.table-wrap--wide)'))
        .filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1)
        .map((wrap) => wrap.getAttribute('aria-label')),
    }));
    expect(fit).toEqual({ page: 0, narrow: [] });
    const table = grid(PERIOD);
    const box = (await table.boundingBox())!;
    for (const scroll of ['start', 'end'] as const) {
      await table.evaluate((wrap, to) => (wrap.scrollLeft = to === 'end' ? wrap.scrollWidth : 0), scroll);
      const name = (await table.locator('tbody tr th').first().boundingBox())!;
      const actions = (await table
        .locator('tbody tr')
        .first()
        .getByRole('button', { name: /История/ })
        .boundingBox())!;
      expect({ scroll, nameAtLeft: Math.abs(name.x - box.x) < 2 }).toEqual({ scroll, nameAtLeft: true });
      expect({
        scroll,
        actionsInside: actions.x >= box.x && actions.x + actions.width <= box.x + box.width + 1,
      }).toEqual({ scroll, actionsInside: true });
    }
    await table.evaluate((wrap) => (wrap.scrollLeft = 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'campaign-7-tablet.png'), fullPage: true });

    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      type Violation = { id: string; impact: string; nodes: { target: string[] }[] };
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
      return (await axe.run()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    });
    expect(violations).toEqual([]);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

it('ten сдан reports accepted in under a minute through the confirmation listing them; one returned with a comment', async () => {
  const before = status(ARCHIVE_PERIOD);
  const ten = before.filter((r) => r.state === 'сдан' && (r.lastUpload?.warnings.length ?? 0) === 0);
  expect(ten).toHaveLength(10);

  // The walk, timed by its own steps: open the page, ask, read the list, confirm, see them принят.
  const started = Date.now();
  await openCampaign(ARCHIVE_PERIOD);
  await page.getByRole('button', { name: 'Принять все сданные без предупреждений (10)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Принять 10 отчётов?' });
  const listed = (
    await dialog
      .getByRole('list', { name: 'Отчёты, которые будут приняты' })
      .getByRole('listitem')
      .allInnerTexts()
  ).map(plain);
  expect([...listed].sort()).toEqual(ten.map((r) => `${r.name} ${r.org}`).sort());
  await page.screenshot({ path: join(SCREENSHOTS, 'campaign-4-bulk-confirm.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Принять 10' }).click();
  await page.getByText('Принято 10 отчётов.', { exact: true }).waitFor();
  await eventually(
    async () => {
      const rows = await gridRows(grid(ARCHIVE_PERIOD));
      return ten.map((r) => rows.get(r.org)?.['Состояние']);
    },
    ten.map(() => 'принят'),
  );
  const elapsed = Date.now() - started;
  console.log(`Ten reports accepted through the page in ${(elapsed / 1000).toFixed(1)} s.`);
  expect(elapsed).toBeLessThan(60_000);
  await page.screenshot({ path: join(SCREENSHOTS, 'campaign-5-accepted.png'), fullPage: true });
  expect(
    status(ARCHIVE_PERIOD)
      .filter((r) => ten.some((t) => t.org === r.org))
      .map((r) => [r.org, r.state]),
  ).toEqual(ten.map((r) => [r.org, 'принят']));

  // One of them returned: the comment is required, then it is the report's.
  const returned = ten[0]!;
  const row = grid(ARCHIVE_PERIOD).locator(`tr[data-org="${returned.org}"]`);
  await row.getByRole('button', { name: `Вернуть отчёт ${returned.name}` }).click();
  const returning = page.getByRole('dialog', { name: 'Вернуть отчёт на доработку' });
  await returning.getByRole('button', { name: 'Вернуть' }).click();
  expect(plain(await returning.getByRole('alert').innerText())).toBe(
    'Отчёт не возвращён. Напишите, что исправить: отчёт возвращается с комментарием.',
  );
  const comment = 'В листе «Выпускники» нет выпускников 9 классов.';
  await returning.getByLabel('Что исправить').fill(comment);
  await returning.getByRole('button', { name: 'Вернуть' }).click();
  await page.getByText(`Отчёт «${returned.name}» (${returned.org}) возвращён на доработку.`).waitFor();
  await eventually(
    async () => (await gridRows(grid(ARCHIVE_PERIOD))).get(returned.org)?.['Состояние'],
    'возвращён',
  );
  expect(plain(await row.innerText())).toContain(comment);
  const after = status(ARCHIVE_PERIOD).find((r) => r.org === returned.org)!;
  expect([after.state, after.review?.decision, after.review?.comment]).toEqual([
    'возвращён',
    'returned',
    comment,
  ]);
  await page.screenshot({ path: join(SCREENSHOTS, 'campaign-6-returned.png'), fullPage: true });

  // Its history: the upload, accepted, returned with the comment.
  await row.getByRole('button', { name: `История отчёта ${returned.name}` }).click();
  const history = page.getByRole('region', { name: `История отчёта ${returned.org}`, exact: true });
  await history.locator('tbody tr').first().waitFor();
  const events = (await history.locator('tbody tr').allInnerTexts()).map(plain);
  expect(events[0]).toContain('Возвращён на доработку');
  expect(events[0]).toContain(comment);
  expect(events.some((e) => e.includes('Принят комитетом'))).toBe(true);
  expect(events.at(-1)).toContain('Загрузка');
  // It fits the panel: nothing to scroll sideways for.
  expect(await history.evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: join(SCREENSHOTS, 'campaign-8-history.png'), fullPage: true });
});
