import {
  assertMunicipality,
  assertOrganization,
  assertRows,
  homeMunicipality,
  managesAccount,
  seesMunicipality,
  seesOrganization,
  uploadsScope,
  visibleValues,
} from '../src/accounts/access-policy';
import { CLI_PRINCIPAL, type Principal } from '../src/accounts/principal';
import type { AppError } from '../src/common/app-error';
import { REGISTRY } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { grad, school, vacancies } from './support/indicator-workbooks';

/**
 * Whose data each role sees, beyond the endpoint's role check: a school its own organization
 * and the municipal values (never another school's values or rows); the employment center
 * the municipal figures; the committee everything.
 */
const ctx = new HttpTestContext();
const PERIOD = '2023/2024';
type Agent = Awaited<ReturnType<HttpTestContext['signIn']>>;
let sch01: Agent;
let employment: Agent;
let committee: Agent;
const uploadOf: Record<string, number> = {};

beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
  for (const code of ['SCH01', 'SCH02']) {
    const result = await ctx.importSheets(
      school({
        code,
        period: PERIOD,
        website: code === 'SCH01',
        graduates: [grad('11', 'ВУЗ', 'Город', '06'), grad('9', 'СПО', 'Регион', '18')],
        coverage: [[8, 20, code === 'SCH01' ? 18 : 6, 4]],
      }),
    );
    uploadOf[code] = result.uploadId!;
  }
  uploadOf.vacancies = (
    await ctx.importSheets(vacancies('Город', '01.12.2023', { '06': 5, '18': 5 }))
  ).uploadId!;
  sch01 = await ctx.signIn('school', 'SCH01');
  employment = await ctx.signIn('employment');
  committee = await ctx.signIn('committee');
});
afterAll(() => ctx.stop());

const orgsOf = (values: { org: string | null }[]) => [...new Set(values.map((v) => v.org))].sort();

describe('indicator values', () => {
  it('the committee sees every organization; a school its own and the city; the employment center the city', async () => {
    const all = (agent: Agent) => agent.get('/api/indicators').query({ period: PERIOD }).expect(200);
    expect(orgsOf((await all(committee)).body)).toEqual([null, 'SCH01', 'SCH02'].sort());
    expect(orgsOf((await all(sch01)).body)).toEqual([null, 'SCH01'].sort());
    expect(orgsOf((await all(employment)).body)).toEqual([null]);
  });

  it('asking for another organization is refused with a message that says what is allowed', async () => {
    const refused = await sch01.get('/api/indicators').query({ period: PERIOD, org: 'SCH02' }).expect(403);
    expect(refused.body.message).toBe(
      'Данные других организаций доступны только комитету: выберите свою организацию или город.',
    );
    await sch01.get('/api/indicators').query({ period: PERIOD, org: 'sch01' }).expect(200);
    await sch01.get('/api/indicators').query({ period: PERIOD, org: 'municipal' }).expect(200);
    await employment.get('/api/indicators').query({ period: PERIOD, org: 'SCH01' }).expect(403);
  });

  it('the municipal explanation names only the organizations the account may see', async () => {
    const explain = (agent: Agent) =>
      agent.get('/api/indicators/coverage_8_11/explanation').query({ period: PERIOD }).expect(200);
    const full = (await explain(committee)).body;
    const own = (await explain(sch01)).body;
    expect(full.contributors.map((c: { org: string }) => c.org)).toEqual(['SCH01', 'SCH02']);
    expect(own.contributors.map((c: { org: string }) => c.org)).toEqual(['SCH01']);
    // The municipal numbers themselves are the same for everyone.
    expect([own.value, own.numerator, own.denominator]).toEqual([
      full.value,
      full.numerator,
      full.denominator,
    ]);
    expect((await explain(employment)).body.contributors).toEqual([]);
    await sch01
      .get('/api/indicators/coverage_8_11/explanation')
      .query({ period: PERIOD, org: 'SCH02' })
      .expect(403);
  });

  it('rows behind a value: a school only its own, never the city’s (which are every school’s rows)', async () => {
    const own = await sch01
      .get('/api/indicators/coverage_8_11/rows')
      .query({ period: PERIOD, org: 'SCH01' })
      .expect(200);
    expect(own.body.total).toBe(1);
    const city = await sch01.get('/api/indicators/coverage_8_11/rows').query({ period: PERIOD }).expect(403);
    expect(city.body.message).toBe(
      'Строки отчётов доступны только по своей организации: выберите её, а не город.',
    );
    await sch01.get('/api/indicators/coverage_8_11/rows').query({ period: PERIOD, org: 'SCH02' }).expect(403);
    await committee.get('/api/indicators/coverage_8_11/rows').query({ period: PERIOD }).expect(200);
  });

  it('destinations: the city for everyone, one school only for itself and the committee', async () => {
    await employment.get('/api/destinations').query({ period: PERIOD }).expect(200);
    await sch01.get('/api/destinations').query({ period: PERIOD, org: 'SCH01' }).expect(200);
    await sch01.get('/api/destinations').query({ period: PERIOD, org: 'SCH02' }).expect(403);
    await employment.get('/api/destinations').query({ period: PERIOD, org: 'SCH02' }).expect(403);
  });
});

