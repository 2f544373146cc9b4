import {
  formatPercent,
  INDICATORS,
  type ExplanationView,
  type IndicatorId,
  type OrganizationView,
  type ProfminimumView,
} from '@profmonitor/domain';
import { join } from 'node:path';
import { SCREENSHOTS } from './support/browser';
import { demoApp } from './support/demo-app';
import { expectExplanationShown, number, plain } from './support/explanation';
import { apiGet, DEMO_ACCOUNTS, logIn } from './support/session';

// The federal career guidance minimum on the demo (issue 16): what the CLI's `indicators
// --json` computes for the demo's last period is what the committee's overview shows, an
// organization without the `Профминимум` sheet has no value (named as not reporting it, never
// 0), and the Профминимум page names the schools at the basic level only as the API does.
// Screenshots under test-output/e2e/profminimum-*.png.

const PERIOD = '2024/2025';
const query = `period=${encodeURIComponent(PERIOD)}`;
const PROFMINIMUM: readonly IndicatorId[] = [
  'profminimum_coverage',
  'profminimum_above_basic',
  'future_ticket',
];
const nameOf = (id: IndicatorId) => INDICATORS.find((d) => d.id === id)!.name;

/** One value of `indicators --json` (README, CLI). */
interface CliValue {
  id: IndicatorId;
  org: string | null;
  municipality: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string | null;
}

let cliValues: CliValue[] = [];
const app = demoApp({
  // The CLI on the demo's database, as a person would run it beside the dashboard.
  prepare: async (cli) => {
    cliValues = JSON.parse(cli('indicators', '--period', PERIOD, '--json')) as CliValue[];
  },
});

/** The API as the signed-in committee sees it. */
const api = <T>(path: string): Promise<T> => apiGet<T>(app.page, `${app.server.url}${path}`);

/** The municipality's value (the demo holds one municipality: org null is its pooled value). */
const municipal = (id: IndicatorId) => {
  const value = cliValues.find((v) => v.id === id && v.org === null);
  if (!value) throw new Error(`indicators --json has no municipal value of ${id}`);
  return value;
};

beforeAll(async () => {
  await logIn(app.page, app.server.url, DEMO_ACCOUNTS.committee);
});

it('the overview shows the three профминимум tiles as `indicators --json` computes them', async () => {
  await app.page.goto(`${app.server.url}/overview?${query}`);
  await app.page.getByRole('heading', { name: `Обзор за ${PERIOD} учебный год` }).waitFor();

  for (const id of PROFMINIMUM) {
    const value = municipal(id);
    expect(value.value).not.toBeNull();
    const tile = app.page.locator(`a.tile[href*="/indicators/${id}"]`);
    expect(plain(await tile.locator('.tile__name').innerText())).toBe(nameOf(id));
    expect(plain(await tile.locator('.tile__value').innerText())).toBe(formatPercent(value.value));
    const text = plain(await tile.innerText());
    expect(text).toContain(`${number(value.numerator!)} из ${number(value.denominator!)}`);
    expect(text).toContain(value.status!);
  }
  // The demo's story: most schools cover nearly everyone, yet the city is short of 100 %.
  expect(municipal('profminimum_coverage').status).toBe('не достигнуто');
  expect(municipal('profminimum_coverage').value!).toBeGreaterThan(0.9);

  await app.page.locator('a.tile[href*="/indicators/profminimum_coverage"]').scrollIntoViewIfNeeded();
  await app.page.screenshot({ path: join(SCREENSHOTS, 'profminimum-1-overview.png'), fullPage: true });
});

