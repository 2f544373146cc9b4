import {
  formatPercent,
  type CycleCommentView,
  type CycleEffectivenessView,
  type CycleRecommendationView,
  type IndicatorValueView,
} from '@profmonitor/domain';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { startDemoServer, type DemoServer } from './support/demo-server';
import { apiGet, DEMO_ACCOUNTS, logIn } from './support/session';

// The management cycle's round trip through the built app (issue 15, item 3), on the demo data:
// the committee writes its analysis of coverage for 2023/2024 and a recommendation addressed to
// SCH01 and SCH02 with a due date long past; SCH01's operator signs in, finds it on the start
// page and answers; the committee sees the answer (SCH02's still missing and overdue), then on
// 2024/2025's page opens the recommendation's effectiveness, whose numbers equal the API's and
// those computed here by hand from GET /api/indicators (Σ numerators / Σ denominators of the
// addressed organizations against the others, in both periods). A comment pinned to the city's
// coverage on the indicator page reaches the school's account, as the API says it may.
// Screenshots go to test-output/e2e/cycle-*.png.

const PERIOD = '2023/2024';
const NEXT = '2024/2025';
const INDICATOR = 'coverage_8_11';
const ADDRESSED = ['SCH01', 'SCH02'];
const DUE = '2024-03-01';
const ANALYSIS = 'Охват 8–11 классов ниже цели в двух школах: профпробы проведены не во всех параллелях.';
const RECOMMENDATION =
  'Провести профпробы для всех 8–9 классов до конца марта; отчитаться о числе участников.';
const ANSWER = 'Профпробы проведены 12–20 февраля: участвовали 146 обучающихся 8–9 классов.';
const COMMENT = 'Рост охвата — результат профпроб в феврале; проверить данные школ № 2 и № 5.';

const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
const query = (period: string) => `?period=${encodeURIComponent(period)}`;

/** A change in percentage points as the page prints it: 0.062 → «+6,2 п.п.», typographic minus. */
function points(change: number): string {
  const rounded = Math.round(change * 1000) / 10;
  const text = Math.abs(rounded).toFixed(1).replace('.', ',');
  return rounded > 0 ? `+${text} п.п.` : rounded < 0 ? `\u2212${text} п.п.` : `${text} п.п.`;
}

let server: DemoServer;
let browser: Browser;
let committee: Page;
let school: Page;
let recommendationId: number;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchBrowser();
  committee = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  school = await browser.newPage({ viewport: { width: 1024, height: 900 }, locale: 'ru-RU' });
  await logIn(committee, server.url, DEMO_ACCOUNTS.committee);
  await logIn(school, server.url, DEMO_ACCOUNTS.school);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const section = (page: Page, title: string): Locator =>
  page.locator('section.card', { has: page.getByRole('heading', { name: title, exact: true }) });

async function openCycle(period: string) {
  await committee.goto(`${server.url}/cycle${query(period)}`);
  await committee.getByRole('heading', { level: 1, name: `Управленческий цикл за ${period}` }).waitFor();
}

it('the committee finds the page in its navigation and writes its analysis of an indicator', async () => {
  await committee.goto(`${server.url}/overview${query(PERIOD)}`);
  await committee
    .getByRole('navigation', { name: 'Разделы' })
    .getByRole('link', { name: 'Управленческий цикл' })
    .click();
  await committee.waitForURL((url) => url.pathname === '/cycle');
  await openCycle(PERIOD);

  const analysis = section(committee, 'Показатели и анализ комитета');
  const row = analysis.locator(`tr[data-indicator="${INDICATOR}"]`);
  // The value and status as the API gives them for the city.
  const [city] = (
    await apiGet<IndicatorValueView[]>(
      committee,
      `${server.url}/api/indicators${query(PERIOD)}&org=municipal&indicator=${INDICATOR}`,
    )
  ).filter((v) => v.org === null);
  await row.getByText(formatPercent(city!.value)).waitFor();
  expect(plain(await row.innerText())).toContain(city!.status!);

  await row.getByRole('button', { name: /Написать анализ/ }).click();
  await analysis.getByLabel('Текст анализа').fill('Первая версия анализа.');
  await analysis.getByRole('button', { name: 'Сохранить анализ' }).click();
  await analysis.getByText('Анализ сохранён.').waitFor();
  await analysis.getByLabel('Текст анализа').fill(ANALYSIS);
  await analysis.getByRole('button', { name: 'Сохранить анализ' }).click();
  await row.getByText(ANALYSIS).waitFor();
  await analysis.getByText('Версии анализа (2)').click();
  await analysis.locator('.cycle-history__list li').nth(1).getByText('Первая версия анализа.').waitFor();

  const saved = await apiGet<{ indicator: string; text: string; earlierVersions: number }[]>(
    committee,
    `${server.url}/api/cycle/analyses${query(PERIOD)}`,
  );
  expect(saved).toEqual([
    expect.objectContaining({ indicator: INDICATOR, text: ANALYSIS, earlierVersions: 1 }),
  ]);
});

