import {
  addDays,
  formatPercent,
  type CompletenessView,
  type CycleEffectivenessView,
  type CycleRecommendationView,
  type IndicatorDefinitionView,
  type IndicatorValueView,
} from '@profmonitor/domain';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccountsService } from '../src/accounts/accounts.service';
import { binary } from './support/binary';
import { readDocx } from './support/docx';
import { cliOn } from './support/cli';
import { HttpTestContext } from './support/http-context';
import { grad, school } from './support/indicator-workbooks';
import type { SheetsData } from './support/xlsx';
import { writeXlsx } from './support/xlsx';

/*
 * The committee's analytic report (.docx) through the real HTTP API and database. Two
 * municipalities; 2024/2025 has a campaign with the deadline D = 10.06.2025.
 *
 * Зима  Z01 Охват 18/20 = 90 %, complete on D−5          on time
 *       Z02 Охват 10/20 = 50 %, complete on D+2          late
 *       Z03 Охват 14/20 = 70 %, complete on D−1          on time
 *       Z04 Титул only                                  missing its other sheets
 *       → coverage 42/60 = 70,0 % against ≥ 80 %: not met, Z02 and Z03 below it;
 *         2023/2024: Z01 12/20 = 60 % → +10,0 п.п.
 * Саянск S01 Охват 20/20, complete on D−10.
 */
jest.setTimeout(180_000);

const P = '2024/2025';
const EARLIER = '2023/2024';
const D = '2025-06-10';
const ZIMA = 'Зима';
const SAYANSK = 'Саянск';
const NBSP = '\u00a0';

/** Four schools of Зима (Школа № 1..4 (Зима), Z01..Z04) and one of Саянск. */
const REGISTRY: (string | null)[][] = [
  ...[1, 2, 3, 4].map((n) => [`Z0${n}`, `Школа № ${n} (Зима)`, 'Школа', ZIMA, null, null]),
  ['S01', 'Школа № 1 (Саянск)', 'Школа', SAYANSK, null, null],
];
const ctx = new HttpTestContext();
let region: Awaited<ReturnType<HttpTestContext['signIn']>>;
let files = 0;

function complete(code: string, covered: number, period = P): SheetsData {
  return school({
    code,
    period,
    website: true,
    graduates: [grad('9', '10 класс'), grad('11', 'ВУЗ', 'Регион', '06')],
    coverage: [[9, 20, covered, 2]],
    teachers: [[36, '15.03.2024']],
    partners: [['01.09.2023', null]],
  });
}

async function archive(sheets: SheetsData, receivedAt: string): Promise<void> {
  const path = ctx.path(`archive-${++files}.xlsx`);
  await writeXlsx(path, sheets);
  const { body } = await region.post('/api/uploads').query({ receivedAt }).attach('file', path).expect(201);
  expect(body).toMatchObject({ outcome: 'accepted' });
}

const at = (days: number) => `${addDays(D, days)}T12:00`;

/** Downloads the report and returns its lines; the answer's headers are checked too. */
async function download(agent: typeof region, query: Record<string, string>) {
  const response = await agent.get('/api/annual-report').query(query).buffer(true).parse(binary).expect(200);
  expect(response.headers['content-type']).toMatch(/wordprocessingml\.document/);
  const path = ctx.path(`report-${++files}.docx`);
  writeFileSync(path, response.body as Buffer);
  return {
    path,
    disposition: response.headers['content-disposition'] as string,
    lines: (await readDocx(path)).lines,
  };
}

/** A value as the report prints it: a share with a no-break space before %, the index with two decimals. */
const printed = (v: IndicatorValueView) =>
  v.id === 'demand_mismatch'
    ? v.value === null
      ? 'нет данных'
      : v.value.toFixed(2).replace('.', ',')
    : formatPercent(v.value).replace(' %', `${NBSP}%`);

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  region = await ctx.signIn('region');
  await archive(complete('Z01', 12, EARLIER), '2024-06-01T10:00');
  await archive(complete('Z01', 18), at(-5));
  await archive(complete('Z02', 10), at(2));
  await archive(complete('Z03', 14), at(-1));
  await archive(school({ code: 'Z04', period: P, website: true }), at(-3));
  await archive(complete('S01', 20), at(-10));
  await region.post('/api/campaign').send({ period: P, deadline: D }).expect(201);
});
afterAll(() => ctx.stop());

