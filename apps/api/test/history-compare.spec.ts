import type { SheetCompareView, SheetVersionView } from '@profmonitor/domain';
import {
  continuing,
  GRADUATE_HEADERS,
  PARTNER_HEADERS,
  REGISTRY,
  schoolWorkbook,
  title,
} from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { writeXlsx, type SheetsData } from './support/xlsx';

/**
 * GET /api/history/compare over real HTTP: two uploads of SCH01's report that differ in a few
 * graduates (one added, one removed, one changed and moved down a row) and in a partner; what
 * the comparison answers, the indicators that moved, and the refusals in Russian.
 */
jest.setTimeout(30_000);
const ctx = new HttpTestContext();
let school: Awaited<ReturnType<HttpTestContext['signIn']>>;
let otherSchool: Awaited<ReturnType<HttpTestContext['signIn']>>;
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;
let history: SheetVersionView[];
let n = 0;

// The fixture's A1 (9 → 10 класс), A2 (11 → ВУЗ, Регион), A3 (9 → СПО, Город, not conscious), and A4.
const first = [...schoolWorkbook().Выпускники!.slice(1), continuing({ 'Код выпускника': 'A4' })];
// A3 left, A5 came, A2 changed its mind and moved from row 3 to row 4; A1 and A4 as they were.
const second = [
  first[0],
  first[3],
  continuing({ 'Код выпускника': 'A2', Территория: 'Город', 'Осознанный выбор': 'Нет' }),
  continuing({ 'Код выпускника': 'A5', 'Осознанный выбор': 'Нет' }),
];
const partner = (name: string) => [name, 'Предприятие', '12', '01.09.2022', null, 'профпробы'];

async function upload(agent: typeof school, sheets: SheetsData) {
  const path = ctx.path(`compare-${++n}.xlsx`);
  await writeXlsx(path, sheets);
  await agent.post('/api/uploads').attach('file', path).expect(201);
}

const version = (sheet: string, v: number) => history.find((h) => h.sheet === sheet && h.version === v)!;
const compare = (agent: typeof school, query: Record<string, string | number>) =>
  agent
    .get('/api/history/compare')
    .query({ org: 'SCH01', period: '2023/2024', sheet: 'graduates', ...query });

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  school = await ctx.signIn('school', 'SCH01');
  otherSchool = await ctx.signIn('school', 'SCH02');
  committee = await ctx.signIn('committee');
  await upload(
    school,
    schoolWorkbook({
      Выпускники: [GRADUATE_HEADERS, ...first],
      Партнёры: [PARTNER_HEADERS, partner('Завод «Прогресс»')],
    }),
  );
  await upload(
    school,
    schoolWorkbook({
      Выпускники: [GRADUATE_HEADERS, ...second],
      Партнёры: [PARTNER_HEADERS, partner('Завод «Прогресс-М»')],
    }),
  );
  await upload(otherSchool, schoolWorkbook({ Титул: title('SCH02') }));
  history = (await school.get('/api/history').query({ org: 'SCH01', period: '2023/2024' }).expect(200)).body;
});
afterAll(() => ctx.stop());

