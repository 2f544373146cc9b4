import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { startDemoServer, type Cli, type DemoServer } from './support/demo-server';
import { reportAs } from './support/region';
import { DEMO_ACCOUNTS, logIn } from './support/session';

// A school in the reporting campaign (issue 14.4), through the built app: the demo's SCH08 has
// sent nothing for 2024/2025; the committee opens the campaign (POST /api/campaign) two days
// before its deadline, and the reminders are sent (`cli reminders send`).
// The school's operator lands on its start page and sees what is due, by when, and the
// reminder; uploads and sees «сдан»; the committee accepts (the overview shows its progress),
// and the school is told the report is locked before it tries, and its upload is refused with
// the 423's message; the committee returns it with a comment, and the school reads the comment
// and the reminder. Screenshots go to test-output/e2e/.

const PERIOD = '2024/2025';
const ORG = 'SCH08';
const SCHOOL = { login: 'sch08', password: 'sch08-campaign' };
const COMMENT = 'В листе «Выпускники» не указаны колледжи выпускников 9 классов: дополните строки.';
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A date `days` from today in the municipality's time zone (the API's default, Europe/Moscow). */
function moscowDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Moscow',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const DEADLINE = moscowDate(2);
const russianDate = (iso: string) => iso.split('-').reverse().join('.');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the school's page as it is now (as every-page.spec holds). */
async function accessibilityFindings(): Promise<string[]> {
  await school.addScriptTag({ content: AXE });
  return school.evaluate(async () => {
    type Found = { id: string; impact: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Found[] }> } }).axe;
    return (await axe.run()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  });
}

let server: DemoServer;
let browser: Browser;
let school: Page;
let committee: Page;
let cli: Cli;
let dir: string;
let report: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'profmonitor-campaign-'));
  report = join(dir, `${ORG}.xlsx`);
  await reportAs('SCH01.xlsx', ORG, report);
  server = await startDemoServer({
    prepare: async (run) => {
      cli = run;
      run(
        'user',
        'add',
        '--login',
        SCHOOL.login,
        '--password',
        SCHOOL.password,
        '--role',
        'school',
        '--org',
        ORG,
      );
    },
  });
  browser = await launchBrowser();
  school = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    locale: 'ru-RU',
    // The app's Content-Security-Policy forbids inline scripts, axe-core's injection among them.
    bypassCSP: true,
  });
  committee = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  await logIn(committee, server.url, DEMO_ACCOUNTS.committee);
  const opened = await committee.request.post(`${server.url}/api/campaign`, {
    data: { period: PERIOD, deadline: DEADLINE },
  });
  if (opened.status() !== 201)
    throw new Error(`campaign not opened: ${opened.status()} ${await opened.text()}`);
  // Two days before the deadline is within the reminder's three: SCH08 is reminded.
  cli('reminders', 'send');
  await logIn(school, server.url, SCHOOL);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const dueCard = () =>
  school.locator('section.due-card', {
    has: school.getByRole('heading', { name: `Отчёт за ${PERIOD} учебный год` }),
  });
const uploadPanel = () => school.getByRole('region', { name: 'Загрузить файл', exact: true });
const reminders = () => school.getByRole('region', { name: 'Напоминания комитета', exact: true });

/** Waits for the school's report to show a state; on a timeout, says what the page showed instead. */
async function stateShown(state: string) {
  try {
    await dueCard()
      .locator('.badge', { hasText: new RegExp(`^${state}$`) })
      .waitFor();
  } catch (error) {
    const shown = plain(await school.locator('main').innerText()).slice(0, 600);
    throw new Error(`«${state}» is not shown; the page says: ${shown}`, { cause: error });
  }
}

async function upload(): Promise<number> {
  const [response] = await Promise.all([
    school.waitForResponse((r) => r.url().includes('/api/uploads') && r.request().method() === 'POST'),
    school.getByLabel('Файл: Отчёт организации').setInputFiles(report),
  ]);
  return response.status();
}

/**
 * The school leaves its start page for another of its pages and comes back, as a person does
 * (no reload): the page must ask again what the committee may have changed meanwhile.
 */
async function returnToStartPage() {
  const nav = school.getByRole('navigation', { name: 'Разделы' });
  await nav.getByRole('link', { name: 'Моя организация' }).click();
  await school.waitForURL((url) => url.pathname.startsWith('/organizations/'));
  await nav.getByRole('link', { name: 'Загрузка отчёта' }).click();
  await school.waitForURL((url) => url.pathname === '/uploads');
}

/** The committee's decision through the API, as its campaign page sends it. */
async function review(decision: 'accept' | 'return', comment?: string) {
  const response = await committee.request.post(`${server.url}/api/reviews`, {
    data: { org: ORG, period: PERIOD, decision, comment },
  });
  if (!response.ok()) throw new Error(`review ${decision}: ${response.status()} ${await response.text()}`);
}