describe('GET /api/annual-report', () => {
  let report: Awaited<ReturnType<typeof download>>;
  let names: Map<string, string>;

  beforeAll(async () => {
    report = await download(region, { period: P, municipality: ZIMA });
    const definitions = (await region.get('/api/indicators/definitions').expect(200))
      .body as IndicatorDefinitionView[];
    names = new Map(definitions.map((d) => [d.id, d.name]));
  });

  it('is a Word file named after the municipality and the period, with its title page', () => {
    const fileName = `Аналитическая справка ${ZIMA} 2024-2025.docx`;
    expect(report.disposition).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
    expect(report.lines.slice(0, 3)).toEqual([
      ZIMA,
      'Аналитическая справка о результатах мониторинга профориентационной работы',
      `за ${P} учебный год`,
    ]);
    expect(report.lines[3]).toMatch(/^Дата составления: \d\d\.\d\d\.\d{4}$/);
  });

  it('holds every indicator’s value and status as GET /api/indicators gives them for the municipality', async () => {
    const { body } = await region
      .get('/api/indicators')
      .query({ period: P, org: 'municipal', municipality: ZIMA })
      .expect(200);
    const { body: completeness } = (await region
      .get('/api/completeness')
      .query({ period: P, municipality: ZIMA })
      .expect(200)) as { body: CompletenessView };
    const values = body as IndicatorValueView[];
    expect(values.length).toBeGreaterThanOrEqual(16);
    for (const value of values) {
      const sheet = value.sheet && completeness.sheets.find((s) => s.sheet === value.sheet)!.name;
      const title = sheet ? `${names.get(value.id)} (лист «${sheet}»)` : names.get(value.id)!;
      const heading = report.lines.indexOf(title);
      expect({ title, found: heading >= 0 }).toEqual({ title, found: true });
      const total = report.lines.slice(heading).find((line) => line.startsWith('Итого: '))!;
      expect({ title, cells: total.split(' | ').slice(0, 4) }).toEqual({
        title,
        cells: [`Итого: ${ZIMA}`, printed(value), expect.any(String), value.status ?? '—'],
      });
      // The summary's sentence about it: its value, or «нет данных».
      const sentence = report.lines.find((line) =>
        [' ', ':', ','].some((next) => line.startsWith(title + next)),
      );
      expect({ title, sentence }).toEqual({
        title,
        sentence: expect.stringContaining(value.value === null ? 'нет данных' : printed(value)),
      });
    }
  });

  it('says in a committee’s words where coverage stands, how it moved and which schools lag', () => {
    const coverage = names.get('coverage_8_11')!;
    expect(report.lines).toContain(
      `${coverage} составил 70,0${NBSP}% при цели 80${NBSP}%; цель не достигнута; за год +10,0${NBSP}п.п.; ` +
        'ниже цели 2 из 3 школ: Школа № 2 (Зима), Школа № 3 (Зима).',
    );
    const table = report.lines.slice(report.lines.lastIndexOf(coverage) + 1);
    expect(table.slice(0, 5)).toEqual([
      'Организация | Значение | Цель | Статус | За год',
      `Школа № 1 (Зима) | 90,0${NBSP}% | ≥${NBSP}80${NBSP}% | достигнуто | +30,0${NBSP}п.п.`,
      `Школа № 2 (Зима) | 50,0${NBSP}% | ≥${NBSP}80${NBSP}% | не достигнуто | —`,
      `Школа № 3 (Зима) | 70,0${NBSP}% | ≥${NBSP}80${NBSP}% | не достигнуто | —`,
      expect.stringMatching(/^Школа № 4 \(Зима\) \| нет данных \| /),
    ]);
  });

  it('colours the statuses in its tables as the dashboard does: green met, red missed', async () => {
    const { xml } = await readDocx(report.path);
    const colours = (status: string) =>
      new Set(
        [...xml.matchAll(/<w:r>((?:(?!<\/w:r>)[\s\S])*?)<\/w:r>/g)]
          .filter(([, run]) => run.includes(`<w:t xml:space="preserve">${status}</w:t>`))
          .map(([, run]) => /<w:color w:val="([0-9A-Fa-f]{6})"\/>/.exec(run)?.[1]?.toLowerCase() ?? 'none'),
      );
    expect([...colours('достигнуто')]).toEqual(['1e7b4a']);
    expect([...colours('не достигнуто')]).toEqual(['c0362c']);
  });

  it('lists who did not send each sheet and who did not report on time', () => {
    expect(report.lines).toContain(`Охват | 3 | 4 | 75,0${NBSP}% | Школа № 4 (Зима)`);
    expect(report.lines).toContain('Срок сдачи отчётов: 10.06.2025.');
    expect(report.lines).toContain('Не сдали отчёт в срок: Школа № 2 (Зима), Школа № 4 (Зима).');
    expect(report.lines).toContain('Школа № 2 (Зима) | нет | 2 | 12.06.2025');
    expect(report.lines).toContain('Школа № 1 (Зима) | да | — | 05.06.2025');
  });

  it('converts to PDF in LibreOffice', () => {
    // Debian's LibreOffice without its Writer package (libreoffice-writer) cannot open a .docx.
    if (!existsSync('/usr/bin/soffice') || !existsSync('/usr/lib/libreoffice/program/libswlo.so')) {
      console.log(
        'LibreOffice Writer is not installed: the .docx is checked by its XML only, not converted to PDF',
      );
      return;
    }
    const out = join(ctx.dir, 'pdf');
    const profile = join(ctx.dir, 'soffice-profile');
    mkdirSync(out, { recursive: true });
    const run = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        report.path,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 0,
      stderr: expect.not.stringContaining('Error'),
    });
    const pdf = readFileSync(
      join(
        out,
        report.path
          .split('/')
          .pop()!
          .replace(/\.docx$/, '.pdf'),
      ),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('is the region’s without a municipality: pooled over every organization', async () => {
    const whole = await download(region, { period: P });
    expect(whole.lines[0]).toBe('Регион (все муниципалитеты)');
    // (42 + 20)/(60 + 20) = 77,5 %; 2023/2024: 12/20 = 60 % → +17,5 п.п.
    const coverage = whole.lines.slice(whole.lines.lastIndexOf(names.get('coverage_8_11')!));
    expect(coverage.find((line) => line.startsWith('Итого: '))).toBe(
      `Итого: Регион (все муниципалитеты) | 77,5${NBSP}% | ≥${NBSP}80${NBSP}% | не достигнуто | +17,5${NBSP}п.п.`,
    );
    expect(whole.lines).toContain('Школа № 1 (Саянск) | да | — | 31.05.2025');
  });
});

describe('the management cycle in the report', () => {
  let lines: string[];
  let effectiveness: CycleEffectivenessView;

  beforeAll(async () => {
    const level = { municipality: ZIMA };
    await region
      .put('/api/cycle/analyses/coverage_8_11')
      .query({ period: P, ...level })
      .send({ text: 'Охват ниже цели.\nОтстают школы № 2 и № 3.' })
      .expect(200);
    const earlier = (
      await region
        .post('/api/cycle/recommendations')
        .send({
          period: EARLIER,
          ...level,
          indicator: 'coverage_8_11',
          text: 'Провести пробы в 8 классах',
          due: '2024-12-01',
          orgs: ['Z01'],
        })
        .expect(201)
    ).body as CycleRecommendationView;
    const school = await ctx.signIn('school', 'Z01');
    await school
      .put(`/api/cycle/recommendations/${earlier.id}/answer`)
      .send({ text: 'Провели 12 проб' })
      .expect(200);
    await region
      .post('/api/cycle/recommendations')
      .send({
        period: P,
        ...level,
        indicator: 'coverage_8_11',
        text: 'Включить 9 классы в пробы',
        due: '2025-12-01',
        orgs: ['Z02', 'Z03'],
      })
      .expect(201);
    await region
      .post('/api/cycle/measures')
      .send({
        period: P,
        ...level,
        text: 'Неделя профессиональных проб',
        from: '2025-03-10',
        until: '2025-03-14',
        responsible: 'Методист ИМЦ',
        orgs: ['Z02'],
      })
      .expect(201);
    await region
      .post('/api/cycle/decisions')
      .send({
        period: P,
        ...level,
        text: 'Включить пробы в муниципальный план',
        date: '2025-06-20',
        basis: 'Анализ охвата за 2024/2025',
      })
      .expect(201);
    effectiveness = (await region.get(`/api/cycle/recommendations/${earlier.id}/effectiveness`).expect(200))
      .body as CycleEffectivenessView;
    ({ lines } = await download(region, { period: P, municipality: ZIMA }));
  });

  it('prints the analysis, the recommendations with the schools’ answers, measures and decisions', () => {
    const from = lines.indexOf('8. Анализ, рекомендации и управленческие решения');
    expect(from).toBeGreaterThan(0);
    expect(lines.slice(from, from + 5)).toEqual([
      '8. Анализ, рекомендации и управленческие решения',
      '8.1. Анализ показателей',
      'Охват обучающихся 8–11 классов программами профессионального самоопределения',
      'Охват ниже цели.',
      'Отстают школы № 2 и № 3.',
    ]);
    expect(lines).toContain(
      'Охват обучающихся 8–11 классов программами профессионального самоопределения | Включить 9 классы в пробы | 01.12.2025 | Школа № 2 (Зима): ответа нетШкола № 3 (Зима): ответа нет',
    );
    expect(lines).toContain(
      'Неделя профессиональных проб | 10.03.2025 — 14.03.2025 | Методист ИМЦ | Школа № 2 (Зима)',
    );
    expect(lines).toContain('Включить пробы в муниципальный план | 20.06.2025 | Анализ охвата за 2024/2025');
  });

  it('says how last year’s recommendation worked out, with the API’s effectiveness numbers', () => {
    // Z01: 12/20 = 60 % → 18/20 = 90 %; Зима's other schools reported nothing in 2023/2024.
    expect(effectiveness.addressed).toMatchObject({ before: { value: 0.6 }, after: { value: 0.9 } });
    expect(effectiveness.others.before.organizations).toBe(0);
    expect(lines).toContain(
      `Рекомендация «Провести пробы в 8 классах» по показателю «Охват обучающихся 8–11 классов программами профессионального самоопределения» (${EARLIER}, срок 01.12.2024). ` +
        `В организациях, получивших рекомендацию, значение выросло на 30,0${NBSP}п.п.; у остальных организаций данных нет. ` +
        'Ответы: Школа № 1 (Зима) — Провели 12 проб.',
    );
    expect(lines).toContain(
      `Провести пробы в 8 классах | Охват обучающихся 8–11 классов программами профессионального самоопределения | 60,0${NBSP}% → 90,0${NBSP}% (+30,0${NBSP}п.п.) | нет данных`,
    );
  });

  it('says so where the cycle holds nothing: the other municipality', async () => {
    const other = await download(region, { period: P, municipality: SAYANSK });
    for (const line of [
      'Анализ показателей за период не записан.',
      'Рекомендаций организациям за период не давалось.',
      'Мероприятия за период не записаны.',
      'Управленческие решения за период не записаны.',
      'Рекомендаций за прошлый год не давалось.',
    ])
      expect(other.lines).toContain(line);
  });
});

describe('who may download it, and bad parameters', () => {
  /** An account bound to a municipality (a committee), signed in. */
  async function bound(login: string, municipality: string) {
    const accounts = ctx.app.get(AccountsService);
    await accounts.create({ login, password: `${login}-password`, role: 'committee', municipality }, null);
    return ctx.signIn('committee', undefined, login);
  }

  it('gives a bound committee its own municipality, and refuses it another one', async () => {
    const committee = await bound('committee-zima', ZIMA);
    const own = await download(committee, { period: P });
    expect(own.lines[0]).toBe(ZIMA);
    const other = await committee
      .get('/api/annual-report')
      .query({ period: P, municipality: SAYANSK })
      .expect(403);
    expect(other.body).toMatchObject({
      code: 'municipality_forbidden',
      message:
        'Данные муниципалитета «Саянск» доступны только его комитету и региону; ваш муниципалитет — «Зима».',
    });
  });

  it('refuses a school and the employment center in Russian', async () => {
    for (const agent of [await ctx.signIn('school', 'Z01'), await ctx.signIn('employment')]) {
      const { body } = await agent.get('/api/annual-report').query({ period: P }).expect(403);
      expect(body).toMatchObject({
        code: 'role_forbidden',
        message: expect.stringMatching(/^Это действие недоступно/),
      });
    }
  });

  it('names what is wrong with the period or the municipality', async () => {
    const missing = await region.get('/api/annual-report').expect(400);
    expect(missing.body.message).toEqual(['Учебный год указывается так: 2023/2024.']);
    const malformed = await region.get('/api/annual-report').query({ period: '2024' }).expect(400);
    expect(malformed.body.message).toEqual(['Учебный год указывается так: 2023/2024.']);
    const unknown = await region.get('/api/annual-report').query({ period: '2030/2031' }).expect(404);
    expect(unknown.body).toMatchObject({
      code: 'period_not_found',
      message: 'Учебный год «2030/2031» не найден: за него ещё не загружено ни одного отчёта.',
    });
    const nowhere = await region
      .get('/api/annual-report')
      .query({ period: P, municipality: 'Нигдеград' })
      .expect(404);
    expect(nowhere.body).toMatchObject({
      code: 'municipality_not_found',
      message: 'Муниципалитета «Нигдеград» нет в реестре. В реестре: «Зима», «Саянск».',
    });
  });
});

describe('CLI report', () => {
  const cli = cliOn(() => ctx.database!.url, 90_000);

  it('writes the same report as the API gives the region', async () => {
    const out = ctx.path('cli-report.docx');
    const run = cli('report', '--period', P, '--municipality', 'зима', '--out', out);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout.trim()).toBe(`Аналитическая справка за ${P} записана в ${out}.`);
    const api = await download(region, { period: P, municipality: ZIMA });
    expect((await readDocx(out)).lines).toEqual(api.lines);
  });

  it('refuses an unknown period in Russian and writes nothing', () => {
    const out = ctx.path('never.docx');
    const run = cli('report', '--period', '2030/2031', '--out', out);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim()).toBe(
      'Учебный год «2030/2031» не найден: за него ещё не загружено ни одного отчёта.',
    );
    expect(existsSync(out)).toBe(false);
  });
});
