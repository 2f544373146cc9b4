import { writeFileSync } from 'node:fs';
import { RegistryService } from '../src/organizations/registry.service';
import { REGISTRY, schoolWorkbook, title } from './support/fixtures';
import { digestOf, lastUpload, storedCounts } from './support/stored';
import { TestContext } from './support/test-context';
import { writeXlsx, type CellInput, type SheetsData } from './support/xlsx';

const HEADERS = ['Код', 'Наименование', 'Тип', 'Муниципалитет', 'Действует с', 'Действует по'];

interface OrganizationRow {
  id: number;
  code: string;
  name: string;
  type: string;
  municipality: string;
  active_from_year: number | null;
  active_to_year: number | null;
}

describe('registry of organizations (RegistryService)', () => {
  const ctx = new TestContext();
  let files = 0;

  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  async function importRegistry(sheets: SheetsData) {
    const path = ctx.path(`registry-${++files}.xlsx`);
    await writeXlsx(path, sheets);
    return importRegistryFile(path);
  }

  const importRegistryFile = (path: string) =>
    ctx.app
      .get(RegistryService)
      .importFile(path, { fileName: path.split('/').pop()!, uploadedBy: 'committee' });

  const organizations = () =>
    ctx.rows<OrganizationRow>(
      'SELECT id, code, name, type, municipality, active_from_year, active_to_year FROM organizations ORDER BY code',
    );

  /** Imports a registry that must be refused whole, and checks that nothing changed but the log. */
  async function expectRejected(sheets: SheetsData) {
    const before = await organizations();
    const counts = await storedCounts(ctx);
    const uploads = await ctx.count('uploads');
    const result = await importRegistry(sheets);
    expect(result.accepted).toBe(false);
    expect(result.outcome).toBe('rejected');
    expect(await organizations()).toEqual(before);
    expect(await storedCounts(ctx)).toEqual(counts);
    expect(await ctx.count('uploads')).toBe(uploads + 1);
    expect(await lastUpload(ctx)).toMatchObject({
      id: result.uploadId,
      kind: 'registry',
      outcome: 'rejected',
      uploaded_by: 'committee',
    });
    return result;
  }

  it('loads organizations with type, municipality and active years', async () => {
    const path = ctx.path('registry-first.xlsx');
    await writeXlsx(path, { Организации: [HEADERS, ...REGISTRY] });
    const result = await importRegistryFile(path);

    expect(result).toMatchObject({ accepted: true, outcome: 'accepted', kind: 'registry', errors: [] });
    expect(result.sheets).toEqual([
      { sheet: 'Организации', accepted: true, rows: 5, errors: [], warnings: [] },
    ]);
    expect((await organizations()).map(({ id: _id, ...org }) => org)).toEqual([
      {
        code: 'COL01',
        name: 'Политехнический колледж',
        type: 'Колледж',
        municipality: 'Тестовый округ',
        active_from_year: null,
        active_to_year: null,
      },
      {
        code: 'DOD01',
        name: 'Дом творчества',
        type: 'Дополнительное образование',
        municipality: 'Тестовый округ',
        active_from_year: null,
        active_to_year: null,
      },
      {
        code: 'SCH01',
        name: 'Школа № 1',
        type: 'Школа',
        municipality: 'Тестовый округ',
        active_from_year: null,
        active_to_year: null,
      },
      {
        code: 'SCH02',
        name: 'Гимназия № 2',
        type: 'Школа',
        municipality: 'Тестовый округ',
        active_from_year: null,
        active_to_year: null,
      },
      {
        code: 'SCH09',
        name: 'Школа № 9 (закрыта)',
        type: 'Школа',
        municipality: 'Тестовый округ',
        active_from_year: 2020,
        active_to_year: 2022,
      },
    ]);
    expect(await lastUpload(ctx)).toMatchObject({
      id: result.uploadId,
      kind: 'registry',
      outcome: 'accepted',
      file_name: 'registry-first.xlsx',
      ...digestOf(path),
    });
  });

  it('a second registry file updates names and adds new codes without deleting the others', async () => {
    const before = await organizations();
    const result = await importRegistry({
      // Sheet and headers are found by name: case, spaces, the required-mark `*` do not matter.
      ' ОРГАНИЗАЦИИ ': [
        ['Код*', 'наименование', 'Тип *', 'Муниципалитет', 'Действует с', 'Действует по'],
        ['SCH01', 'МБОУ «Школа № 1»', 'школа', 'Тестовый округ', null, null],
        ['SCH03', 'Лицей № 3', 'Школа', 'Соседний район', '2023-2024', null],
        ['COL02', 'Медицинский колледж', 'Колледж', 'Тестовый округ', '2021–2022', null],
      ],
    });
    expect(result.errors).toEqual([]);
    expect(result.outcome).toBe('accepted');

    const after = await organizations();
    expect(after.map((o) => o.code)).toEqual(['COL01', 'COL02', 'DOD01', 'SCH01', 'SCH02', 'SCH03', 'SCH09']);
    const byCode = new Map(after.map((o) => [o.code, o]));
    // Updated in place: the same row, so the organization's reports stay attached to it.
    const sch01Before = before.find((o) => o.code === 'SCH01')!;
    expect(byCode.get('SCH01')).toEqual({ ...sch01Before, name: 'МБОУ «Школа № 1»' });
    expect(byCode.get('SCH03')).toMatchObject({
      name: 'Лицей № 3',
      type: 'Школа',
      municipality: 'Соседний район',
      active_from_year: 2023,
      active_to_year: null,
    });
    expect(byCode.get('COL02')).toMatchObject({ type: 'Колледж', active_from_year: 2021 });
    // Not in the second file: kept as they were.
    for (const code of ['COL01', 'DOD01', 'SCH02', 'SCH09'])
      expect(byCode.get(code)).toEqual(before.find((o) => o.code === code));
  });

  it('a code written in another case updates the same organization', async () => {
    const before = await organizations();
    const result = await importRegistry({
      Организации: [
        HEADERS,
        ['col02', 'ГБПОУ «Медицинский колледж»', 'Колледж', 'Тестовый округ', null, null],
      ],
    });
    expect(result.outcome).toBe('accepted');
    const after = await organizations();
    expect(after).toHaveLength(before.length);
    const col02 = after.find((o) => o.code.toUpperCase() === 'COL02')!;
    expect(col02).toMatchObject({
      id: before.find((o) => o.code === 'COL02')!.id,
      name: 'ГБПОУ «Медицинский колледж»',
    });
  });

  it('a retired organization keeps its history', async () => {
    const report = await ctx.importSheets(
      schoolWorkbook({ Титул: title('SCH02', '2023/2024', 'Да', 'https://sch02.example.ru/') }),
    );
    expect(report.outcome).toBe('accepted');
    const sch02 = (await organizations()).find((o) => o.code === 'SCH02')!;
    const versionsOf = () =>
      ctx.rows(
        'SELECT sheet, version, is_current, row_count FROM report_versions WHERE organization_id = ? AND upload_id = ? ORDER BY sheet',
        [sch02.id, report.uploadId],
      );
    const versions = await versionsOf();
    expect(versions.map((v) => v.sheet)).toEqual(['coverage', 'graduates', 'partners', 'teachers', 'title']);

    // Closed after 2023/2024.
    const retired = await importRegistry({
      Организации: [HEADERS, ['SCH02', 'Гимназия № 2', 'Школа', 'Тестовый округ', null, '2023/2024']],
    });
    expect(retired.outcome).toBe('accepted');
    expect((await organizations()).find((o) => o.code === 'SCH02')).toEqual({
      ...sch02,
      active_to_year: 2023,
    });
    expect(await versionsOf()).toEqual(versions);
    expect(await ctx.count('graduate_rows')).toBeGreaterThan(0);

    // Its last year can still be corrected; a later year is refused.
    const later = await ctx.importSheets(
      schoolWorkbook({ Титул: title('SCH02', '2024/2025', 'Да', 'https://sch02.example.ru/') }),
    );
    expect(later.outcome).toBe('rejected');
    expect(later.errors[0].message).toMatch(/не действует в 2024\/2025/);
    expect(await versionsOf()).toEqual(versions);
  });

  describe('an error rejects the whole registry and changes nothing', () => {
    it('an unknown Тип', async () => {
      const result = await expectRejected({
        Организации: [
          HEADERS,
          ['SCH01', 'Переименованная школа', 'Школа', 'Тестовый округ', null, null],
          ['SCH04', 'Лицей № 4', 'Лицей', 'Тестовый округ', null, null],
          ['SCH05', 'Школа № 5', 'Школа', 'Тестовый округ', null, null],
        ],
      });
      expect(result.sheets).toEqual([
        {
          sheet: 'Организации',
          accepted: false,
          rows: 3,
          errors: [{ row: 3, column: 'Тип', message: expect.stringContaining('Указано «Лицей»') }],
          warnings: [],
        },
      ]);
      expect(result.sheets[0].errors[0].message).toMatch(/Школа, Колледж, Дополнительное образование/);
    });

    it('a duplicate Код', async () => {
      const result = await expectRejected({
        Организации: [
          HEADERS,
          ['SCH06', 'Школа № 6', 'Школа', 'Тестовый округ', null, null],
          ['SCH07', 'Школа № 7', 'Школа', 'Тестовый округ', null, null],
          ['sch06 ', 'Школа № 6 (копия)', 'Школа', 'Тестовый округ', null, null],
        ],
      });
      expect(result.sheets[0].errors).toEqual([
        { row: 4, column: 'Код', message: expect.stringMatching(/уже есть в строке 2/) },
      ]);
    });

    it('a missing Наименование column', async () => {
      const result = await expectRejected({
        Организации: [
          ['Код', 'Тип', 'Муниципалитет'],
          ['SCH08', 'Школа', 'Тестовый округ'],
        ],
      });
      expect(result.sheets[0].errors).toContainEqual({
        row: 1,
        column: 'Наименование',
        message: expect.stringContaining('Нет обязательного столбца «Наименование»'),
      });
    });

    it('`Действует по` before `Действует с`', async () => {
      const result = await expectRejected({
        Организации: [
          HEADERS,
          ['SCH01', 'Школа № 1', 'Школа', 'Тестовый округ', null, null],
          ['SCH10', 'Школа № 10', 'Школа', 'Тестовый округ', '2023/2024', '2021/2022'],
        ],
      });
      expect(result.sheets[0].errors).toEqual([
        {
          row: 3,
          column: 'Действует по',
          message: '«Действует по» (2021/2022) раньше, чем «Действует с» (2023/2024).',
        },
      ]);
    });

    it('a year that is not an academic year', async () => {
      const result = await expectRejected({
        Организации: [HEADERS, ['SCH11', 'Школа № 11', 'Школа', 'Тестовый округ', '2023/2025', null]],
      });
      expect(result.sheets[0].errors).toEqual([
        { row: 2, column: 'Действует с', message: expect.stringContaining('«2023/2025»') },
      ]);
    });
  });

  it('a workbook without the Организации sheet is a file error', async () => {
    const rows: CellInput[][] = [HEADERS, ['SCH12', 'Школа № 12', 'Школа', 'Тестовый округ', null, null]];
    const result = await expectRejected({ Школы: rows });
    expect(result.errors).toEqual([{ message: expect.stringContaining('нет листа «Организации»') }]);
    expect(result.warnings).toEqual([{ message: expect.stringContaining('«Школы»') }]);
  });

  it('a file that is not a workbook is a file error', async () => {
    const before = await organizations();
    const path = ctx.path('registry.xlsx');
    writeFileSync(path, 'Код;Наименование\nSCH13;Школа № 13\n');
    const result = await importRegistryFile(path);
    expect(result).toMatchObject({ accepted: false, outcome: 'rejected' });
    expect(result.errors).toEqual([{ message: expect.stringContaining('не является книгой Excel') }]);
    expect(await organizations()).toEqual(before);
    expect(await lastUpload(ctx)).toMatchObject({ kind: 'registry', outcome: 'rejected', ...digestOf(path) });
  });
});