describe('uploads and history', () => {
  it('a school lists its own organization’s uploads; the employment center the vacancies', async () => {
    const ids = async (agent: Agent) =>
      ((await agent.get('/api/uploads').expect(200)).body as { id: number }[]).map((u) => u.id);
    expect(await ids(sch01)).toEqual([uploadOf.SCH01]);
    expect(await ids(employment)).toEqual([uploadOf.vacancies]);
    expect((await ids(committee)).length).toBeGreaterThanOrEqual(4); // the registry too
    await sch01.get('/api/uploads').query({ org: 'SCH02' }).expect(403);
  });

  it('an upload of another organization is "not found" for a school, not "forbidden"', async () => {
    await sch01.get(`/api/uploads/${uploadOf.SCH01}`).expect(200);
    const other = await sch01.get(`/api/uploads/${uploadOf.SCH02}`).expect(404);
    expect(other.body.message).toBe(`Загрузка № ${uploadOf.SCH02} не найдена.`);
    await employment.get(`/api/uploads/${uploadOf.SCH01}`).expect(404);
    await employment.get(`/api/uploads/${uploadOf.vacancies}`).expect(200);
  });

  it('a school sees its own rejected upload, even one the organization could not be read from', async () => {
    const rejected = await sch01
      .post('/api/uploads')
      .attach('file', Buffer.from('not a workbook'), 'notes.xlsx')
      .expect(422);
    const id = rejected.body.result.uploadId;
    await sch01.get(`/api/uploads/${id}`).expect(200);
    expect(
      ((await sch01.get('/api/uploads').expect(200)).body as { id: number }[]).map((u) => u.id),
    ).toContain(id);
    await committee.get(`/api/uploads/${id}`).expect(200);
  });

  it('history of versions: a school only its own', async () => {
    await sch01.get('/api/history').query({ org: 'SCH01', period: PERIOD }).expect(200);
    await sch01.get('/api/history').query({ org: 'SCH02', period: PERIOD }).expect(403);
    await committee.get('/api/history').query({ org: 'SCH02', period: PERIOD }).expect(200);
  });
});

/**
 * The policy's functions alone, for a region of two municipalities: «Зима» (Z01, Z02) and
 * «Саянск» (S01). A bound committee's organizations come with its session (sessions.service.ts).
 */