it('the school lands on its start page: the deadline, the days left, its report not sent, the reminder', async () => {
  expect(new URL(school.url()).pathname).toBe('/uploads');
  await dueCard().waitFor();
  const card = plain(await dueCard().innerText());
  expect(card).toContain(`Срок сдачи — ${russianDate(DEADLINE)}: осталось 2 дн.`);
  expect(await dueCard().locator('.badge', { hasText: 'не сдан' }).count()).toBe(1);
  expect(card).toMatch(/Листы отчёта: сдано 0 из \d+/);
  expect(card).toContain('Выпускники: не сдан');
  await reminders().waitFor();
  expect(await reminders().locator('li').count()).toBe(1);
  expect(plain(await reminders().innerText())).toContain(PERIOD);
  // Nothing locks the upload yet.
  expect(
    await uploadPanel()
      .getByText(/закрыт для изменений/)
      .count(),
  ).toBe(0);
  expect(await accessibilityFindings()).toEqual([]);
  await school.screenshot({ path: join(SCREENSHOTS, 'school-campaign-1-due.png'), fullPage: true });
});

it('it uploads its report: «сдан», on time, waiting for the committee, and the reminder is gone', async () => {
  expect(await upload()).toBe(201);
  await school.locator('.result-banner__title', { hasText: /^Файл принят/ }).waitFor();
  await stateShown('сдан');
  const card = plain(await dueCard().innerText());
  expect(card).toContain('сдан в срок');
  expect(card).toContain('Все листы сданы — отчёт ждёт проверки комитетом.');
  expect(card).not.toContain('не сдан');
  await reminders().waitFor({ state: 'detached' });
  await school.screenshot({ path: join(SCREENSHOTS, 'school-campaign-2-sent.png'), fullPage: true });
});

it('the committee sees the progress on its overview and accepts; the school is told before it tries, and its upload is refused', async () => {
  await committee.goto(`${server.url}/overview?period=${encodeURIComponent(PERIOD)}`);
  const progress = committee.locator('section.campaign-progress');
  await progress.waitFor();
  const text = plain(await progress.innerText());
  expect(text).toContain(`Сбор отчётов за ${PERIOD}`);
  expect(text).toContain(`Срок — ${russianDate(DEADLINE)}: осталось 2 дн.`);
  expect(text).toMatch(/Сдано \d+ из \d+ \(\d+,\d %\)/);
  expect(text).toMatch(/сдан: [1-9]/);
  expect(await progress.getByRole('link', { name: 'Открыть сбор отчётов' }).getAttribute('href')).toBe(
    `/campaign?period=${encodeURIComponent(PERIOD)}`,
  );
  await committee.screenshot({ path: join(SCREENSHOTS, 'school-campaign-3-overview.png'), fullPage: true });

  await review('accept');
  await returnToStartPage();
  await stateShown('принят');
  const card = plain(await dueCard().innerText());
  expect(card).toContain('Отчёт принят и закрыт для изменений');
  expect(card).toMatch(
    new RegExp(`Отчёт за ${PERIOD} принят комитетом \\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d \\(komitet\\)`),
  );
  expect(card).toContain('попросите комитет вернуть отчёт');
  // Beside the drop zone, before anything is sent.
  const notice = plain(await uploadPanel().locator('.upload-locks').innerText());
  expect(notice).toContain(`Отчёт за ${PERIOD} принят комитетом`);
  expect(notice).toContain('Отчёты за другие учебные годы загружаются как обычно.');
  expect(await accessibilityFindings()).toEqual([]);
  await school.screenshot({ path: join(SCREENSHOTS, 'school-campaign-4-accepted.png'), fullPage: true });

  expect(await upload()).toBe(423);
  await uploadPanel()
    .locator('.result-banner__title', { hasText: 'Отчёт уже принят комитетом: файл не загружен' })
    .waitFor();
  const why = plain(await uploadPanel().locator('.file-errors').innerText());
  expect(why).toContain('Почему файл не загружен');
  expect(why).toMatch(/принят комитетом \d\d\.\d\d\.\d{4}/);
  expect(why).toContain('komitet');
  expect(plain(await uploadPanel().innerText())).not.toContain('Исправьте ошибки');
  await school.screenshot({ path: join(SCREENSHOTS, 'school-campaign-5-refused.png'), fullPage: true });
});

it('the committee returns it with a comment: the school reads the comment, who and when, and the reminder', async () => {
  await review('return', COMMENT);
  // The returned report's reminder (at once with the comment; sending again repeats nothing).
  cli('reminders', 'send');
  // The school comes back to its tab, still open on its start page: no reload, the page asks again.
  await school.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  await stateShown('возвращён');
  const returned = dueCard().getByRole('alert');
  const text = plain(await returned.innerText());
  expect(text).toContain('Комитет вернул отчёт на доработку');
  expect(text).toContain(COMMENT);
  expect(text).toMatch(/Вернул\(а\) komitet, \d\d\.\d\d\.\d{4}, \d\d:\d\d/);
  await reminders().waitFor();
  expect(plain(await reminders().innerText())).toContain(COMMENT);
  // Returned is open again: no lock beside the upload.
  expect(await uploadPanel().locator('.upload-locks').count()).toBe(0);

  // On a tablet the page does not scroll sideways.
  await school.setViewportSize({ width: 768, height: 1024 });
  const { scrollWidth, clientWidth } = await school.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  expect(await accessibilityFindings()).toEqual([]);
  await school.screenshot({
    path: join(SCREENSHOTS, 'school-campaign-6-returned-tablet.png'),
    fullPage: true,
  });
});
