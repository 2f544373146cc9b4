import {
  area,
  carryOver,
  DEMAND_TERRITORIES,
  DESTINATIONS,
  INSTRUCTIONS_SHEET,
  IssueBudget,
  ItemsSheetValidator,
  periodOf,
  schoolWorkbook,
  TableSheetValidator,
  vacanciesWorkbook,
  WORKBOOK_KINDS,
  yesNo,
  type AnyTableSheet,
  type Cell,
  type PartnerRow,
  type SchoolTitle,
  type TeacherRow,
  type WorkbookKind,
} from '@profmonitor/domain';
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook } from '../reader';
import {
  buildWorkbook,
  REVIEW_FILL,
  TEMPLATE_ROWS,
  templateFor,
  writeWorkbookFile,
  type WorkbookContent,
} from './build-workbook';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profmonitor-template-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes the workbook to a file and reads it back, as a person's Excel would hand it over. */
async function roundTrip(workbook: ExcelJS.Workbook, name: string): Promise<ExcelJS.Workbook> {
  const path = join(dir, `${name}.xlsx`);
  await writeWorkbookFile(workbook, path);
  const read = new ExcelJS.Workbook();
  await read.xlsx.readFile(path);
  return read;
}

const sheetOf = (workbook: ExcelJS.Workbook, name: string) => {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};

const rowValues = (sheet: ExcelJS.Worksheet, row: number): unknown[] =>
  (sheet.getRow(row).values as unknown[]).slice(1);

/** The header row a schema should produce: its headers, required ones marked with ` *`. */
const expectedHeaders = (schema: AnyTableSheet) =>
  schema.columns.map((c) => (c.required ? `${c.header} *` : c.header));

type Validations = Record<string, ExcelJS.DataValidation | undefined>;
const validationsOf = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

/** The values a list validation offers: the range on the instruction sheet, resolved. */
function listValues(workbook: ExcelJS.Workbook, validation: ExcelJS.DataValidation): string[] {
  const match = /^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(String(validation.formulae[0]));
  if (!match) throw new Error(`not a range: ${validation.formulae[0]}`);
  const [, sheetName, column, first, lastColumn, last] = match;
  expect(sheetName).toBe(INSTRUCTIONS_SHEET);
  expect(lastColumn).toBe(column);
  const sheet = sheetOf(workbook, sheetName);
  const values: string[] = [];
  for (let row = Number(first); row <= Number(last); row++)
    values.push(String(sheet.getCell(`${column}${row}`).value));
  return values;
}

const letterOf = (schema: AnyTableSheet, key: string) =>
  String.fromCharCode(65 + schema.columns.findIndex((c) => c.key === key));

