import { REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { HttpTestContext } from './support/http-context';
import { writeXlsx } from './support/xlsx';

/**
 * The registry in the interface (PATCH /api/organizations/:code, its history) and the rule
 * that guards loaded years: a registry change that alters who is expected to report in a
 * period whose reports are loaded is refused with 409 and the periods it changes, storing
 * nothing, until it is confirmed (an edit, or a registry upload).
 */
jest.setTimeout(60_000);

const ctx = new HttpTestContext();
let committee: Awaited<ReturnType<HttpTestContext['signIn']>>;
let files = 0;

const HEADERS = [
  'Код',
  'Наименование',
  'Краткое наименование',
  'Тип',
  'Муниципалитет',
  'Действует с',
  'Действует по',
];

const organization = async (code: string) =>
  (await ctx.rows('SELECT * FROM organizations WHERE code = ?', [code]))[0];
const titleCompleteness = async (period: string) =>
  (
    await ctx.rows<{ value: number }>(
      `SELECT v.value FROM indicator_values v JOIN periods p ON p.id = v.period_id
       WHERE v.indicator = 'completeness' AND v.sheet = 'title' AND v.organization_id IS NULL AND p.code = ?`,
      [period],
    )
  )[0]?.value;

async function registryFile(rows: (string | null)[][]): Promise<string> {
  const path = ctx.path(`registry-http-${++files}.xlsx`);
  await writeXlsx(path, { Организации: [HEADERS, ...rows] });
  return path;
}

beforeAll(async () => {
  await ctx.start();
  // SCH09 reported until 2022/2023: 2023/2024 expects SCH01, SCH02 and COL01, and all three report.
  await ctx.loadRegistry(REGISTRY);
  for (const code of ['SCH01', 'SCH02', 'COL01']) {
    const result = await ctx.importSheets(schoolWorkbook({ Титул: title(code, '2023/2024') }));
    expect(result.outcome).toBe('accepted');
  }
  committee = await ctx.signIn('committee');
});
afterAll(() => ctx.stop());

describe('PATCH /api/organizations/:code', () => {
  it('edits the name and the short name, keeps the previous values in the history and the audit log', async () => {
    const answer = await committee
      .patch('/api/organizations/sch01')
      .send({ name: 'МБОУ «Средняя школа № 1»', shortName: ' Школа № 1 ' })
      .expect(200);
    expect(answer.body).toEqual({
      code: 'SCH01',
      name: 'МБОУ «Средняя школа № 1»',
      shortName: 'Школа № 1',
      type: 'Школа',
      municipality: 'Тестовый округ',
      activeFrom: null,
      activeTo: null,
    });
    expect(await organization('SCH01')).toMatchObject({
      name: 'МБОУ «Средняя школа № 1»',
      short_name: 'Школа № 1',
    });

    const history = await committee.get('/api/organizations/SCH01/history').expect(200);
    expect(history.body).toEqual([
      {
        at: expect.any(String),
        by: 'committee',
        source: 'edit',
        changes: [
          { field: 'name', before: 'Школа № 1', after: 'МБОУ «Средняя школа № 1»' },
          { field: 'shortName', before: null, after: 'Школа № 1' },
        ],
      },
    ]);
    const [audit] = await ctx.rows<{ actor: string; target: string; details: string }>(
      "SELECT actor, target, details FROM audit_log WHERE action = 'organization-update' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toMatchObject({ actor: 'committee', target: 'SCH01' });
    expect(JSON.parse(audit.details).changes).toEqual(history.body[0].changes);
    expect((await committee.get('/api/organizations').expect(200)).body).toContainEqual(answer.body);
  });

  it('retires an organization after its last loaded year without asking: its history stays', async () => {
    const answer = await committee
      .patch('/api/organizations/SCH02')
      .send({ activeTo: '2023-2024' })
      .expect(200);
    expect(answer.body).toMatchObject({ code: 'SCH02', activeTo: '2023/2024' });
    expect(await ctx.count('report_versions')).toBeGreaterThan(0);
    expect((await committee.get('/api/organizations/SCH02/history').expect(200)).body[0].changes).toEqual([
      { field: 'activeTo', before: null, after: '2023/2024' },
    ]);
  });

  it('a retirement that drops a loaded year answers 409 with the periods and stores nothing until confirmed', async () => {
    const before = await organization('COL01');
    const audits = await ctx.count('audit_log');
    const refused = await committee
      .patch('/api/organizations/COL01')
      .send({ activeTo: '2022/2023' })
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'registry_changes_past',
      periods: [
        {
          period: '2023/2024',
          expectedBefore: 3,
          expectedAfter: 2,
          completenessBefore: 1,
          completenessAfter: 1,
          added: [],
          removed: ['COL01'],
          message:
            '2023/2024: ожидается 2 организации вместо 3 — полнота станет 100,0 % (была 100,0 %); перестают учитываться Политехнический колледж (COL01).',
        },
      ],
    });
    expect(await organization('COL01')).toEqual(before);
    expect(await ctx.count('organization_changes')).toBe(2);
    expect(await ctx.count('audit_log')).toBe(audits);

    // Confirmed: stored, and audited with what it changed in the loaded year.
    const stored = await committee
      .patch('/api/organizations/COL01')
      .send({ activeTo: '2022/2023', confirm: true })
      .expect(200);
    expect(stored.body.activeTo).toBe('2022/2023');
    expect(await ctx.count('audit_log')).toBe(audits + 1);
    const [audit] = await ctx.rows<{ details: string }>(
      "SELECT details FROM audit_log WHERE action = 'organization-update' ORDER BY id DESC LIMIT 1",
    );
    expect(JSON.parse(audit.details).confirmedPastChanges).toEqual([refused.body.periods[0].message]);

    // Undone the same way: bringing it back changes 2023/2024 again.
    await committee.patch('/api/organizations/COL01').send({ activeTo: null }).expect(409);
    await committee.patch('/api/organizations/COL01').send({ activeTo: null, confirm: true }).expect(200);
    expect(await organization('COL01')).toMatchObject({ active_to_year: null });
  });

  it('refuses what the registry sheet refuses, an empty change and an unknown code', async () => {
    const wrong = await committee
      .patch('/api/organizations/SCH01')
      .send({ type: 'Вуз', name: '  ', activeFrom: '2024/2025', activeTo: '2023/2024' })
      .expect(400);
    expect(wrong.body.code).toBe('invalid_parameters');
    expect(wrong.body.message).toEqual(['Заполните поле «Наименование».', expect.stringMatching(/^«Тип»: /)]);
    const reversed = await committee
      .patch('/api/organizations/SCH01')
      .send({ activeFrom: '2024/2025', activeTo: '2023/2024' })
      .expect(400);
    expect(reversed.body.message).toEqual([
      '«Действует по» (2023/2024) раньше, чем «Действует с» (2024/2025).',
    ]);
    await committee.patch('/api/organizations/SCH01').send({}).expect(400);
    expect((await committee.patch('/api/organizations/NOPE').send({ name: 'X' }).expect(404)).body.code).toBe(
      'organization_not_found',
    );
    await committee.get('/api/organizations/NOPE/history').expect(404);
  });
});