describe('the access policy of a region (unit)', () => {
  const base: Principal = { ...CLI_PRINCIPAL, accountId: 7, login: 'someone' };
  const region: Principal = { ...base, role: 'region' };
  const zima: Principal = {
    ...base,
    municipality: 'Зима',
    municipalityOrganizations: new Set(['Z01', 'Z02']),
  };
  const unbound: Principal = { ...base };
  const school: Principal = {
    ...base,
    role: 'school',
    organizationId: 3,
    organizationCode: 'Z01',
    municipality: 'Зима',
  };
  const zimaEmployment: Principal = { ...base, role: 'employment', municipality: 'Зима' };
  const regionEmployment: Principal = { ...base, role: 'employment' };

  const values = [
    { org: 'Z01', municipality: 'Зима' },
    { org: 'Z02', municipality: 'Зима' },
    { org: 'S01', municipality: 'Саянск' },
    { org: null, municipality: 'Зима' },
    { org: null, municipality: 'Саянск' },
    { org: null, municipality: null },
  ];
  const seen = (principal: Principal) =>
    visibleValues(principal, values).map((v) => v.org ?? `pooled:${v.municipality ?? 'region'}`);
  const refusal = (run: () => void) => {
    try {
      run();
    } catch (error) {
      return { code: (error as AppError).code, message: (error as AppError).message };
    }
    return null;
  };

  it('the level an account sees as its own: its municipality; the region none, even if one were stored', () => {
    expect(homeMunicipality(zima)).toBe('Зима');
    expect(homeMunicipality(school)).toBe('Зима');
    expect(homeMunicipality({ ...region, municipality: 'Зима' })).toBeNull();
    expect(homeMunicipality(unbound)).toBeNull();
    expect(homeMunicipality(regionEmployment)).toBeNull();
  });

  it('municipalities: a bound account its own (case and spaces aside) and the region’s; the region every one', () => {
    expect(seesMunicipality(zima, ' ЗИМА ')).toBe(true);
    expect(seesMunicipality(zima, 'Саянск')).toBe(false);
    expect(seesMunicipality(zima, null)).toBe(true);
    expect(seesMunicipality(school, 'Саянск')).toBe(false);
    expect(seesMunicipality(zimaEmployment, 'Саянск')).toBe(false);
    for (const all of [region, unbound, regionEmployment]) expect(seesMunicipality(all, 'Саянск')).toBe(true);
    expect(refusal(() => assertMunicipality(zima, 'Саянск'))).toEqual({
      code: 'municipality_forbidden',
      message:
        'Данные муниципалитета «Саянск» доступны только его комитету и региону; ваш муниципалитет — «Зима».',
    });
    expect(refusal(() => assertMunicipality(zima, undefined))).toBeNull();
    expect(refusal(() => assertMunicipality(region, 'Саянск'))).toBeNull();
  });

  it('organizations: the region all, a bound committee its municipality’s (codes in any case), a school its own, the employment center none', () => {
    expect(['Z01', 'z02', 'S01'].map((code) => seesOrganization(region, code))).toEqual([true, true, true]);
    expect(['Z01', 'z02', 'S01'].map((code) => seesOrganization(zima, code))).toEqual([true, true, false]);
    expect(['Z01', 'z02', 'S01'].map((code) => seesOrganization(unbound, code))).toEqual([true, true, true]);
    expect(['z01', 'Z02'].map((code) => seesOrganization(school, code))).toEqual([true, false]);
    expect(seesOrganization(regionEmployment, 'Z01')).toBe(false);
    expect(refusal(() => assertOrganization(zima, 'S01'))).toEqual({
      code: 'organization_forbidden',
      message:
        'Данные организаций другого муниципалитета доступны только его комитету и региону: выберите организацию муниципалитета «Зима».',
    });
    expect(refusal(() => assertOrganization(zima, 'municipal'))).toBeNull();
    expect(refusal(() => assertOrganization(zima, undefined))).toBeNull();
  });

  it('values: a bound account never sees another municipality’s, its own organizations’ aside', () => {
    expect(seen(region)).toEqual(['Z01', 'Z02', 'S01', 'pooled:Зима', 'pooled:Саянск', 'pooled:region']);
    expect(seen(unbound)).toEqual(seen(region));
    expect(seen(zima)).toEqual(['Z01', 'Z02', 'pooled:Зима', 'pooled:region']);
    expect(seen(school)).toEqual(['Z01', 'pooled:Зима', 'pooled:region']);
    expect(seen(zimaEmployment)).toEqual(['pooled:Зима', 'pooled:region']);
    expect(seen(regionEmployment)).toEqual(['pooled:Зима', 'pooled:Саянск', 'pooled:region']);
    // A contributor to an explanation names only its organization.
    expect(visibleValues(zima, [{ org: 'S01' }, { org: 'Z02' }])).toEqual([{ org: 'Z02' }]);
  });

  it('rows: a bound committee its organizations’ and its level’s; a school only its own organization’s', () => {
    expect(refusal(() => assertRows(zima, 'Z01'))).toBeNull();
    expect(refusal(() => assertRows(zima, undefined))).toBeNull();
    expect(refusal(() => assertRows(zima, 'S01'))?.code).toBe('organization_forbidden');
    expect(refusal(() => assertRows(region, 'S01'))).toBeNull();
    expect(refusal(() => assertRows(school, undefined))).toEqual({
      code: 'organization_forbidden',
      message: 'Строки отчётов доступны только по своей организации: выберите её, а не город.',
    });
    expect(refusal(() => assertRows(zimaEmployment, 'Z01'))?.code).toBe('organization_forbidden');
  });

  it('uploads: by the account, its organization, or its municipality; never by login text', () => {
    expect(uploadsScope(region)).toBeNull();
    expect(uploadsScope(unbound)).toBeNull();
    expect(uploadsScope(zima)).toEqual({ accountId: 7, municipality: 'Зима' });
    expect(uploadsScope(school)).toEqual({ accountId: 7, organizationId: 3 });
    expect(uploadsScope(zimaEmployment)).toEqual({ accountId: 7, kind: 'vacancies', municipality: 'Зима' });
    expect(uploadsScope(regionEmployment)).toEqual({
      accountId: 7,
      kind: 'vacancies',
      municipality: undefined,
    });
  });

  it('accounts: the region manages all; a bound committee its municipality’s, never the region’s nor an unbound one', () => {
    const accounts = [
      { role: 'region', municipality: null },
      { role: 'committee', municipality: 'зима' },
      { role: 'committee', municipality: 'Саянск' },
      { role: 'committee', municipality: null },
      { role: 'employment', municipality: 'Зима' },
      { role: 'employment', municipality: null },
      { role: 'school', municipality: 'Зима' },
      { role: 'school', municipality: 'Саянск' },
    ] as const;
    const managed = (principal: Principal) => accounts.map((account) => managesAccount(principal, account));
    expect(managed(region)).toEqual([true, true, true, true, true, true, true, true]);
    expect(managed(zima)).toEqual([false, true, false, false, true, false, true, false]);
    expect(managed(unbound)).toEqual([false, true, true, true, true, true, true, true]);
    expect(managed(school)).toEqual(accounts.map(() => false));
    expect(managed(zimaEmployment)).toEqual(accounts.map(() => false));
  });
});