describe('template of the school workbook', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await roundTrip(templateFor('school'), 'school');
  });

  it('has the instruction sheet, the title sheet and the data sheets in schema order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Инструкция',
      'Титул',
      'Выпускники',
      'Охват',
      'Педагоги',
      'Партнёры',
      'Профминимум',
    ]);
  });

  it('writes the header row of every data sheet from its schema, marking required columns', () => {
    for (const schema of schoolWorkbook.sheets) {
      const sheet = sheetOf(workbook, schema.name);
      expect(rowValues(sheet, 1)).toEqual(expectedHeaders(schema));
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeDefined();
      // Nothing below the header but empty cells (code columns are formatted cell by cell).
      expect(sheet.actualRowCount).toBe(1);
    }
    expect(rowValues(sheetOf(workbook, 'Выпускники'), 1).slice(0, 4)).toEqual([
      'Код выпускника',
      'Класс *',
      'Направление *',
      'Территория',
    ]);
    expect(sheetOf(workbook, 'Выпускники').getColumn(3).width).toBe(22);
  });

  it('writes the title sheet as Показатель / Значение, one row per item', () => {
    const sheet = sheetOf(workbook, 'Титул');
    expect(rowValues(sheet, 1)).toEqual(['Показатель', 'Значение']);
    const labels = schoolWorkbook.titleSheet!.items.map((_, i) => sheet.getCell(i + 2, 1).value);
    expect(labels).toEqual([
      'Код организации *',
      'Учебный год *',
      'Раздел о профессиональном самоопределении на сайте *',
      'Адрес раздела на сайте',
      'Ответственный',
      'Контакты',
    ]);
    expect(sheet.getCell('B2').value).toBeNull();
  });

  it('puts dropdowns on the enumerated columns, pointing at the lists on the instruction sheet', () => {
    const schema = schoolWorkbook.sheets.find((s) => s.id === 'graduates')!;
    const validations = validationsOf(sheetOf(workbook, 'Выпускники'));
    const destination = letterOf(schema, 'destination');
    for (const row of [2, 1000, 2000])
      expect(validations[`${destination}${row}`]).toMatchObject({ type: 'list' });
    expect(validations[`${destination}1`]).toBeUndefined();
    expect(validations[`${destination}2001`]).toBeUndefined();
    expect(validations[`A2`]).toBeUndefined(); // Код выпускника: free text

    const destinationList = validations[`${destination}2`]!;
    expect(destinationList).toMatchObject({ showErrorMessage: true, allowBlank: true });
    expect(destinationList.error).toMatch(/Выберите значение из списка/);
    expect(listValues(workbook, destinationList)).toEqual([...DESTINATIONS]);
    expect(listValues(workbook, validations[`${letterOf(schema, 'area')}2`]!)).toEqual([...area.options!]);
    expect(listValues(workbook, validations[`${letterOf(schema, 'consciousChoice')}2`]!)).toEqual([
      'Да',
      'Нет',
    ]);
    expect(listValues(workbook, validations[`${letterOf(schema, 'graduateClass')}2`]!)).toEqual([
      '9',
      '11',
      'СПО',
    ]);
  });

  it('offers the three levels of the career guidance minimum as a dropdown on Профминимум', () => {
    const schema = schoolWorkbook.sheets.find((s) => s.id === 'profminimum')!;
    const validations = validationsOf(sheetOf(workbook, 'Профминимум'));
    const level = validations[`${letterOf(schema, 'level')}2`]!;
    expect(level).toMatchObject({ type: 'list', showErrorMessage: true });
    expect(listValues(workbook, level)).toEqual(['Базовый', 'Основной', 'Продвинутый']);
    expect(validations[`${letterOf(schema, 'grade')}2`]?.type).not.toBe('list');
  });

  it('puts a dropdown on the enumerated title items only', () => {
    const validations = validationsOf(sheetOf(workbook, 'Титул'));
    expect(listValues(workbook, validations['B4']!)).toEqual([...yesNo.options!]);
    expect(Object.keys(validations).filter((address) => validations[address])).toEqual(['B4']);
  });

  it('stamps the version on the instruction sheet and in the file properties', () => {
    const sheet = sheetOf(workbook, INSTRUCTIONS_SHEET);
    expect(sheet.getCell('A1').value).toBe('Отчёт организации');
    expect(sheet.getCell('A2').value).toBe('Версия шаблона: 2026.1');
    expect(workbook.keywords).toBe('profmonitor:school:2026.1');
    expect(workbook.subject).toBe('school');
    expect(workbook.title).toBe('Отчёт организации');
  });

  it('describes every column on the instruction sheet, with conditions in the validator’s words', () => {
    const sheet = sheetOf(workbook, INSTRUCTIONS_SHEET);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1, 4);
      if (typeof values[0] === 'string' && !rows.has(values[0])) rows.set(values[0], values);
    });
    expect(rows.get('По специальности')).toEqual([
      'По специальности',
      'Да, если «Класс» — СПО и «Направление» — Работа',
      expect.stringContaining('Да или Нет'),
    ]);
    expect(rows.get('Часов')?.[1]).toBe('Да, если заполнено «Курс повышения квалификации»');
    expect(rows.get('Адрес раздела на сайте')?.[1]).toBe(
      'Да, если «Раздел о профессиональном самоопределении на сайте» — Да',
    );
    expect(rows.get('Дата договора')?.slice(1)).toEqual(['Да', 'дата ДД.ММ.ГГГГ']);
    expect(rows.get('Код выпускника')?.[2]).toBe(
      'код (текст, до 50 символов); внутренний код школы, без ФИО; значения не повторяются',
    );
    for (const schema of schoolWorkbook.sheets) {
      for (const column of schema.columns) expect(rows.has(column.header)).toBe(true);
      expect(rows.has(`Лист «${schema.name}»: ${schema.description}`)).toBe(true);
    }
  });
});

/** Every column of every kind whose values are codes (`cellFormat: 'text'`), by sheet name. */
const codeColumns = (kind: WorkbookKind) =>
  kind.sheets.flatMap((schema) =>
    schema.columns.flatMap((column, i) =>
      column.type.cellFormat === 'text' ? [{ sheet: schema.name, header: column.header, column: i + 1 }] : [],
    ),
  );