it('the committee addresses a recommendation to two schools; unanswered past its due date it is overdue', async () => {
  const recommendations = section(committee, 'Адресные рекомендации');
  const form = recommendations.getByRole('form', { name: 'Новая рекомендация' });
  // Without organizations the page says what is missing, and nothing is sent.
  await form.getByLabel('Текст рекомендации').fill(RECOMMENDATION);
  await form.getByLabel('Срок исполнения').fill(DUE);
  await form.getByRole('button', { name: 'Направить рекомендацию' }).click();
  await form.getByRole('alert').getByText('Выберите хотя бы одну организацию.').waitFor();

  await form.getByLabel('Показатель').selectOption(INDICATOR);
  for (const code of ADDRESSED) await form.getByRole('checkbox', { name: new RegExp(code) }).check();
  const [response] = await Promise.all([
    committee.waitForResponse(
      (r) => r.url().endsWith('/api/cycle/recommendations') && r.request().method() === 'POST',
    ),
    form.getByRole('button', { name: 'Направить рекомендацию' }).click(),
  ]);
  expect(response.status()).toBe(201);
  recommendationId = ((await response.json()) as CycleRecommendationView).id;

  for (const org of ADDRESSED) {
    const row = recommendations.locator(`tr[data-recommendation="${recommendationId}"][data-org="${org}"]`);
    await row.getByText('ответа нет, срок прошёл').waitFor();
    expect(plain(await row.innerText())).toContain('01.03.2024');
  }
  await committee.screenshot({ path: join(SCREENSHOTS, 'cycle-committee.png'), fullPage: true });
});

it('the school finds the recommendation on its start page and answers it', async () => {
  await school.goto(`${server.url}/`);
  await school.waitForURL((url) => url.pathname === '/uploads');
  const card = school.locator(`li[data-recommendation="${recommendationId}"]`);
  await card.getByText(RECOMMENDATION).waitFor();
  expect(plain(await card.innerText())).toContain('Срок: 01.03.2024');
  // An empty answer is refused in the page, in Russian.
  await card.getByRole('button', { name: 'Отправить ответ' }).click();
  await card.getByRole('alert').getByText('Напишите, что сделано.').waitFor();

  await card.getByLabel('Что сделано').fill(ANSWER);
  await card.getByRole('button', { name: 'Отправить ответ' }).click();
  await card.getByText(/Ваш ответ от/).waitFor();
  await card.locator('.school-recommendation__answer', { hasText: ANSWER }).waitFor();
  await card.getByText('ответ дан').waitFor();
  await section(school, 'Рекомендации комитета').screenshot({ path: join(SCREENSHOTS, 'cycle-school.png') });
  await school.screenshot({ path: join(SCREENSHOTS, 'cycle-school-page.png'), fullPage: true });
});

it('the committee sees the school’s answer, the other school still overdue', async () => {
  await openCycle(PERIOD);
  const recommendations = section(committee, 'Адресные рекомендации');
  const answered = recommendations.locator(`tr[data-recommendation="${recommendationId}"][data-org="SCH01"]`);
  await answered.getByText(ANSWER).waitFor();
  expect(plain(await answered.innerText())).toContain('ответ дан');
  const silent = recommendations.locator(`tr[data-recommendation="${recommendationId}"][data-org="SCH02"]`);
  expect(plain(await silent.innerText())).toContain('ответа нет, срок прошёл');
});

