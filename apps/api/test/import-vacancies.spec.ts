import { vacanciesSheet } from '@profmonitor/domain';
import { REGISTRY } from './support/fixtures';
import { lastUpload, storedCounts } from './support/stored';
import { TestContext } from './support/test-context';
import { writeXlsx, type CellInput, type SheetsData } from './support/xlsx';

const VACANCY_HEADERS = vacanciesSheet.columns.map((column) => column.header);
const AREA = 'Область профессиональной деятельности';

/** A date as Excel stores it (UTC midnight), e.g. `excelDate('2024-03-01')`. */
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A `Потребность в кадрах` workbook; `null` leaves a title item out altogether. */
function vacanciesWorkbook(
  territory: CellInput,
  asOf: CellInput,
  rows: CellInput[][],
  headers: CellInput[] = VACANCY_HEADERS,
): SheetsData {
  const titleRows: CellInput[][] = [['Показатель', 'Значение']];
  if (territory !== null) titleRows.push(['Территория', territory]);
  if (asOf !== null) titleRows.push(['Дата', asOf]);
  return { Титул: titleRows, Вакансии: [headers, ...rows] };
}

interface DemandRow {
  id: number;
  upload_id: number;
  territory: string;
  municipality: string | null;
  as_of: string;
  period: string;
  version: number;
  is_current: number;
  row_count: number;
}