describe('code columns are text, so that a spreadsheet does not turn 15.01.05 into a date', () => {
  it('are the contract’s codes: graduate, ОКСО, contract number, ОКПДТР, the registry’s code', () => {
    expect(WORKBOOK_KINDS.flatMap((kind) => codeColumns(kind).map((c) => `${c.sheet}: ${c.header}`))).toEqual(
      [
        'Выпускники: Код выпускника',
        'Выпускники: Код ОКСО',
        'Партнёры: Номер договора',
        'Вакансии: Код ОКПДТР',
        'Организации: Код',
      ],
    );
  });

  it.each(WORKBOOK_KINDS.map((kind) => [kind.id, kind] as const))(
    '%s: every data row’s cell of a code column is formatted as text, the header and other columns are not',
    async (id, kind) => {
      const workbook = await roundTrip(templateFor(kind.id), `codes-${id}`);
      for (const { sheet: name, column } of codeColumns(kind)) {
        const sheet = sheetOf(workbook, name);
        // The cells themselves carry the format (the rows exist in the file), not only the column.
        expect(sheet.rowCount).toBe(TEMPLATE_ROWS);
        for (let row = 2; row <= TEMPLATE_ROWS; row++) {
          const cell = sheet.findCell(row, column);
          expect({ row, numFmt: cell?.numFmt, value: cell?.value }).toEqual({
            row,
            numFmt: '@',
            value: null,
          });
        }
        expect(sheet.getColumn(column).numFmt).toBe('@');
        expect(sheet.getCell(1, column).font?.bold).toBe(true);
      }
    },
  );

  it('numbers and dates keep their own formats', async () => {
    const workbook = await roundTrip(templateFor('vacancies'), 'codes-vacancies-others');
    const sheet = sheetOf(workbook, 'Вакансии');
    const schema = vacanciesWorkbook.sheets[0];
    const count = schema.columns.findIndex((c) => c.key === 'vacancies') + 1;
    expect(sheet.findCell(2, count)).toBeUndefined();
    expect(sheet.getColumn(count).numFmt).toBeUndefined();
  });

  it('the title’s «Код организации» value cell is text', async () => {
    const workbook = await roundTrip(templateFor('school'), 'codes-title');
    const sheet = sheetOf(workbook, 'Титул');
    expect(sheet.getCell('A2').value).toBe('Код организации *');
    expect(sheet.getCell('B2').numFmt).toBe('@');
  });

  it('a code written as text reads back as the same text', async () => {
    const workbook = await roundTrip(
      buildWorkbook(schoolWorkbook, {
        sheets: {
          graduates: [
            {
              code: '001',
              graduateClass: 'СПО',
              destination: 'СПО',
              oksoCode: '15.01.05',
              consciousChoice: true,
            },
          ],
          partners: [{ contractNumber: '12/05' }],
        },
      }),
      'codes-filled',
    );
    const graduates = sheetOf(workbook, 'Выпускники');
    const okso = schoolWorkbook.sheets[0].columns.findIndex((c) => c.key === 'oksoCode') + 1;
    expect([graduates.getCell(2, 1).value, graduates.getCell(2, okso).value]).toEqual(['001', '15.01.05']);
    expect(graduates.getCell(2, okso).numFmt).toBe('@');
    const contract =
      schoolWorkbook.sheets
        .find((s) => s.id === 'partners')!
        .columns.findIndex((c) => c.key === 'contractNumber') + 1;
    expect(sheetOf(workbook, 'Партнёры').getCell(2, contract).value).toBe('12/05');
  });
});

describe('a school’s own template', () => {
  it('comes with its organization code and period in the title, as text; the rest stays blank', async () => {
    const workbook = await roundTrip(
      templateFor('school', { organizationCode: '0012', period: '2025/2026' }),
      'school-prefilled',
    );
    const sheet = sheetOf(workbook, 'Титул');
    expect([2, 3, 4, 5, 6, 7].map((row) => sheet.getCell(`B${row}`).value)).toEqual([
      '0012',
      '2025/2026',
      null,
      null,
      null,
      null,
    ]);
    expect(sheet.getCell('B2').numFmt).toBe('@');
    expect(sheet.getCell('B3').numFmt).toBe('@');
    // Still a template: the dropdowns, the instructions and empty data sheets.
    expect(listValues(workbook, validationsOf(sheet)['B4']!)).toEqual(['Да', 'Нет']);
    expect(sheetOf(workbook, INSTRUCTIONS_SHEET).getCell('A1').value).toBe('Отчёт организации');
    const graduates = sheetOf(workbook, 'Выпускники');
    expect(graduates.actualRowCount).toBe(1);
    expect(validationsOf(graduates)[`C${TEMPLATE_ROWS}`]).toMatchObject({ type: 'list' });
  });

  it('refuses an item the title does not have', () => {
    expect(() => templateFor('school', { organisation: 'SCH01' })).toThrow(/no title item "organisation"/);
  });
});

