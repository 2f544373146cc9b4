import {
  formatPercent,
  INDICATORS,
  type IndicatorValueView,
  type OrganizationView,
  type ProfminimumView,
} from '@profmonitor/domain';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { readDocx, type Docx } from '../../api/test/support/docx';
import { SCREENSHOTS } from './support/browser';
import { demoApp } from './support/demo-app';
import { apiGet, DEMO_ACCOUNTS, logIn } from './support/session';

// The committee's analytic report (issue 15, item 1) as the committee gets it: downloaded from
// the overview of the demo's last period, it must hold what the dashboard shows — every
// indicator's value and status, the schools below the target by name — with at least five
// charts, the career guidance minimum (issue 16) and the management cycle's texts, and open in
// LibreOffice (converted to PDF, its pages saved as test-output/e2e/annual-report-*.png) where
// LibreOffice Writer is installed.

const PERIOD = '2024/2025';
const query = `period=${encodeURIComponent(PERIOD)}`;
/** Text as a person reads it: no-break spaces are spaces. */
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
const ANALYSIS = 'Охват ниже цели: школы, отстающие второй год, получили адресные рекомендации.';
const DECISION = 'Включить профессиональные пробы в муниципальный план на следующий год';

const app = demoApp();
const api = <T>(path: string): Promise<T> => apiGet<T>(app.page, `${app.server.url}${path}`);

async function send(method: 'put' | 'post', path: string, data: object, status: number) {
  const response = await app.page.request[method](`${app.server.url}${path}`, { data });
  if (response.status() !== status) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
}

let report: Docx;
let fileName: string;
let docxPath: string;
/** What the overview shows per indicator: the tile's value and text. */
const tiles = new Map<string, { value: string; text: string }>();

beforeAll(async () => {
  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.committee);
  await send('put', `/api/cycle/analyses/coverage_8_11?${query}`, { text: ANALYSIS }, 200);
  await send(
    'post',
    '/api/cycle/decisions',
    { period: PERIOD, text: DECISION, date: '2025-06-20', basis: 'Анализ охвата за 2024/2025' },
    201,
  );

  await app.page.goto(`${app.server.url}/overview?${query}`);
  await app.page.getByRole('heading', { name: `Обзор за ${PERIOD} учебный год` }).waitFor();
  await app.page.locator('a.tile').first().waitFor();
  for (const definition of INDICATORS) {
    const tile = app.page.locator(`a.tile[href*="/indicators/${definition.id}"]`);
    if ((await tile.count()) === 0) continue;
    tiles.set(definition.id, {
      value: plain(await tile.locator('.tile__value').innerText()),
      text: plain(await tile.innerText()),
    });
  }
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByRole('button', { name: 'Аналитическая справка (Word)' }).click(),
  ]);
  fileName = download.suggestedFilename();
  docxPath = join(SCREENSHOTS, 'annual-report.docx');
  await download.saveAs(docxPath);
  report = await readDocx(docxPath);
});

it('is the period’s Word document, named after the level and the period', () => {
  expect(fileName).toMatch(/^Аналитическая справка .+ 2024-2025\.docx$/);
  expect(report.lines[1]).toBe('Аналитическая справка о результатах мониторинга профориентационной работы');
  expect(report.lines[2]).toBe(`за ${PERIOD} учебный год`);
});

it('holds every indicator’s value and status as the overview shows them', () => {
  expect(tiles.size).toBeGreaterThanOrEqual(5);
  const lines = report.lines.map(plain);
  for (const definition of INDICATORS) {
    const tile = tiles.get(definition.id);
    if (!tile) continue;
    // Its table by organization ends with the level's row: value, target, status, change.
    const heading = lines.indexOf(definition.name);
    expect({ indicator: definition.id, heading: heading > 0 }).toEqual({
      indicator: definition.id,
      heading: true,
    });
    const total = lines
      .slice(heading)
      .find((line) => line.startsWith('Итого: '))!
      .split(' | ');
    expect({ indicator: definition.id, value: total[1] }).toEqual({
      indicator: definition.id,
      value: tile.value,
    });
    if (total[3] !== '—') expect(tile.text).toContain(total[3]);
    // And the summary's sentence says the same value.
    const sentence = lines.find((line) => line.startsWith(definition.name) && line !== definition.name);
    expect({ indicator: definition.id, sentence }).toEqual({
      indicator: definition.id,
      sentence: expect.stringContaining(tile.value),
    });
  }
});

