import {
  code,
  graduatesSheet,
  MAX_CODE_LENGTH,
  MAX_TEXT_LENGTH,
  organizationsSheet,
  partnersSheet,
  schoolTitleSheet,
  teachersSheet,
  text,
  url,
  vacanciesSheet,
  type AnySheet,
} from '@profmonitor/domain';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { VacancyRowEntity } from '../src/labor/labor.entities';
import { OrganizationEntity } from '../src/organizations/organization.entity';
import { SCHOOL_SHEET_ENTITIES } from '../src/reports/entities/sheet-rows.entity';
import { GRADUATE_HEADERS, PARTNER_HEADERS, REGISTRY, title } from './support/fixtures';
import { TestContext } from './support/test-context';

// The contract lets a text cell hold 1,000 characters and a code 50 (reports.md, General
// rules). SQLite stores any length in any column; PostgreSQL refuses a longer value than its
// varchar says — an accepted cell would fail the import there. So every column that stores a
// cell is at least as wide as the contract allows, and a workbook at the limits is stored whole
// on both databases.

const ctx = new TestContext();
beforeAll(async () => {
  await ctx.start();
  await ctx.loadRegistry(REGISTRY);
});
afterAll(() => ctx.stop());

/** Each sheet of the contract and the entity its rows are stored in. */
const STORED: [AnySheet, EntityTarget<ObjectLiteral>][] = [
  [schoolTitleSheet, SCHOOL_SHEET_ENTITIES.title],
  [graduatesSheet, SCHOOL_SHEET_ENTITIES.graduates],
  [teachersSheet, SCHOOL_SHEET_ENTITIES.teachers],
  [partnersSheet, SCHOOL_SHEET_ENTITIES.partners],
  [vacanciesSheet, VacancyRowEntity],
  [organizationsSheet, OrganizationEntity],
];

/** The longest value the contract lets a column's type hold; undefined for other types. */
function allowed(type: unknown): number | undefined {
  if (type === text || type === url) return MAX_TEXT_LENGTH;
  if (type === code) return MAX_CODE_LENGTH;
  return undefined;
}

it('every column that stores a text or a code cell is as wide as the contract allows', () => {
  const narrow: string[] = [];
  for (const [sheet, entity] of STORED) {
    const metadata = ctx.db.getMetadata(entity);
    const columns = sheet.layout === 'table' ? sheet.columns : sheet.items;
    for (const spec of columns) {
      const limit = allowed(spec.type);
      if (limit === undefined) continue;
      const column = metadata.findColumnWithPropertyName(String(spec.key));
      if (!column) continue; // read but not stored (the Титул's code and period are the version's)
      const width = column.type === 'text' ? Infinity : Number(column.length || 0);
      if (width < limit) narrow.push(`${metadata.tableName}.${column.databaseName}: ${width} < ${limit}`);
    }
  }
  expect(narrow).toEqual([]);
});

it('a workbook whose texts are 1,000 characters long and codes 50 is stored whole', async () => {
  const long = (n: number, letter: string) => letter.repeat(n);
  const graduate = Object.fromEntries(GRADUATE_HEADERS.map((h) => [h, null])) as Record<string, unknown>;
  Object.assign(graduate, {
    'Код выпускника': long(MAX_CODE_LENGTH, 'К'),
    Класс: 11,
    Направление: 'ВУЗ',
    Территория: 'Регион',
    Организация: long(MAX_TEXT_LENGTH, 'У'),
    'Специальность или профессия': long(MAX_TEXT_LENGTH, 'С'),
    'Область профессиональной деятельности': '06',
    'Осознанный выбор': 'Да',
  });
  const result = await ctx.importSheets({
    Титул: title('SCH01', '2023/2024', 'Да', `https://sch01.example.ru/${long(MAX_TEXT_LENGTH - 25, 'p')}`),
    Выпускники: [GRADUATE_HEADERS, GRADUATE_HEADERS.map((h) => graduate[h] as string | number | null)],
    Партнёры: [
      PARTNER_HEADERS,
      [
        long(MAX_TEXT_LENGTH, 'П'),
        'Предприятие',
        long(MAX_CODE_LENGTH, '7'),
        '01.09.2023',
        null,
        long(MAX_TEXT_LENGTH, 'э'),
      ],
    ],
  });
  expect(JSON.stringify(result.sheets.flatMap((s) => s.errors))).toBe('[]');
  expect(result).toMatchObject({ accepted: true });
  /** The lengths of the stored values of the upload's row in `table`, column by column. */
  const lengths = async (table: string, columns: string[]) => {
    const [row] = await ctx.rows<Record<string, string>>(
      `SELECT ${columns.join(', ')} FROM ${table} t
         JOIN report_versions v ON v.id = t.version_id WHERE v.upload_id = ?`,
      [result.uploadId],
    );
    return columns.map((column) => row[column].length);
  };
  expect(await lengths('partner_rows', ['partner', 'contract_number', 'subject'])).toEqual([
    MAX_TEXT_LENGTH,
    MAX_CODE_LENGTH,
    MAX_TEXT_LENGTH,
  ]);
  expect(await lengths('graduate_rows', ['code', 'organization', 'specialty'])).toEqual([
    MAX_CODE_LENGTH,
    MAX_TEXT_LENGTH,
    MAX_TEXT_LENGTH,
  ]);
});