describe('templates of the other kinds', () => {
  it('builds the employment center workbook', async () => {
    const workbook = await roundTrip(templateFor('vacancies'), 'vacancies');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Инструкция', 'Титул', 'Вакансии']);
    expect(rowValues(sheetOf(workbook, 'Вакансии'), 1)).toEqual(expectedHeaders(vacanciesWorkbook.sheets[0]));
    const title = sheetOf(workbook, 'Титул');
    expect(title.getCell('A2').value).toBe('Территория *');
    expect(listValues(workbook, validationsOf(title)['B2']!)).toEqual([...DEMAND_TERRITORIES]);
    expect(title.getCell('B3').numFmt).toBe('dd.mm.yyyy');
    expect(workbook.keywords).toBe('profmonitor:vacancies:2026.1');
  });

  it('builds the registry workbook, which has no title sheet', async () => {
    const workbook = await roundTrip(templateFor('registry'), 'registry');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Инструкция', 'Организации']);
    const sheet = sheetOf(workbook, 'Организации');
    expect(rowValues(sheet, 1)).toEqual([
      'Код *',
      'Наименование *',
      'Краткое наименование',
      'Тип *',
      'Муниципалитет *',
      'Действует с',
      'Действует по',
    ]);
    expect(listValues(workbook, validationsOf(sheet)['D2']!)).toEqual([
      'Школа',
      'Колледж',
      'Дополнительное образование',
    ]);
    expect(workbook.keywords).toBe('profmonitor:registry:2026.1');
  });

  it('rejects an unknown kind', () => {
    expect(() => templateFor('nope' as 'school')).toThrow(/Unknown workbook kind/);
  });
});

const schoolContent: WorkbookContent = {
  title: {
    organizationCode: 'SCH01',
    period: '2023/2024',
    websiteSection: true,
    websiteUrl: 'https://sch01.example.ru/prof',
  },
  sheets: {
    graduates: [
      {
        code: '001',
        graduateClass: '11',
        destination: 'ВУЗ',
        territory: 'Регион',
        organization: 'ЮФУ',
        specialty: 'Программная инженерия',
        oksoCode: '09.03.04',
        area: '06',
        inSpecialty: null,
        consciousChoice: true,
        targetedTraining: false,
        professionalTrials: true,
      },
      { graduateClass: '9', destination: '10 класс', consciousChoice: false },
    ],
    coverage: [{ grade: 9, students: 50, covered: 40, trials: 20, diagnostics: null, excursions: 10 }],
    teachers: [
      {
        name: 'Иванова И. И.',
        position: 'учитель',
        course: 'Профориентация',
        hours: 72,
        completedOn: '2024-03-15',
      },
    ],
    partners: [],
    profminimum: [
      { grade: 6, students: 80, level: 'Базовый', covered: 80, futureTicket: null, hours: 40 },
      { grade: 9, students: 50, level: 'Продвинутый', covered: 48, futureTicket: 35, hours: 82 },
    ],
  },
};

