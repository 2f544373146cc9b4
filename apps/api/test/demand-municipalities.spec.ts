import { AccountsService } from '../src/accounts/accounts.service';
import { cliOn } from './support/cli';
import { HttpTestContext } from './support/http-context';
import { grad, school, vacancies } from './support/indicator-workbooks';
import { writeXlsx, type CellInput, type SheetsData } from './support/xlsx';

jest.setTimeout(120_000);

/**
 * Labor demand in a registry of two municipalities, Зима and Саянск (reports.md, «Employment
 * center workbook»; indicators.md, «In-demand areas», «Mismatch index»), on numbers worked out
 * by hand. 2023/2024:
 *
 * Z01 (Зима): 9 → СПО Город 33; 9 → СПО Регион 06; 11 → ВУЗ Город 06; 11 → Работа Город 33;
 * 9 → 10 класс (not continuing). gₐ: 06 → 2, 33 → 2 (G = 4). Staying: 3 of 4.
 * S01 (Саянск): 9 → СПО Город 17; 11 → ВУЗ Регион 17; 11 → СПО Город 06; 11 → ВУЗ Другой регион
 * 09 (not counted in gₐ). gₐ: 17 → 2, 06 → 1 (G = 3). Staying: 2 of 4.
 * The region: 06 → 3, 33 → 2, 17 → 2 (G = 7). Staying: 5 of 8.
 *
 * Город «Зима», 01.12.2023: 33 → 6, 17 → 4 (V = 10); in demand (5 %): 17, 33.
 * Регион, 01.02.2024: 06 → 20, 33 → 14, 17 → 5, 09 → 1 (V = 40; shares .5, .35, .125, .025);
 * in demand: 06, 17, 33.
 *
 * Зима against its Город: gaps 06 +.5, 17 −.4, 33 −.1: D = ½ (.5 + .4 + .1) = 0.5.
 * Саянск, without a Город workbook, against Регион: gaps 17 2/3 − 1/8 = 13/24, 33 −.35,
 * 06 1/3 − 1/2 = −1/6, 09 −.025: D = ½ (13/24 + 8.4/24 + 4/24 + .6/24) = 13/24.
 * The region against Регион with every graduate: gaps 17 2/7 − 1/8 = 45/280, 06 3/7 − 1/2 =
 * −20/280, 33 2/7 − .35 = −18/280, 09 −7/280: D = 45/280 = 9/56.
 */
const ctx = new HttpTestContext();
const cli = cliOn(() => ctx.database!.url, 90_000);
const P = '2023/2024';
const REGISTRY: (string | null)[][] = [
  ['Z01', 'Школа № 1 (Зима)', 'Школа', 'Зима', null, null],
  ['S01', 'Школа № 1 (Саянск)', 'Школа', 'Саянск', null, null],
];
type Agent = Awaited<ReturnType<HttpTestContext['signIn']>>;
let region: Agent;
let employment: Agent;
let zimaEmployment: Agent;
let sayanskEmployment: Agent;
let zimaCommittee: Agent;

/** Signs in an account bound to a municipality (made first: signIn makes unbound ones). */
async function boundAccount(role: 'committee' | 'employment', municipality: string, login: string) {
  await ctx.app
    .get(AccountsService)
    .create({ login, password: `${login}-password`, role, municipality }, null);
  return ctx.signIn(role, undefined, login);
}

/** An organization's report of P with only its graduates. */
const graduatesOf = (code: string, ...graduates: CellInput[][]) =>
  school({ code, period: P, website: true, graduates });

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  const imports = [
    graduatesOf(
      'Z01',
      grad('9', 'СПО', 'Город', '33'),
      grad('9', 'СПО', 'Регион', '06'),
      grad('11', 'ВУЗ', 'Город', '06'),
      grad('11', 'Работа', 'Город', '33'),
      grad('9', '10 класс'),
    ),
    graduatesOf(
      'S01',
      grad('9', 'СПО', 'Город', '17'),
      grad('11', 'ВУЗ', 'Регион', '17'),
      grad('11', 'СПО', 'Город', '06'),
      grad('11', 'ВУЗ', 'Другой регион', '09'),
    ),
    vacancies('Город', '01.12.2023', { '33': 6, '17': 4 }, 'Зима'),
    vacancies('Регион', '01.02.2024', { '06': 20, '33': 14, '17': 5, '09': 1 }),
  ];
  for (const sheets of imports) expect((await ctx.importSheets(sheets)).outcome).toBe('accepted');
  region = await ctx.signIn('region');
  employment = await ctx.signIn('employment');
  zimaEmployment = await boundAccount('employment', 'Зима', 'czn-zima');
  sayanskEmployment = await boundAccount('employment', 'Саянск', 'czn-sayansk');
  zimaCommittee = await boundAccount('committee', 'Зима', 'komitet-zima');
});
afterAll(() => ctx.stop());