it('the coverage page names the schools without the sheet, and such a school has no value, not 0', async () => {
  await app.page.locator('a.tile[href*="/indicators/profminimum_coverage"]').click();
  await app.page.getByRole('heading', { name: nameOf('profminimum_coverage'), level: 1 }).waitFor();
  const explanation = await api<ExplanationView>(`/api/indicators/profminimum_coverage/explanation?${query}`);
  const coverage = municipal('profminimum_coverage');
  expect([explanation.numerator, explanation.denominator]).toEqual([
    coverage.numerator,
    coverage.denominator,
  ]);

  const { section } = await expectExplanationShown(app.page, explanation);

  // The schools the CLI gives no value: in the demo, school 10 never sends the sheet.
  const withoutValue = cliValues
    .filter((v) => v.id === 'profminimum_coverage' && v.org !== null && v.value === null)
    .map((v) => v.org);
  expect(withoutValue).toContain('SCH10');
  const notReporting = explanation.notReporting ?? [];
  expect(notReporting.map((o) => o.code)).toEqual(expect.arrayContaining(withoutValue));
  const notice = section.locator('.notice', { hasText: 'Не сдали лист «Профминимум»' });
  const noticeText = plain(await notice.innerText());
  expect(noticeText).toContain('нет значения, не 0');
  for (const organization of notReporting) expect(noticeText).toContain(plain(organization.name));
  await app.page.screenshot({ path: join(SCREENSHOTS, 'profminimum-2-indicator.png'), fullPage: true });

  // Its own page: «нет данных» for the three indicators, never 0 %.
  const school = notReporting.find((o) => o.code === 'SCH10')!;
  await notice.getByRole('link', { name: school.name }).click();
  await app.page.getByRole('heading', { name: school.name, level: 1 }).waitFor();
  const table = app.page.getByRole('region', { name: `Показатели: ${school.name}` });
  await table.waitFor();
  for (const id of PROFMINIMUM) {
    const row = table.locator('tr', { has: app.page.getByRole('link', { name: nameOf(id), exact: true }) });
    const shown = plain(await row.locator('td').first().innerText());
    expect(shown).toContain('нет данных');
    expect(shown).not.toMatch(/\b0,0 %/);
  }
  await app.page.screenshot({ path: join(SCREENSHOTS, 'profminimum-3-school-without.png'), fullPage: true });
});

it('the Профминимум page names the schools at the basic level only as GET /api/profminimum does, and each school’s values as the CLI', async () => {
  const view = await api<ProfminimumView>(`/api/profminimum?${query}`);
  const basicOnly = view.schools.filter((s) => s.basicOnly).map((s) => s.org);
  // The demo's story: schools 4 and 7 stay at the basic level.
  expect(basicOnly).toEqual(expect.arrayContaining(['SCH04', 'SCH07']));
  const organizations = await api<OrganizationView[]>('/api/organizations');
  /** How a narrow table names a school: its short name, else its name. */
  const shown = (code: string) => {
    const organization = organizations.find((o) => o.code === code)!;
    return plain(organization.shortName ?? organization.name);
  };

  await app.page.goto(`${app.server.url}/profminimum?${query}`);
  await app.page.getByRole('heading', { name: 'Профминимум', level: 1 }).waitFor();
  // Its tiles are the overview's.
  for (const id of PROFMINIMUM) {
    const tile = app.page.locator(`a.tile[href*="/indicators/${id}"]`);
    expect(plain(await tile.locator('.tile__value').innerText())).toBe(formatPercent(municipal(id).value));
  }
  const basic = app.page.getByRole('region', { name: 'Школы, где все классы на базовом уровне' });
  await basic.locator('table').waitFor();
  const links = basic.locator('tbody tr').getByRole('link');
  const listed = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map((href) =>
    decodeURIComponent(/\/organizations\/([^/?]+)/.exec(href)?.[1] ?? href),
  );
  expect([...listed].sort()).toEqual([...basicOnly].sort());
  expect((await links.allInnerTexts()).map(plain)).toEqual(listed.map(shown));

  // Every school's three values in the page's table are what the CLI computes for it.
  const table = app.page.getByRole('region', { name: 'Профминимум по школам' });
  const rows = table.locator('tbody tr');
  // A school that sent nothing at all for the period has no value in the CLI's answer either.
  const cli = (id: IndicatorId, org: string) =>
    cliValues.find((v) => v.id === id && v.org === org)?.value ?? null;
  expect(await rows.count()).toBe(view.schools.length);
  for (const row of await rows.all()) {
    const href = (await row.getByRole('link').first().getAttribute('href')) ?? '';
    const org = decodeURIComponent(/\/organizations\/([^/?]+)/.exec(href)![1]);
    // Школа | Лист | Обучающихся 6–11 | Охват | Выше базового | «Билет в будущее»
    const cells = (await row.locator('td').allInnerTexts()).map(plain).slice(-3);
    PROFMINIMUM.forEach((id, i) => {
      const value = cli(id, org);
      expect({ org, id, shown: cells[i] }).toEqual({
        org,
        id,
        shown: value === null ? expect.not.stringMatching(/%/) : formatPercent(value),
      });
    });
  }

  await app.page.screenshot({ path: join(SCREENSHOTS, 'profminimum-4-page.png'), fullPage: true });
});