describe('a filled school workbook', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await roundTrip(buildWorkbook(schoolWorkbook, schoolContent), 'filled');
  });

  it('writes the title values as a person would type them', () => {
    const sheet = sheetOf(workbook, 'Титул');
    expect([2, 3, 4, 5, 6].map((row) => sheet.getCell(`B${row}`).value)).toEqual([
      'SCH01',
      '2023/2024',
      'Да',
      'https://sch01.example.ru/prof',
      null,
    ]);
  });

  it('writes Да/Нет, the area option, text, numbers and empty cells', () => {
    const sheet = sheetOf(workbook, 'Выпускники');
    expect(rowValues(sheet, 2)).toEqual([
      '001',
      '11',
      'ВУЗ',
      'Регион',
      'ЮФУ',
      'Программная инженерия',
      '09.03.04',
      '06 IT и связь',
      undefined,
      'Да',
      'Нет',
      'Да',
    ]);
    expect(sheet.getCell('J3').value).toBe('Нет');
    expect(sheet.getCell('D3').value).toBeNull();
    expect(sheet.getCell('G2').numFmt).toBe('@');
    expect(rowValues(sheetOf(workbook, 'Охват'), 2)).toEqual([9, 50, 40, 20, undefined, 10]);
    expect(rowValues(sheetOf(workbook, 'Профминимум'), 3)).toEqual([9, 50, 'Продвинутый', 48, 35, 82]);
  });

  it('writes dates as real Excel dates at UTC midnight, shown as ДД.ММ.ГГГГ', () => {
    const cell = sheetOf(workbook, 'Педагоги').getCell('E2');
    expect(cell.value).toEqual(new Date(Date.UTC(2024, 2, 15)));
    expect(cell.numFmt).toBe('dd.mm.yyyy');
    expect(sheetOf(workbook, 'Педагоги').getCell('D2').value).toBe(72);
  });

  it('leaves a sheet without rows with its header only', () => {
    expect(sheetOf(workbook, 'Партнёры').actualRowCount).toBe(1);
  });

  it('reads back to the same domain values through the sheet validators', () => {
    const cells = (row: ExcelJS.Row, width: number): Cell[] =>
      Array.from({ length: width }, (_, i) => row.getCell(i + 1).value as Cell);
    const title = new ItemsSheetValidator(schoolWorkbook.titleSheet!);
    sheetOf(workbook, 'Титул').eachRow((row, n) => title.push(n, cells(row, 2)));
    const { outcome, record } = title.finish();
    expect(outcome.errors).toEqual([]);
    expect(record).toEqual({ responsible: null, contacts: null, ...schoolContent.title });

    for (const schema of schoolWorkbook.sheets) {
      const validator = new TableSheetValidator(schema);
      const records: unknown[] = [];
      sheetOf(workbook, schema.name).eachRow((row, n) => {
        const record = validator.push(n, cells(row, schema.columns.length));
        if (record) records.push(record);
      });
      expect(validator.finish().errors).toEqual([]);
      const blank = Object.fromEntries(schema.columns.map((c) => [c.key, null]));
      expect(records).toEqual(schoolContent.sheets![schema.id].map((row) => ({ ...blank, ...row })));
    }
  });
});