describe('import of the employment center workbook (Потребность в кадрах)', () => {
  const ctx = new TestContext();

  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const demands = (where = '1 = 1', parameters: unknown[] = []) =>
    ctx.rows<DemandRow>(
      `SELECT d.id, d.upload_id, d.territory, d.municipality, d.as_of, p.code AS period, d.version, d.is_current, d.row_count
         FROM labor_demands d LEFT JOIN periods p ON p.id = d.period_id
        WHERE ${where} ORDER BY d.id`,
      parameters,
    );
  const vacancyRows = (demandId: number) =>
    ctx.rows(
      `SELECT excel_row, profession, okpdtr, area_code, vacancies, average_salary
         FROM vacancy_rows WHERE demand_id = ? ORDER BY excel_row`,
      [demandId],
    );

  /** Imports a workbook that must be rejected without storing anything. */
  async function importRejected(sheets: SheetsData) {
    const before = await storedCounts(ctx);
    const uploads = await ctx.count('uploads');
    const result = await ctx.importSheets(sheets);
    expect(result.accepted).toBe(false);
    const stored = await storedCounts(ctx);
    // A period row may be created for the date; no demand and no vacancy is.
    expect({ ...stored, periods: 0 }).toEqual({ ...before, periods: 0 });
    expect(await ctx.count('uploads')).toBe(uploads + 1);
    return result;
  }

  it('accepts a workbook: a current labor demand with territory, date, period and typed vacancy rows', async () => {
    const result = await ctx.importSheets(
      vacanciesWorkbook('Город', excelDate('2024-03-01'), [
        ['Программист', '25162', '06', 3, 85000.5],
        ['Оператор связи', null, 'Связь, информационные и коммуникационные технологии', '12', null],
        ['Повар', '16675', 'Сервис и услуги', 12.0, '45 000,50'],
        ['Водитель автомобиля', null, '17.', 4, 60000],
        ['Слесарь-сборщик', null, 'сквозные промышленные', 1, undefined],
        ['Воспитатель', 20436, '1', 2, 38000],
      ]),
      'vacancies-city-2024-03.xlsx',
    );

    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({
      accepted: true,
      outcome: 'accepted',
      kind: 'vacancies',
      territory: 'Город',
      asOf: '2024-03-01',
      period: '2023/2024',
      organization: null,
    });
    expect(result.sheets.map((s) => [s.sheet, s.accepted, s.errors])).toContainEqual(['Вакансии', true, []]);
    expect(result.sheets.find((s) => s.sheet === 'Вакансии')?.rows).toBe(6);

    const [demand] = await demands('d.upload_id = ?', [result.uploadId]);
    expect(demand).toMatchObject({
      territory: 'Город',
      as_of: '2024-03-01',
      period: '2023/2024',
      version: 1,
      is_current: 1,
      row_count: 6,
    });
    expect(await vacancyRows(demand.id)).toEqual([
      {
        excel_row: 2,
        profession: 'Программист',
        okpdtr: '25162',
        area_code: '06',
        vacancies: 3,
        average_salary: 85000.5,
      },
      {
        excel_row: 3,
        profession: 'Оператор связи',
        okpdtr: null,
        area_code: '06',
        vacancies: 12,
        average_salary: null,
      },
      {
        excel_row: 4,
        profession: 'Повар',
        okpdtr: '16675',
        area_code: '33',
        vacancies: 12,
        average_salary: 45000.5,
      },
      {
        excel_row: 5,
        profession: 'Водитель автомобиля',
        okpdtr: null,
        area_code: '17',
        vacancies: 4,
        average_salary: 60000,
      },
      {
        excel_row: 6,
        profession: 'Слесарь-сборщик',
        okpdtr: null,
        area_code: '40',
        vacancies: 1,
        average_salary: null,
      },
      {
        excel_row: 7,
        profession: 'Воспитатель',
        okpdtr: '20436',
        area_code: '01',
        vacancies: 2,
        average_salary: 38000,
      },
    ]);
    expect(await lastUpload(ctx)).toMatchObject({
      id: result.uploadId,
      kind: 'vacancies',
      outcome: 'accepted',
      organization_id: null,
    });
  });

  it.each([
    ['an Excel date 01.03.2024', excelDate('2024-03-01'), '2024-03-01', '2023/2024'],
    ['the text 15.09.2024', '15.09.2024', '2024-09-15', '2024/2025'],
    ['the text 2025-08-31 (last day of a year)', '2025-08-31', '2025-08-31', '2024/2025'],
    ['an Excel date 01.09.2025 (first day of a year)', excelDate('2025-09-01'), '2025-09-01', '2025/2026'],
  ])('the period is the academic year containing the date: %s', async (_, asOf, iso, period) => {
    const result = await ctx.importSheets(vacanciesWorkbook('Регион', asOf, [['Инженер', null, '28', 5]]));
    expect(result).toMatchObject({ accepted: true, asOf: iso, period });
    const [demand] = await demands('d.upload_id = ?', [result.uploadId]);
    expect(demand).toMatchObject({ territory: 'Регион', as_of: iso, period, is_current: 1 });
  });

  it('a re-upload for the same territory and date becomes version 2; version 1 is kept', async () => {
    const first = await ctx.importSheets(
      vacanciesWorkbook('Город', '10.10.2024', [
        ['Токарь', null, '28', 3],
        ['Фрезеровщик', null, '28', 2],
      ]),
    );
    const second = await ctx.importSheets(
      vacanciesWorkbook('город', excelDate('2024-10-10'), [['Токарь', null, '28', 7]]),
    );
    expect([first.outcome, second.outcome]).toEqual(['accepted', 'accepted']);

    const versions = await demands("d.territory = 'Город' AND d.as_of = '2024-10-10'");
    expect(versions.map((d) => [d.upload_id, d.version, d.is_current, d.row_count, d.period])).toEqual([
      [first.uploadId, 1, 0, 2, '2024/2025'],
      [second.uploadId, 2, 1, 1, '2024/2025'],
    ]);
    // The old version's rows are history, not deleted.
    expect(await vacancyRows(versions[0].id)).toHaveLength(2);
    expect(await vacancyRows(versions[1].id)).toMatchObject([{ profession: 'Токарь', vacancies: 7 }]);

    // Another date and another territory are separate demands, each current on its own.
    const later = await ctx.importSheets(
      vacanciesWorkbook('Город', '10.11.2024', [['Токарь', null, '28', 9]]),
    );
    const region = await ctx.importSheets(
      vacanciesWorkbook('Регион', '10.10.2024', [['Токарь', null, '28', 1]]),
    );
    expect([later.outcome, region.outcome]).toEqual(['accepted', 'accepted']);
    const current = await demands("d.is_current = TRUE AND d.as_of IN ('2024-10-10', '2024-11-10')");
    expect(current.map((d) => [d.territory, d.as_of, d.version])).toEqual([
      ['Город', '2024-10-10', 2],
      ['Город', '2024-11-10', 1],
      ['Регион', '2024-10-10', 1],
    ]);
  });

  it('a row without an area takes it from the profession → area mapping (by ОКПДТР or normalised name)', async () => {
    await ctx.rows(
      'INSERT INTO profession_areas (okpdtr, profession, area_code) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)',
      [null, 'слесарь-ремонтник', '28', '14618', null, '16', null, 'монтёр пути', '17'],
    );
    const result = await ctx.importSheets(
      vacanciesWorkbook('Регион', '01.12.2024', [
        ['  СЛЕСАРЬ-РЕМОНТНИК ', null, null, 4],
        ['Монтажник', '14618', null, 2],
        ['Монтер пути', null, '', 1],
        // An area given in the row wins over the mapping.
        ['Слесарь-ремонтник', null, 'Образование', 1],
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.sheets.flatMap((s) => s.errors)).toEqual([]);
    expect(result.outcome).toBe('accepted');
    const [demand] = await demands('d.upload_id = ?', [result.uploadId]);
    expect((await vacancyRows(demand.id)).map((r) => [r.profession, r.okpdtr, r.area_code])).toEqual([
      ['СЛЕСАРЬ-РЕМОНТНИК', null, '28'],
      ['Монтажник', '14618', '16'],
      ['Монтер пути', null, '17'],
      ['Слесарь-ремонтник', null, '01'],
    ]);
  });

  it('a row without an area whose profession is not mapped is an error at that row, naming the profession', async () => {
    const result = await importRejected(
      vacanciesWorkbook('Регион', '02.12.2024', [
        ['Программист', null, '06', 3],
        ['Токарь-карусельщик', '99999', null, 2],
        ['Сборщик корпусов', null, undefined, 1],
      ]),
    );
    const sheet = result.sheets.find((s) => s.sheet === 'Вакансии')!;
    expect(sheet.accepted).toBe(false);
    expect(sheet.errors).toEqual([
      { row: 3, column: AREA, message: expect.stringContaining('«Токарь-карусельщик» (ОКПДТР 99999)') },
      { row: 4, column: AREA, message: expect.stringContaining('«Сборщик корпусов»') },
    ]);
    expect(sheet.errors[0].message).toMatch(/справочник/);
    // Nothing of the workbook is stored, so the upload is not "partial".
    expect(result.outcome).toBe('rejected');
    expect(await lastUpload(ctx)).toMatchObject({ outcome: 'rejected', kind: 'vacancies' });
  });

  it.each([
    ['Территория', null, '01.03.2024', /не указана территория/],
    ['Дата', 'Город', null, /не указана дата/],
    ['Дата (empty value)', 'Город', '', /не указана дата/],
  ])('a missing %s is a file-level error; nothing is stored', async (_, territory, asOf, message) => {
    const result = await importRejected(vacanciesWorkbook(territory, asOf, [['Повар', null, '33', 1]]));
    expect(result.outcome).toBe('rejected');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(message);
    expect(result.kind).toBe('vacancies');
  });

  it('an unknown territory or an impossible date is a title error and a file-level error', async () => {
    const result = await importRejected(
      vacanciesWorkbook('Область', '31.02.2024', [['Повар', null, '33', 1]]),
    );
    expect(result.outcome).toBe('rejected');
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/не указана территория/),
      expect.stringMatching(/не указана дата/),
    ]);
    const title = result.sheets.find((s) => s.sheet === 'Титул')!;
    expect(title.errors).toEqual([
      { row: 2, column: 'Значение', message: expect.stringMatching(/Город, Регион.*«Область»/) },
      { row: 3, column: 'Значение', message: expect.stringMatching(/ДД\.ММ\.ГГГГ.*«31\.02\.2024»/) },
    ]);
  });

  it.each([
    [12.5, '12.5'],
    [-1, '-1'],
    ['двенадцать', 'двенадцать'],
  ])('Вакансий %p is an error at its row; nothing is stored', async (value, shown) => {
    const result = await importRejected(
      vacanciesWorkbook('Город', '03.12.2024', [
        ['Повар', null, '33', 2],
        ['Швея', null, '21', value],
      ]),
    );
    expect(result.outcome).toBe('rejected');
    const sheet = result.sheets.find((s) => s.sheet === 'Вакансии')!;
    expect(sheet.errors).toEqual([
      { row: 3, column: 'Вакансий', message: expect.stringContaining(`целое неотрицательное число`) },
    ]);
    expect(sheet.errors[0].message).toContain(`«${shown}»`);
  });

  it('a workbook with Титул but no Вакансии sheet is rejected: there is nothing to store', async () => {
    const { Титул } = vacanciesWorkbook('Город', '06.12.2024', []);
    const result = await importRejected({ Титул });
    expect(result.outcome).toBe('rejected');
    expect(result.errors).toEqual([{ message: expect.stringContaining('«Вакансии»') }]);
  });

  it('a Вакансии sheet with its header and no rows is accepted: no vacancies as of that date', async () => {
    const result = await ctx.importSheets(vacanciesWorkbook('Регион', '07.12.2024', []));
    expect(result).toMatchObject({ accepted: true, outcome: 'accepted' });
    const [demand] = await demands('d.upload_id = ?', [result.uploadId]);
    expect(demand).toMatchObject({ as_of: '2024-12-07', is_current: 1, row_count: 0 });
  });

  it('a missing required column rejects the sheet', async () => {
    const result = await importRejected(
      vacanciesWorkbook(
        'Город',
        '04.12.2024',
        [['Повар', null, '33']],
        ['Профессия', 'Код ОКПДТР', AREA, 'Средняя зарплата'],
      ),
    );
    expect(result.outcome).toBe('rejected');
    const sheet = result.sheets.find((s) => s.sheet === 'Вакансии')!;
    expect(sheet.errors).toContainEqual({
      row: 1,
      column: 'Вакансий',
      message: expect.stringContaining('Нет обязательного столбца «Вакансий»'),
    });
  });

  it('an identical re-upload is a duplicate: nothing new is stored, one more upload is logged', async () => {
    const path = ctx.path('vacancies-same.xlsx');
    await writeXlsx(path, vacanciesWorkbook('Город', '05.12.2024', [['Сварщик', null, '40', 6, 70000]]));
    const first = await ctx.importFile(path);
    expect(first.outcome).toBe('accepted');

    const before = await storedCounts(ctx);
    const uploads = await ctx.count('uploads');
    const again = await ctx.importFile(path, 'vacancies-same-again.xlsx');

    expect(again).toMatchObject({
      outcome: 'duplicate',
      accepted: true,
      duplicateOf: first.uploadId,
      territory: 'Город',
      asOf: '2024-12-05',
      period: '2024/2025',
    });
    expect(again.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/уже был загружен/));
    expect(await storedCounts(ctx)).toEqual(before);
    expect(await ctx.count('uploads')).toBe(uploads + 1);
    expect(await lastUpload(ctx)).toMatchObject({
      id: again.uploadId,
      file_name: 'vacancies-same-again.xlsx',
      outcome: 'duplicate',
      kind: 'vacancies',
      duplicate_of_id: first.uploadId,
    });
    const versions = await demands("d.territory = 'Город' AND d.as_of = '2024-12-05'");
    expect(versions.map((d) => [d.version, d.is_current])).toEqual([[1, 1]]);
  });
  describe('Муниципалитет on the Титул, with one municipality in the registry (or none yet)', () => {
    /** The workbook with a `Муниципалитет` row. */
    const withMunicipality = (sheets: SheetsData, municipality: CellInput) => {
      sheets.Титул.push(['Муниципалитет', municipality]);
      return sheets;
    };

    it('without a registry, a name cannot be checked: refused, saying to load the registry or leave it empty', async () => {
      const result = await importRejected(
        withMunicipality(vacanciesWorkbook('Город', '01.04.2025', [['Повар', null, '33', 1]]), 'Зима'),
      );
      expect(result.errors.map((e) => e.message)).toEqual([
        'Муниципалитета «Зима» нет в реестре организаций. В реестре пока нет ни одного муниципалитета: загрузите реестр организаций или оставьте строку «Муниципалитет» пустой.',
      ]);
    });

    it('may be left empty: the only municipality’s (stored null); named in any case it is the same demand', async () => {
      await ctx.loadRegistry(REGISTRY);
      const empty = await ctx.importSheets(
        vacanciesWorkbook('Город', '02.04.2025', [['Повар', null, '33', 1]]),
      );
      expect([empty.outcome, empty.municipality]).toEqual(['accepted', null]);
      const named = await ctx.importSheets(
        withMunicipality(
          vacanciesWorkbook('Город', '02.04.2025', [['Повар', null, '33', 2]]),
          '  тестовый ОКРУГ ',
        ),
      );
      expect([named.outcome, named.municipality]).toEqual(['accepted', null]);
      const versions = await demands("d.territory = 'Город' AND d.as_of = '2025-04-02'");
      expect(versions.map((d) => [d.upload_id, d.municipality, d.version, d.is_current])).toEqual([
        [empty.uploadId, null, 1, 0],
        [named.uploadId, null, 2, 1],
      ]);
    });

    it('another municipality than the registry’s is refused, naming the registry’s', async () => {
      const result = await importRejected(
        withMunicipality(vacanciesWorkbook('Город', '03.04.2025', [['Повар', null, '33', 1]]), 'Тулун'),
      );
      expect(result.errors.map((e) => e.message)).toEqual([
        'Муниципалитета «Тулун» нет в реестре организаций. Укажите в строке «Муниципалитет» на листе «Титул» название, как в реестре: «Тестовый округ».',
      ]);
      // The territory, date and period were read: the answer says what the file was about.
      expect(result).toMatchObject({ territory: 'Город', asOf: '2025-04-03', period: '2024/2025' });
    });

    it('a Регион workbook must leave it empty', async () => {
      const result = await importRejected(
        withMunicipality(
          vacanciesWorkbook('Регион', '03.04.2025', [['Повар', null, '33', 1]]),
          'Тестовый округ',
        ),
      );
      expect(result.errors.map((e) => e.message)).toEqual([
        'На листе «Титул» указан муниципалитет «Тестовый округ», а территория — «Регион»: вакансии региона относятся ко всему региону. Если это вакансии города, укажите территорию «Город»; если региона — очистите строку «Муниципалитет».',
      ]);
    });
  });
});