const demand = (agent: Agent, query: Partial<Record<string, string>> = {}) =>
  agent.get('/api/demand').query({ period: P, ...query });
type Area = {
  area: string;
  graduates: number;
  vacancies: number | null;
  gap: number | null;
  inDemand: boolean;
};
const rowsOf = (areas: Area[]) =>
  areas.map((a) => [
    a.area,
    a.graduates,
    a.vacancies,
    a.gap === null ? null : Math.round(a.gap * 1000) / 1000,
  ]);
const inDemand = (areas: Area[]) =>
  areas
    .filter((a) => a.inDemand)
    .map((a) => a.area)
    .sort();
const demandRows = () =>
  ctx.rows<{
    territory: string;
    municipality: string | null;
    as_of: string;
    version: number;
    is_current: unknown;
  }>(
    'SELECT territory, municipality, as_of, version, is_current FROM labor_demands WHERE territory IS NOT NULL ORDER BY id',
  );

/** Uploads a vacancies workbook over HTTP as `agent`: the answer's status and ImportResult. */
async function upload(agent: Agent, sheets: SheetsData) {
  const path = ctx.path();
  await writeXlsx(path, sheets);
  const response = await agent.post('/api/uploads').attach('file', path);
  return { status: response.status, result: response.status === 422 ? response.body.result : response.body };
}

describe('the Титул’s Муниципалитет, with two municipalities in the registry', () => {
  /** A refused workbook: 422, the one file-level message, and no labor demand stored. */
  async function refused(sheets: SheetsData): Promise<string> {
    const before = await demandRows();
    const { status, result } = await upload(employment, sheets);
    expect([status, result.outcome, result.accepted]).toEqual([422, 'rejected', false]);
    expect(result.errors).toHaveLength(1);
    expect(await demandRows()).toEqual(before);
    return result.errors[0].message;
  }

  it('a Город workbook without it is refused, naming the registry’s municipalities', async () => {
    expect(await refused(vacancies('Город', '01.03.2024', { '33': 1 }))).toBe(
      'На листе «Титул» не указан муниципалитет: в реестре организаций их несколько, и вакансии города относятся к одному из них. Заполните строку «Муниципалитет» названием из реестра: «Зима», «Саянск».',
    );
    // An empty cell is no name either.
    expect(await refused(vacancies('Город', '01.03.2024', { '33': 1 }, '  '))).toMatch(
      /^На листе «Титул» не указан муниципалитет/,
    );
  });

  it('a municipality the registry does not hold is refused', async () => {
    expect(await refused(vacancies('Город', '01.03.2024', { '33': 1 }, 'Тулун'))).toBe(
      'Муниципалитета «Тулун» нет в реестре организаций. Укажите в строке «Муниципалитет» на листе «Титул» название, как в реестре: «Зима», «Саянск».',
    );
  });

  it('a Регион workbook naming a municipality is refused: the region’s vacancies are no municipality’s', async () => {
    expect(await refused(vacancies('Регион', '01.03.2024', { '33': 1 }, 'Зима'))).toBe(
      'На листе «Титул» указан муниципалитет «Зима», а территория — «Регион»: вакансии региона относятся ко всему региону. Если это вакансии города, укажите территорию «Город»; если региона — очистите строку «Муниципалитет».',
    );
  });

  it('stores each Город demand with its municipality as the registry spells it, Регион with none', async () => {
    expect(await demandRows()).toEqual([
      {
        territory: 'Город',
        municipality: 'Зима',
        as_of: '2023-12-01',
        version: 1,
        is_current: expect.anything(),
      },
      {
        territory: 'Регион',
        municipality: null,
        as_of: '2024-02-01',
        version: 1,
        is_current: expect.anything(),
      },
    ]);
  });
});