describe('GET /api/history/compare', () => {
  it('history gives each version its id', () => {
    expect(version('graduates', 1).id).toEqual(expect.any(Number));
    expect(version('graduates', 2).id).not.toBe(version('graduates', 1).id);
  });

  it('graduates keyed by «Код выпускника»: added, removed, changed cells with rows on both sides', async () => {
    const { body } = (await compare(school, {
      from: version('graduates', 1).id,
      to: version('graduates', 2).id,
    }).expect(200)) as { body: SheetCompareView };
    expect(body).toMatchObject({
      sheet: 'graduates',
      sheetName: 'Выпускники',
      from: { version: 1 },
      to: { version: 2 },
      keyColumn: 'Код выпускника',
    });
    expect(body.columns).toEqual(GRADUATE_HEADERS);
    expect(body.added).toEqual([
      expect.objectContaining({
        excelRow: 5,
        key: 'A5',
        cells: expect.objectContaining({ Направление: 'ВУЗ' }),
      }),
    ]);
    expect(body.removed).toEqual([
      expect.objectContaining({
        excelRow: 4,
        key: 'A3',
        cells: expect.objectContaining({ Направление: 'СПО' }),
      }),
    ]);
    expect(body.changed).toEqual([
      {
        key: 'A2',
        fromRow: 3,
        toRow: 4,
        changes: [
          { column: 'Территория', before: 'Регион', after: 'Город' },
          { column: 'Осознанный выбор', before: true, after: false },
        ],
      },
    ]);
  });

  it('the indicators this change moved, from each version’s rows (by hand: see the data above)', async () => {
    const { body } = await compare(committee, {
      from: version('graduates', 1).id,
      to: version('graduates', 2).id,
    }).expect(200);
    const moved = Object.fromEntries(
      (body as SheetCompareView).indicators.map((i) => [i.indicator, [i.before, i.after]]),
    );
    // Осознанный выбор: A1, A2, A4 of 4 → A1, A4 of 4. 9th graders into 10th: A1 of A1, A3 → A1 of A1.
    // Staying in the city (Город of СПО/ВУЗ/Работа): A3 of 3 → A2 of 3: the same, so not listed.
    expect(moved).toEqual({ conscious_choice: [0.75, 0.5], grade9_to_10: [0.5, 1] });
    expect(body.indicators[0]).toMatchObject({
      name: 'Доля выпускников 9 и 11 классов, осознанно выбравших профессию',
      kind: 'ratio',
    });
  });

  it('a sheet without a key column (Партнёры): rows matched by content, so only added and removed', async () => {
    const { body } = await compare(school, {
      sheet: 'partners',
      from: version('partners', 1).id,
      to: version('partners', 2).id,
    }).expect(200);
    expect(body.keyColumn).toBeNull();
    expect(body.changed).toEqual([]);
    expect(body.removed.map((r: { cells: Record<string, unknown> }) => r.cells['Партнёр'])).toEqual([
      'Завод «Прогресс»',
    ]);
    expect(body.added).toHaveLength(1);
    expect(body.indicators).toEqual([]);
  });

  it('a version of another organization reads as not found, in Russian', async () => {
    const [other] = (
      await committee.get('/api/history').query({ org: 'SCH02', period: '2023/2024' }).expect(200)
    ).body.filter((v: SheetVersionView) => v.sheet === 'graduates');
    const response = await compare(committee, { from: other.id, to: version('graduates', 2).id }).expect(404);
    expect(response.body).toMatchObject({ code: 'version_not_found' });
    expect(response.body.message).toMatch(/^Версии листа с номером \d+ у организации SCH01 нет/);
    await compare(committee, { from: 987654, to: version('graduates', 2).id }).expect(404);
  });

  it('a version of another sheet is a 400 naming both sheets', async () => {
    const response = await compare(school, {
      from: version('title', 1).id,
      to: version('graduates', 2).id,
    }).expect(400);
    expect(response.body.code).toBe('version_mismatch');
    expect(response.body.message).toContain('«Титул»');
    expect(response.body.message).toContain('«Выпускники» за 2023/2024');
  });

  it('bad parameters are refused in Russian; another school may not look', async () => {
    const badSheet = await compare(school, { sheet: 'pupils', from: 1, to: 2 }).expect(400);
    expect(String(badSheet.body.message)).toContain('Лист указывается так');
    const badId = await compare(school, { from: 'первая', to: 2 }).expect(400);
    expect(String(badId.body.message)).toContain('from — номер версии листа');
    const forbidden = await compare(otherSchool, {
      from: version('graduates', 1).id,
      to: version('graduates', 2).id,
    }).expect(403);
    expect(forbidden.body.code).toBe('organization_forbidden');
  });
});