describe('finding 4: a new organization with an empty «Действует с» rewrote loaded years', () => {
  it('the registry upload answers 409 with the periods it changes and stores nothing; confirmed, it is stored', async () => {
    expect(await titleCompleteness('2023/2024')).toBe(1);
    const organizations = await ctx.count('organizations');
    const uploads = await ctx.count('uploads');
    const path = await registryFile([
      ['SCH12', 'Средняя школа № 12', 'Школа № 12', 'Школа', 'Тестовый округ', null, null],
      ['SCH13', 'Средняя школа № 13', null, 'Школа', 'Тестовый округ', '2024/2025', null],
    ]);

    const refused = await committee.post('/api/registry').attach('file', path).expect(409);
    expect(refused.body.code).toBe('registry_changes_past');
    expect(refused.body.periods).toEqual([
      {
        period: '2023/2024',
        expectedBefore: 3,
        expectedAfter: 4,
        completenessBefore: 1,
        completenessAfter: 0.75,
        added: ['SCH12'],
        removed: [],
        message:
          '2023/2024: ожидается 4 организации вместо 3 — полнота станет 75,0 % (была 100,0 %); добавляются Средняя школа № 12 (SCH12).',
      },
    ]);
    expect(await ctx.count('organizations')).toBe(organizations);
    expect(await ctx.count('uploads')).toBe(uploads);
    expect(await titleCompleteness('2023/2024')).toBe(1);

    const stored = await committee.post('/api/registry?confirm=true').attach('file', path).expect(201);
    expect(stored.body.outcome).toBe('accepted');
    expect(stored.body.warnings).toContainEqual({
      message: `Изменена полнота: ${refused.body.periods[0].message}`,
    });
    expect(await organization('SCH12')).toMatchObject({ short_name: 'Школа № 12', active_from_year: null });
    expect(await organization('SCH13')).toMatchObject({ short_name: null, active_from_year: 2024 });
    expect(await titleCompleteness('2023/2024')).toBe(0.75);
  });

  it('a registry that changes no loaded year is stored at once', async () => {
    const path = await registryFile([
      ['SCH14', 'Средняя школа № 14', null, 'Школа', 'Тестовый округ', '2025/2026', null],
    ]);
    await committee.post('/api/registry').attach('file', path).expect(201);
    expect(await organization('SCH14')).toMatchObject({ active_from_year: 2025 });
  });
});