describe('each level’s table before Саянск has a Город workbook', () => {
  const LEVELS = [
    {
      level: 'Зима: its graduates against its own Город vacancies, its in-demand areas',
      query: { municipality: ' зима ' },
      view: { municipality: 'Зима', territory: 'Город', date: '2023-12-01', graduates: 4, vacancies: 10 },
      territories: ['Город', 'Регион'],
      mismatch: 0.5,
      rows: [
        ['06', 2, 0, 0.5],
        ['17', 0, 4, -0.4],
        ['33', 2, 6, -0.1],
      ],
      inDemand: ['17', '33'],
      stayLocal: { value: 0.75, numerator: 3, denominator: 4 },
    },
    {
      level: 'Саянск, without a Город workbook: its graduates against Регион, and Регион’s in-demand areas',
      query: { municipality: 'Саянск' },
      view: { municipality: 'Саянск', territory: 'Регион', date: '2024-02-01', graduates: 3, vacancies: 40 },
      territories: ['Регион'],
      mismatch: 13 / 24,
      rows: [
        ['17', 2, 5, 0.542],
        ['33', 0, 14, -0.35],
        ['06', 1, 20, -0.167],
        ['09', 0, 1, -0.025],
      ],
      inDemand: ['06', '17', '33'],
      stayLocal: { value: 0.5, numerator: 2, denominator: 4 },
    },
    {
      level: 'the region: every graduate against Регион — not Зима’s Город',
      query: {},
      view: { municipality: null, territory: 'Регион', date: '2024-02-01', graduates: 7, vacancies: 40 },
      territories: ['Регион'],
      mismatch: 9 / 56,
      rows: [
        ['17', 2, 5, 0.161],
        ['06', 3, 20, -0.071],
        ['33', 2, 14, -0.064],
        ['09', 0, 1, -0.025],
      ],
      inDemand: ['06', '17', '33'],
      stayLocal: { value: 0.625, numerator: 5, denominator: 8 },
    },
  ];

  it.each(LEVELS)(
    '$level',
    async ({ query, view, territories, mismatch, rows, inDemand: areas, stayLocal }) => {
      const { body } = await demand(region, query).expect(200);
      expect(body).toMatchObject({
        ...view,
        period: P,
        org: null,
        inDemandList: null,
        territories,
        stayLocal,
      });
      expect(body.mismatch).toBeCloseTo(mismatch, 12);
      expect(rowsOf(body.areas)).toEqual(rows);
      expect(inDemand(body.areas)).toEqual(areas);
    },
  );

  it('the unbound employment center works for the region: the region’s table', async () => {
    expect((await demand(employment).expect(200)).body).toEqual((await demand(region).expect(200)).body);
  });

  it('the indicators of each level measure the same: GET /api/indicators', async () => {
    const levels = async (indicator: string) => {
      const { body } = await region
        .get('/api/indicators')
        .query({ period: P, org: 'municipalities', indicator })
        .expect(200);
      return Object.fromEntries(
        (
          body as { municipality: string | null; numerator: number; denominator: number; value: number }[]
        ).map((v) => [
          v.municipality ?? 'регион',
          [v.numerator, v.denominator, v.value === null ? null : Math.round(v.value * 1e9) / 1e9],
        ]),
      );
    };
    expect(await levels('demand_mismatch')).toEqual({
      регион: [null, null, Math.round((9 / 56) * 1e9) / 1e9],
      Зима: [null, null, 0.5],
      Саянск: [null, null, Math.round((13 / 24) * 1e9) / 1e9],
    });
    // СПО graduates of 9 and 11 in their municipality's in-demand areas: Зима's 33 (not 06, not
    // in demand by its Город), Саянск's 17 and 06 (in demand by Регион); the region pools them.
    expect(await levels('local_spo_in_demand')).toEqual({
      регион: [3, 9, Math.round((3 / 9) * 1e9) / 1e9],
      Зима: [1, 5, 0.2],
      Саянск: [2, 4, 0.5],
    });
  });

  it('a territory asked for: Город is the municipality’s own; the in-demand areas stay the level’s', async () => {
    // Зима against Регион: gaps 06 0, 33 .5 − .35, 17 −.125, 09 −.025: D = .15.
    const zima = (await demand(region, { municipality: 'Зима', territory: 'Регион' }).expect(200)).body;
    expect([zima.territory, zima.date, zima.graduates, zima.vacancies]).toEqual([
      'Регион',
      '2024-02-01',
      4,
      40,
    ]);
    expect(zima.mismatch).toBeCloseTo(0.15, 12);
    expect(inDemand(zima.areas)).toEqual(['17', '33']);
    // Саянск has no Город workbook: «нет данных», not Зима's.
    const sayansk = (await demand(region, { municipality: 'Саянск', territory: 'Город' }).expect(200)).body;
    expect([sayansk.territory, sayansk.date, sayansk.mismatch, sayansk.vacancies]).toEqual([
      'Город',
      null,
      null,
      null,
    ]);
  });

  it('one organization: its graduates against its municipality’s demand', async () => {
    const { body } = await demand(region, { org: 'S01' }).expect(200);
    expect([body.org, body.municipality, body.territory, body.graduates]).toEqual([
      'S01',
      'Саянск',
      'Регион',
      3,
    ]);
    expect(body.mismatch).toBeCloseTo(13 / 24, 12);
  });

  it('an account bound to a municipality sees its own by default, and not the other’s', async () => {
    const own = (await demand(zimaEmployment).expect(200)).body;
    expect([own.municipality, own.territory, own.graduates]).toEqual(['Зима', 'Город', 4]);
    expect(own.mismatch).toBeCloseTo(0.5, 12);
    const other = await demand(zimaEmployment, { municipality: 'Саянск' }).expect(403);
    expect(other.body.message).toMatch(
      /^Данные муниципалитета «Саянск» доступны только его комитету и региону/,
    );
    await zimaEmployment.get('/api/demand/trend').query({ municipality: 'Саянск' }).expect(403);
  });

  it('an unknown municipality: 404, naming those there are', async () => {
    const { body } = await demand(region, { municipality: 'Тулун' }).expect(404);
    expect(body).toMatchObject({
      code: 'municipality_not_found',
      message: 'Муниципалитета «Тулун» нет в реестре. В реестре: «Зима», «Саянск».',
    });
    await region.get('/api/demand/trend').query({ municipality: 'Тулун' }).expect(404);
    await region.get('/api/demand/versions').query({ period: P, municipality: 'Тулун' }).expect(404);
  });

  it('the trend of a municipality', async () => {
    const { body } = await region.get('/api/demand/trend').query({ municipality: 'Саянск' }).expect(200);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ period: P, municipality: 'Саянск', territory: 'Регион', graduates: 3 });
    expect(body[0].mismatch).toBeCloseTo(13 / 24, 12);
  });

  it('CLI demand --municipality … --json: the same tables', () => {
    const zima = cli('demand', '--period', P, '--municipality', 'ЗИМА', '--json');
    expect([zima.code, zima.stderr]).toEqual([0, '']);
    const printed = JSON.parse(zima.stdout);
    expect([printed.municipality, printed.territory, printed.date]).toEqual(['Зима', 'Город', '2023-12-01']);
    expect(printed.mismatch).toBeCloseTo(0.5, 12);
    expect(inDemand(printed.areas)).toEqual(['17', '33']);

    const whole = JSON.parse(cli('demand', '--period', P, '--json').stdout);
    expect([whole.municipality, whole.territory]).toEqual([null, 'Регион']);
    expect(whole.mismatch).toBeCloseTo(9 / 56, 12);

    const unknown = cli('demand', '--period', P, '--municipality', 'Тулун');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Муниципалитета «Тулун» нет в реестре. В реестре: «Зима», «Саянск».');
  });
});