describe('filled workbooks', () => {
  it('extends the dropdowns past the filled rows', async () => {
    const rows = Array.from({ length: 1800 }, (_, i) => ({
      profession: `Профессия ${i}`,
      area: '33',
      vacancies: i,
    }));
    const workbook = await roundTrip(
      buildWorkbook(vacanciesWorkbook, {
        title: { territory: 'Город', asOf: '2024-06-01' },
        sheets: { vacancies: rows },
      }),
      'vacancies-filled',
    );
    const sheet = sheetOf(workbook, 'Вакансии');
    expect(validationsOf(sheet)['C2301']).toMatchObject({ type: 'list' });
    expect(validationsOf(sheet)['C2302']).toBeUndefined();
    expect(sheet.getCell('C1801').value).toBe('33 Сервис и услуги');
    expect(sheetOf(workbook, 'Титул').getCell('B3').value).toEqual(new Date(Date.UTC(2024, 5, 1)));
  });

  it('writes values that are not in domain form as given, so that error paths can be tested', () => {
    const workbook = buildWorkbook(schoolWorkbook, {
      sheets: {
        graduates: [{ area: 'Космос', destination: 'ВУЗ' }],
        teachers: [{ completedOn: '2024-02-30' }],
      },
    });
    expect(sheetOf(workbook, 'Выпускники').getCell('H2').value).toBe('Космос');
    expect(sheetOf(workbook, 'Педагоги').getCell('E2').value).toBe('2024-02-30');
  });

  it('rejects content for sheets, columns or items the kind does not have', () => {
    const kind: WorkbookKind = schoolWorkbook;
    expect(() => buildWorkbook(kind, { sheets: { vacancies: [] } })).toThrow(/no sheet "vacancies"/);
    expect(() => buildWorkbook(kind, { sheets: { graduates: [{ klass: '9' }] } })).toThrow(
      /no column "klass"/,
    );
    expect(() => buildWorkbook(kind, { title: { org: 'x' } })).toThrow(/no title item "org"/);
    expect(() => buildWorkbook(kind, { review: { notes: { teacher: 'x' } } })).toThrow(
      /no sheet "teacher" to note/,
    );
  });

  it('builds every kind', () => {
    for (const kind of WORKBOOK_KINDS)
      expect(buildWorkbook(kind).getWorksheet(INSTRUCTIONS_SHEET)).toBeDefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Collect once: a school's template carrying rows over from its last report. The rows are
// written as a person would type them and highlighted, a note stands above each sheet that
// carries something (the header is still found below it), and the whole reads back through
// the real reader and validators as the new period's report without an error or a warning.

const teachers: TeacherRow[] = [
  {
    name: 'Иванова И. И.',
    position: 'учитель',
    course: 'Сопровождение профессионального самоопределения',
    hours: 72,
    completedOn: '2024-03-15',
    provider: 'ИРО',
  },
  {
    name: 'П-002',
    position: 'педагог-психолог',
    course: null,
    hours: null,
    completedOn: null,
    provider: null,
  },
];
const partner = (name: string, validUntil: string | null): PartnerRow => ({
  partner: name,
  partnerType: 'Колледж',
  contractNumber: '15.01.05',
  signedOn: '2022-09-01',
  validUntil,
  subject: 'профпробы',
});

const schemaOf = (id: string) => schoolWorkbook.sheets.find((s) => s.id === id)!;

const carried = carryOver(
  {
    period: '2023/2024',
    accepted: true,
    title: { ...schoolContent.title, responsible: 'Иванова А. А.', contacts: null } as SchoolTitle,
    teachers,
    partners: [
      partner('Закончился', '2024-08-31'),
      partner('Бессрочный', null),
      partner('Действует', '2024-09-01'),
    ],
  },
  periodOf(2024),
)!;

describe('a school’s template carrying rows over from its last report', () => {
  let path: string;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await roundTrip(
      templateFor('school', { organizationCode: 'SCH01', period: '2024/2025' }, carried),
      'carried',
    );
    path = join(dir, 'carried.xlsx');
  });

  it('writes the teachers and the agreements in force under a note, highlighted, as a person types them', () => {
    const sheet = sheetOf(workbook, 'Педагоги');
    expect(sheet.getCell('A1').value).toBe(carried.notes.teachers);
    expect(sheet.getCell('A1').value).toMatch(
      /^Строки перенесены из отчёта за 2023\/2024 \(принят комитетом\)/,
    );
    expect(sheet.getCell('A1').fill).toEqual(REVIEW_FILL);
    expect(sheet.model.merges).toEqual(['A1:F1']);
    expect(sheet.getRow(1).height).toBeGreaterThan(15);
    expect(rowValues(sheet, 2)).toEqual(expectedHeaders(schemaOf('teachers')));
    expect(rowValues(sheet, 3)).toEqual([
      'Иванова И. И.',
      'учитель',
      'Сопровождение профессионального самоопределения',
      72,
      new Date(Date.UTC(2024, 2, 15)),
      'ИРО',
    ]);
    expect(sheet.getCell('E3').numFmt).toBe('dd.mm.yyyy');
    expect(rowValues(sheet, 4)).toEqual(['П-002', 'педагог-психолог']);
    for (const address of ['A3', 'F3', 'A4', 'F4']) expect(sheet.getCell(address).fill).toEqual(REVIEW_FILL);
    expect(sheet.getCell('A5').fill).not.toEqual(REVIEW_FILL);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBe('A2:F2');

    const partners = sheetOf(workbook, 'Партнёры');
    expect(partners.getCell('A1').value).toBe(carried.notes.partners);
    expect(rowValues(partners, 2)).toEqual(expectedHeaders(schemaOf('partners')));
    expect([3, 4, 5].map((row) => partners.getCell(row, 1).value)).toEqual(['Бессрочный', 'Действует', null]);
    expect(partners.getCell('C3').value).toBe('15.01.05');
    expect(partners.getCell('D3').value).toEqual(new Date(Date.UTC(2022, 8, 1)));
    expect(partners.getCell('E4').value).toEqual(new Date(Date.UTC(2024, 8, 1)));
  });

  it('moves the dropdowns and the code columns’ text format below the header', () => {
    const partners = sheetOf(workbook, 'Партнёры');
    const validations = validationsOf(partners);
    expect(validations['B3']).toMatchObject({ type: 'list' });
    expect(validations[`B${TEMPLATE_ROWS + 1}`]).toMatchObject({ type: 'list' });
    expect(validations['B2']).toBeUndefined();
    expect(validations[`B${TEMPLATE_ROWS + 2}`]).toBeUndefined();
    expect(partners.findCell(TEMPLATE_ROWS + 1, 3)?.numFmt).toBe('@');
    expect(partners.findCell(TEMPLATE_ROWS + 2, 3)).toBeUndefined();
  });

  it('notes the title, highlights its carried items and opens on it', () => {
    const title = sheetOf(workbook, 'Титул');
    expect(title.getCell('A1').value).toBe(carried.notes.title);
    expect(title.model.merges).toEqual(['A1:B1']);
    expect(rowValues(title, 2)).toEqual(['Показатель', 'Значение']);
    const items = [3, 4, 5, 6, 7, 8].map((row) => [
      title.getCell(row, 2).value,
      !!title.getCell(row, 1).fill,
    ]);
    expect(items).toEqual([
      ['SCH01', false],
      ['2024/2025', false],
      ['Да', true],
      ['https://sch01.example.ru/prof', true],
      ['Иванова А. А.', true],
      [null, false],
    ]);
    expect(validationsOf(title)['B5']).toMatchObject({ type: 'list' });
    expect(workbook.views[0]).toMatchObject({ activeTab: 1 });
    expect(title.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // Selected as well as active (ExcelJS's reader drops the flag: read from the built workbook).
    const built = templateFor('school', undefined, carried).getWorksheet('Титул')!;
    expect(built.views[0]).toMatchObject({ tabSelected: true });
    expect(workbook.worksheets[0].name).toBe('Инструкция');
  });

  it('the other sheets stay blank templates, header on row 1', () => {
    const graduates = sheetOf(workbook, 'Выпускники');
    expect(graduates.getCell('A1').value).toBe('Код выпускника');
    expect(graduates.actualRowCount).toBe(1);
    expect(graduates.views[0]).toMatchObject({ ySplit: 1 });
  });

  it('reads back through the reader and the validators as the new period’s report: no error, no warning', async () => {
    const outcomes: Record<string, { errors: unknown[]; warnings: unknown[]; rows: unknown[] }> = {};
    const budget = new IssueBudget();
    const period = periodOf(2024);
    for await (const sheet of readWorkbook(path)) {
      if (sheet.name === 'Титул') {
        const validator = new ItemsSheetValidator(schoolWorkbook.titleSheet!, budget);
        for await (const row of sheet.rows) validator.push(row.excelRow, row.cells);
        const { outcome, record } = validator.finish();
        outcomes.title = { errors: outcome.errors, warnings: outcome.warnings, rows: [record] };
        continue;
      }
      const schema = schoolWorkbook.sheets.find((s) => s.name === sheet.name);
      if (!schema) continue;
      const validator = new TableSheetValidator(schema, { period }, budget);
      const rows: unknown[] = [];
      for await (const row of sheet.rows) {
        const record = validator.push(row.excelRow, row.cells);
        if (record) rows.push(record);
      }
      const outcome = validator.finish();
      outcomes[schema.id] = { errors: outcome.errors, warnings: outcome.warnings, rows };
    }
    for (const id of ['title', 'graduates', 'coverage', 'teachers', 'partners'])
      expect({ id, errors: outcomes[id].errors, warnings: outcomes[id].warnings }).toEqual({
        id,
        errors: [],
        warnings: [],
      });
    expect(outcomes.title.rows).toEqual([
      {
        organizationCode: 'SCH01',
        period: '2024/2025',
        websiteSection: true,
        websiteUrl: 'https://sch01.example.ru/prof',
        responsible: 'Иванова А. А.',
        contacts: null,
      },
    ]);
    expect(outcomes.teachers.rows).toEqual(teachers);
    expect(outcomes.partners.rows).toEqual([partner('Бессрочный', null), partner('Действует', '2024-09-01')]);
    expect(outcomes.graduates.rows).toEqual([]);
  });

  it('without anything carried, is the school’s own blank template', async () => {
    const blank = templateFor('school', { organizationCode: 'SCH01', period: '2024/2025' });
    expect(sheetOf(blank, 'Педагоги').getCell('A1').value).toBe('Педагог *');
    expect(sheetOf(blank, 'Титул').getCell('A1').value).toBe('Показатель');
    expect(blank.views[0]?.activeTab ?? 0).toBe(0);
  });
});