it('next period, the effectiveness view shows the API’s numbers, which are those computed by hand', async () => {
  await openCycle(NEXT);
  const effectiveness = section(committee, 'Эффективность рекомендаций');
  await effectiveness.getByLabel('Рекомендация').selectOption(String(recommendationId));
  const view = effectiveness.locator(`.cycle-effectiveness[data-recommendation="${recommendationId}"]`);
  await view.getByRole('region', { name: 'Эффективность рекомендации' }).waitFor();

  const api = await apiGet<CycleEffectivenessView>(
    committee,
    `${server.url}/api/cycle/recommendations/${recommendationId}/effectiveness`,
  );
  expect(api).toMatchObject({ period: PERIOD, nextPeriod: NEXT, indicator: INDICATOR });

  // By hand: every organization's stored numerator and denominator of both periods.
  const pooled = async (period: string, inGroup: (org: string) => boolean) => {
    const values = await apiGet<IndicatorValueView[]>(
      committee,
      `${server.url}/api/indicators${query(period)}&indicator=${INDICATOR}`,
    );
    const members = values.filter(
      (v) => v.org !== null && v.numerator !== null && v.denominator !== null && inGroup(v.org),
    );
    const numerator = members.reduce((sum, v) => sum + v.numerator!, 0);
    const denominator = members.reduce((sum, v) => sum + v.denominator!, 0);
    return { organizations: members.length, numerator, denominator, value: numerator / denominator };
  };
  const addressed = (org: string) => ADDRESSED.includes(org);
  const others = (org: string) => !ADDRESSED.includes(org);
  const hand = {
    addressed: { before: await pooled(PERIOD, addressed), after: await pooled(NEXT, addressed) },
    others: { before: await pooled(PERIOD, others), after: await pooled(NEXT, others) },
  };
  for (const group of ['addressed', 'others'] as const) {
    for (const when of ['before', 'after'] as const) {
      const computed = hand[group][when];
      const given = api[group][when]!;
      expect({ ...given, value: undefined }).toEqual({ ...computed, value: undefined });
      expect(given.value).toBeCloseTo(computed.value, 12);
    }
    expect(api[group].change).toBeCloseTo(hand[group].after.value - hand[group].before.value, 12);
  }

  const table = view.getByRole('region', { name: 'Эффективность рекомендации' });
  const cells = async (group: string) =>
    (await table.locator('tbody tr', { hasText: group }).locator('th, td').allInnerTexts()).map(plain);
  const expected = (group: 'addressed' | 'others', name: string) => [
    name,
    String(hand[group].before.organizations),
    plain(formatPercent(hand[group].before.value)),
    plain(formatPercent(hand[group].after.value)),
    points(hand[group].after.value - hand[group].before.value),
  ];
  expect(await cells('Получившие рекомендацию')).toEqual(expected('addressed', 'Получившие рекомендацию'));
  expect(await cells('Остальные организации')).toEqual(expected('others', 'Остальные организации'));

  // The summary of every earlier recommendation says the same changes.
  const summary = effectiveness.getByRole('region', { name: 'Рекомендации прошлых периодов' });
  const line = summary.locator(`tr[data-recommendation="${recommendationId}"]`);
  expect((await line.locator('th, td').allInnerTexts()).map(plain).slice(2, 4)).toEqual([
    expected('addressed', '')[4],
    expected('others', '')[4],
  ]);

  const headline = plain(await view.locator('.cycle-effectiveness__headline').innerText());
  const amount = (group: 'addressed' | 'others') =>
    points(hand[group].after.value - hand[group].before.value).replace(/^[+\u2212]/, '');
  expect(headline).toContain(`получивших рекомендацию, значение`);
  expect(headline).toContain(amount('addressed'));
  expect(headline).toContain(`в остальных — `);
  expect(headline).toContain(amount('others'));
  await view.locator('canvas').first().waitFor();
  await effectiveness.screenshot({ path: join(SCREENSHOTS, 'cycle-effectiveness.png') });
});

it('a comment pinned to the city’s coverage on the indicator page reaches the school, as the API allows', async () => {
  const path = `/indicators/${INDICATOR}${query(NEXT)}`;
  await committee.goto(`${server.url}${path}`);
  const comments = section(committee, `Комментарии к значению за ${NEXT}`);
  await comments.getByText('Комментариев пока нет.').waitFor();
  await comments.getByLabel(/Комментарий к значению/).fill(COMMENT);
  await comments.getByRole('button', { name: 'Добавить комментарий' }).click();
  // In the list (the field holds the same text until the API has answered).
  await comments.locator('li[data-comment]', { hasText: COMMENT }).waitFor();

  const seen = await apiGet<CycleCommentView[]>(
    school,
    `${server.url}/api/cycle/comments${query(NEXT)}&indicator=${INDICATOR}`,
  );
  expect(seen.map((c) => c.text)).toEqual([COMMENT]);
  await school.goto(`${server.url}${path}`);
  await section(school, `Комментарии к значению за ${NEXT}`)
    .locator('li[data-comment]', { hasText: COMMENT })
    .waitFor();
});

it('on a tablet, the committee’s page with its data does not scroll sideways, nor does any table not declared wide', async () => {
  await committee.setViewportSize({ width: 768, height: 1024 });
  const found: string[] = [];
  for (const period of [PERIOD, NEXT]) {
    await openCycle(period);
    await committee.getByRole('region', { name: 'Показатели и анализ', exact: true }).waitFor();
    if (period === NEXT)
      await committee.getByRole('region', { name: 'Эффективность рекомендации', exact: true }).waitFor();
    else
      await committee
        .getByRole('region', { name: 'Рекомендации и ответы организаций', exact: true })
        .waitFor();
    found.push(
      ...(
        await committee.evaluate(() => {
          const problems: string[] = [];
          const page = document.documentElement;
          if (page.scrollWidth > page.clientWidth) problems.push(`the page: ${page.scrollWidth} px`);
          for (const wrap of Array.from(
            document.querySelectorAll<HTMLElement>('.table-wrap:not(.table-wrap--wide)'),
          ))
            if (wrap.scrollWidth > wrap.clientWidth + 1)
              problems.push(
                `«${wrap.getAttribute('aria-label')}»: ${wrap.scrollWidth} px in ${wrap.clientWidth} px`,
              );
          return problems;
        })
      ).map((problem) => `${period}: ${problem}`),
    );
    if (period === NEXT)
      await committee.screenshot({ path: join(SCREENSHOTS, 'cycle-committee-tablet.png'), fullPage: true });
  }
  await committee.setViewportSize({ width: 1280, height: 900 });
  expect(found).toEqual([]);
});

it('a school cannot open the committee’s page', async () => {
  await school.goto(`${server.url}/cycle${query(PERIOD)}`);
  await school.getByRole('heading', { name: 'Нет доступа' }).waitFor();
  expect(plain(await school.locator('main').innerText())).toContain(
    'Этот раздел доступен только региональному министерству и комитету образования.',
  );
});