describe('a Город workbook of Саянск, then a new version of Зима’s', () => {
  it('names Саянск in any case: stored as the registry spells it; Саянск now measures against it', async () => {
    const { status, result } = await upload(
      sayanskEmployment,
      vacancies('Город', '15.01.2024', { '17': 1, '06': 3 }, '  саянск '),
    );
    expect([status, result.outcome, result.territory, result.municipality]).toEqual([
      201,
      'accepted',
      'Город',
      'Саянск',
    ]);
    expect((await demandRows()).map((d) => [d.territory, d.municipality, d.as_of])).toEqual([
      ['Город', 'Зима', '2023-12-01'],
      ['Регион', null, '2024-02-01'],
      ['Город', 'Саянск', '2024-01-15'],
    ]);
    // Саянск against its Город (06 → 3, 17 → 1): gaps 17 2/3 − 1/4, 06 1/3 − 3/4: D = 5/12.
    const sayansk = (await demand(sayanskEmployment).expect(200)).body;
    expect([sayansk.municipality, sayansk.territory, sayansk.date, sayansk.territories]).toEqual([
      'Саянск',
      'Город',
      '2024-01-15',
      ['Город', 'Регион'],
    ]);
    expect(sayansk.mismatch).toBeCloseTo(5 / 12, 12);
    expect(inDemand(sayansk.areas)).toEqual(['06', '17']);
    // Зима and the region as they were.
    expect((await demand(region, { municipality: 'Зима' }).expect(200)).body.mismatch).toBeCloseTo(0.5, 12);
    expect((await demand(region).expect(200)).body.mismatch).toBeCloseTo(9 / 56, 12);
  });

  it('the same territory, date and municipality replaces Зима’s demand only (history kept)', async () => {
    const { result } = await upload(
      zimaEmployment,
      vacancies('Город', '01.12.2023', { '33': 8, '06': 2 }, 'ЗИМА'),
    );
    expect(result.outcome).toBe('accepted');
    const versions = (await region.get('/api/demand/versions').query({ period: P }).expect(200)).body;
    expect(
      versions.map((v: Record<string, unknown>) => [
        v.territory,
        v.municipality,
        v.date,
        v.version,
        v.current,
        v.vacancies,
      ]),
    ).toEqual([
      ['Город', 'Зима', '2023-12-01', 2, true, 10],
      ['Город', 'Зима', '2023-12-01', 1, false, 10],
      ['Город', 'Саянск', '2024-01-15', 1, true, 4],
      ['Регион', null, '2024-02-01', 1, true, 40],
    ]);
    // A municipality's books: its Город and Регион's; a bound account's by default.
    const zimaBooks = (await zimaEmployment.get('/api/demand/versions').query({ period: P }).expect(200))
      .body;
    expect(
      zimaBooks.map((v: { municipality: string | null; version: number }) => [v.municipality, v.version]),
    ).toEqual([
      ['Зима', 2],
      ['Зима', 1],
      [null, 1],
    ]);
    expect(
      (
        await region.get('/api/demand/versions').query({ period: P, municipality: 'саянск' }).expect(200)
      ).body.map((v: { municipality: string | null }) => v.municipality),
    ).toEqual(['Саянск', null]);
    await zimaEmployment.get('/api/demand/versions').query({ period: P, municipality: 'Саянск' }).expect(403);

    // Зима against its new version (33 → 8, 06 → 2): gaps 06 .5 − .2, 33 .5 − .8: D = .3.
    const zima = (await demand(region, { municipality: 'Зима' }).expect(200)).body;
    expect(zima.mismatch).toBeCloseTo(0.3, 12);
    expect(inDemand(zima.areas)).toEqual(['06', '33']);
    expect((await demand(region, { municipality: 'Саянск' }).expect(200)).body.mismatch).toBeCloseTo(
      5 / 12,
      12,
    );
    const printed = JSON.parse(cli('demand', '--period', P, '--municipality', 'Зима', '--json').stdout);
    expect(printed.mismatch).toBeCloseTo(0.3, 12);
  });
});

