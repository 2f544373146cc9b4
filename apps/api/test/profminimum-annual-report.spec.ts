import {
  reportTarget,
  reportValue,
  type IndicatorValueView,
  type ProfminimumView,
} from '@profmonitor/domain';
import { writeFileSync } from 'node:fs';
import { binary } from './support/binary';
import { readDocx } from './support/docx';
import { HOME, PERIOD, pooled, profminimumSuite, WITHOUT_SHEET } from './support/profminimum';

jest.setTimeout(120_000);

/**
 * The analytic report's section «Профориентационный минимум» (.docx), on the data of
 * support/profminimum.ts (worked out by hand there): there when a school of the level sent the
 * sheet, absent when none did, later sections numbered accordingly; its numbers those of
 * GET /api/indicators and GET /api/profminimum.
 */
const { ctx, agents } = profminimumSuite();
let files = 0;

describe('GET /api/annual-report: the section «Профориентационный минимум»', () => {
  async function download(query: Record<string, string>) {
    const response = await agents.committee
      .get('/api/annual-report')
      .query(query)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const path = ctx.path(`profminimum-report-${++files}.docx`);
    writeFileSync(path, response.body as Buffer);
    return readDocx(path);
  }

  it('follows the labor demand section, the management cycle renumbered after it', async () => {
    const { lines } = await download({ period: PERIOD });
    const headings = lines.filter((line) => /^\d\. /.test(line));
    expect(headings.slice(-3)).toEqual([
      '7. Потребность рынка труда и выбор выпускников',
      '8. Профориентационный минимум',
      '9. Анализ, рекомендации и управленческие решения',
    ]);
    expect(lines.filter((line) => /^9\.\d\. /.test(line))).toEqual([
      '9.1. Анализ показателей',
      '9.2. Адресные рекомендации',
      '9.3. Мероприятия',
      '9.4. Управленческие решения',
      '9.5. Эффективность рекомендаций прошлого года',
    ]);
  });

  it('says the level’s three values as GET /api/indicators gives them, names the basic-only and missing schools', async () => {
    const { lines } = await download({ period: PERIOD });
    const from = lines.indexOf('8. Профориентационный минимум');
    const values = await pooled(agents.committee);
    const definitions = (await agents.committee.get('/api/indicators/definitions').expect(200)).body as {
      id: string;
      name: string;
    }[];
    const said = values.map((v) => {
      const name = definitions.find((d) => d.id === v.id)!.name;
      const value = reportValue(v.value, 'percent');
      return v.status
        ? `${name} — ${value} (цель ${reportTarget(v.target)}: ${v.status})`
        : `${name} — ${value}`;
    });
    expect(lines.slice(from + 1, from + 4)).toEqual([
      `Лист «Профминимум» за ${PERIOD} сдали 2 из 3 школ. ${said.join('; ')}.`,
      'Только на базовом уровне во всех классах ведут профминимум: Гимназия № 2.',
      'Лист «Профминимум» не сдали: Школа № 3.',
    ]);
    // By hand: 158/165 = 95,8 % against ≥ 100 %.
    expect(said[0]).toBe(
      'Охват обучающихся 6–11 классов профориентационным минимумом — 95,8\u00a0% (цель ≥\u00a0100\u00a0%: не достигнуто)',
    );
  });

  it('its table: each school’s grades by level and coverage as GET /api/profminimum and /api/indicators give them', async () => {
    const { lines } = await download({ period: PERIOD });
    const from = lines.indexOf('8. Профориентационный минимум');
    const view = (await agents.committee.get('/api/profminimum').query({ period: PERIOD }).expect(200))
      .body as ProfminimumView;
    const { body: values } = await agents.committee
      .get('/api/indicators')
      .query({ period: PERIOD })
      .expect(200);
    const coverageOf = (org: string) =>
      reportValue(
        (values as IndicatorValueView[]).find((v) => v.id === 'profminimum_coverage' && v.org === org)!.value,
        'percent',
      );
    const at = (org: string, level: string) =>
      view.schools
        .find((s) => s.org === org)!
        .grades.filter((g) => g.level === level)
        .map((g) => g.grade)
        .join(', ') || '—';
    const row = (org: string) =>
      [
        view.schools.find((s) => s.org === org)!.name,
        ...['Базовый', 'Основной', 'Продвинутый'].map((l) => at(org, l)),
        coverageOf(org),
      ].join(' | ');
    const [coverage] = await pooled(agents.committee);
    expect(lines.slice(from + 4, from + 9)).toEqual([
      'Школа | Базовый уровень, классы | Основной уровень, классы | Продвинутый уровень, классы | Охват',
      row('SCH02'),
      row('SCH01'),
      'Школа № 3 | — | — | — | лист не сдан',
      `Итого: ${HOME} |  |  |  | ${reportValue(coverage.value, 'percent')}`,
    ]);
    // By hand.
    expect([row('SCH02'), row('SCH01')]).toEqual([
      'Гимназия № 2 | 8, 10 | — | — | 88,9\u00a0%',
      'Школа № 1 | 6 | 7 | 9 | 98,3\u00a0%',
    ]);
  });

  it('draws the schools’ students by level, a figure numbered with the others', async () => {
    const report = await download({ period: PERIOD });
    const from = report.lines.indexOf('8. Профориентационный минимум');
    const caption = report.lines
      .slice(from)
      .find((line) => line.includes('Профминимум: обучающиеся 6–11 классов по уровням'));
    expect(caption).toMatch(
      new RegExp(
        `^Рисунок \\d+\\. Профминимум: обучающиеся 6–11 классов по уровням и не охваченные, по школам за ${PERIOD}$`,
      ),
    );
    const number = Number(/^Рисунок (\d+)\./.exec(caption!)![1]);
    const captions = report.lines.filter((line) => /^Рисунок \d+\. /.test(line));
    expect(captions.at(-1)).toBe(caption);
    expect(captions.length).toBe(number);
    expect(report.media.size).toBe(number);
  });

  it('is absent for a period no school sent the sheet for; the cycle keeps its number 8', async () => {
    const { lines } = await download({ period: WITHOUT_SHEET });
    expect(lines.some((line) => line.includes('Профориентационный минимум'))).toBe(false);
    expect(lines).toContain('8. Анализ, рекомендации и управленческие решения');
    expect(lines).toContain('8.1. Анализ показателей');
  });
});