it('names the schools below the coverage target, as the API judges them', async () => {
  const values = await api<IndicatorValueView[]>(`/api/indicators?${query}&indicator=coverage_8_11`);
  const names = new Map(
    (await api<OrganizationView[]>('/api/organizations')).map((o) => [o.code, o.name] as const),
  );
  const lagging = values.filter((v) => v.org !== null && v.period === PERIOD && v.status === 'не достигнуто');
  expect(lagging.length).toBeGreaterThan(0);
  const coverage = INDICATORS.find((d) => d.id === 'coverage_8_11')!.name;
  const sentence = plain(report.lines.find((line) => line.startsWith(`${coverage} составил`))!);
  expect(sentence).toContain(`ниже цели ${lagging.length} из`);
  for (const v of lagging) expect(sentence).toContain(names.get(v.org!)!);
  expect(sentence).toContain(formatPercent(values.find((v) => v.org === null)!.value));
});

it('holds at least five charts as PNG pictures placed in the text', () => {
  const pngs = [...report.media.values()].filter((data) => data.subarray(1, 4).toString() === 'PNG');
  expect(pngs.length).toBeGreaterThanOrEqual(5);
  expect((report.xml.match(/<w:drawing>/g) ?? []).length).toBeGreaterThanOrEqual(5);
  expect(report.lines.filter((line) => /^Рисунок \d+\./.test(line)).length).toBeGreaterThanOrEqual(5);
});

it('holds the career guidance minimum: who sent the sheet and the schools at the basic level, as the API has them', async () => {
  const view = await api<ProfminimumView>(`/api/profminimum?${query}`);
  const lines = report.lines.map(plain);
  const at = lines.indexOf('8. Профориентационный минимум');
  expect(at).toBeGreaterThan(0);
  const reported = view.schools.filter((s) => s.reported).length;
  expect(lines[at + 1]).toContain(`сдали ${reported} из ${view.schools.length} школ`);
  const basic = view.schools.filter((s) => s.basicOnly);
  expect(basic.length).toBeGreaterThan(0);
  const sentence = lines.slice(at).find((line) => line.startsWith('Только на базовом уровне'))!;
  for (const school of basic) expect(sentence).toContain(plain(school.name));
});

it('holds the management cycle’s texts, numbered after the career guidance minimum', () => {
  expect(report.lines).toContain('9. Анализ, рекомендации и управленческие решения');
  expect(report.lines).toContain(ANALYSIS);
  expect(report.lines).toContain(`${DECISION} | 20.06.2025 | Анализ охвата за 2024/2025`);
});

it('opens in LibreOffice: converted to PDF, its pages saved as pictures', () => {
  // Debian's LibreOffice without its Writer package cannot open a .docx: the XML checks above stand.
  if (!existsSync('/usr/lib/libreoffice/program/libswlo.so')) {
    console.log('LibreOffice Writer is not installed: the report is checked by its XML only');
    return;
  }
  const out = join(SCREENSHOTS, 'annual-report-pdf');
  mkdirSync(out, { recursive: true });
  const profile = `file://${join(out, 'profile')}`;
  const convert = spawnSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docxPath],
    { encoding: 'utf8', timeout: 150_000 },
  );
  expect(convert.status).toBe(0);
  const pdf = join(out, 'annual-report.pdf');
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  if (text.status === 0) {
    expect(plain(text.stdout)).toContain(tiles.get('coverage_8_11')!.value);
    expect(plain(text.stdout)).toContain(ANALYSIS.slice(0, 40));
  }
  const pages = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '8', pdf, join(out, 'page')]);
  if (pages.status === 0)
    for (const file of readdirSync(out).filter((f) => /^page-\d+\.png$/.test(f)))
      renameSync(join(out, file), join(SCREENSHOTS, `annual-report-${file}`));
});