describe('in-demand lists per level', () => {
  it('a bound committee’s list is its municipality’s; the region’s is the region’s', async () => {
    const { body } = await zimaCommittee
      .put('/api/demand/in-demand')
      .query({ period: P })
      .send({ areas: ['33'] })
      .expect(200);
    // By the 5 % rule Зима's would be 06 and 33 (its Город, version 2).
    expect([body.municipality, body.inDemandList, inDemand(body.areas)]).toEqual(['Зима', ['33'], ['33']]);
    const sayansk = (await demand(region, { municipality: 'Саянск' }).expect(200)).body;
    expect([sayansk.inDemandList, inDemand(sayansk.areas)]).toEqual([null, ['06', '17']]);
    expect((await demand(region).expect(200)).body.inDemandList).toBeNull();

    const regional = await region
      .put('/api/demand/in-demand')
      .query({ period: P })
      .send({ areas: ['09'] })
      .expect(200);
    expect([regional.body.municipality, regional.body.inDemandList, inDemand(regional.body.areas)]).toEqual([
      null,
      ['09'],
      ['09'],
    ]);
    // A municipality's own list (or its own demand) comes before the region's.
    expect((await demand(region, { municipality: 'Зима' }).expect(200)).body.inDemandList).toEqual(['33']);
    expect((await demand(region, { municipality: 'Саянск' }).expect(200)).body.inDemandList).toBeNull();
    expect(await ctx.rows('SELECT municipality, areas, set_by FROM in_demand_lists ORDER BY id')).toEqual([
      { municipality: 'Зима', areas: expect.anything(), set_by: 'komitet-zima' },
      { municipality: null, areas: expect.anything(), set_by: 'region' },
    ]);
  });
});
