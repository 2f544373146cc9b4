import { read, utils } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { filterRows, sortRows, type Column } from './columns';
import { toCsv, toXlsx } from './export';

type School = {
  name: string;
  type: string;
  pupils: number | null;
  coverage: number | null;
  sent: string | null;
};

const name: Column<School> = { id: 'name', header: 'Организация', kind: 'text', value: (s) => s.name };
const type: Column<School> = { id: 'type', header: 'Тип', kind: 'text', value: (s) => s.type };
const pupils: Column<School> = { id: 'pupils', header: 'Учеников', kind: 'number', value: (s) => s.pupils };
const coverage: Column<School> = {
  id: 'coverage',
  header: 'Охват',
  kind: 'percent',
  value: (s) => s.coverage,
};
const sent: Column<School> = { id: 'sent', header: 'Сдан', kind: 'date', value: (s) => s.sent };
const columns = [name, type, pupils, coverage, sent];

const schools: School[] = [
  { name: 'МБОУ СОШ № 10', type: 'школа', pupils: 900, coverage: 0.5, sent: '2024-09-01' },
  { name: 'МБОУ СОШ № 4', type: 'школа', pupils: 1200, coverage: null, sent: null },
  { name: 'Ёлочка, гимназия', type: 'гимназия', pupils: 80, coverage: 0.784, sent: '2024-08-31' },
  { name: 'Лицей «Авангард»', type: 'лицей', pupils: null, coverage: 1, sent: '2024-08-30' },
];
const names = (rows: School[]) => rows.map((s) => s.name);

describe('sortRows', () => {
  it('sorts numbers as numbers, not as text, and puts blanks last in either direction', () => {
    expect(names(sortRows(schools, pupils, 'asc'))).toEqual([
      'Ёлочка, гимназия',
      'МБОУ СОШ № 10',
      'МБОУ СОШ № 4',
      'Лицей «Авангард»',
    ]);
    expect(names(sortRows(schools, pupils, 'desc'))).toEqual([
      'МБОУ СОШ № 4',
      'МБОУ СОШ № 10',
      'Ёлочка, гимназия',
      'Лицей «Авангард»',
    ]);
    expect(names(sortRows(schools, coverage, 'desc')).at(-1)).toBe('МБОУ СОШ № 4');
  });

  it('sorts names in Russian order with numbers inside names compared as numbers', () => {
    expect(names(sortRows(schools, name, 'asc'))).toEqual([
      'Ёлочка, гимназия',
      'Лицей «Авангард»',
      'МБОУ СОШ № 4',
      'МБОУ СОШ № 10',
    ]);
    expect(names(sortRows(schools, name, 'desc'))[0]).toBe('МБОУ СОШ № 10');
  });

  it('sorts ISO dates by time and keeps the given order of equal values', () => {
    expect(names(sortRows(schools, sent, 'asc'))).toEqual([
      'Лицей «Авангард»',
      'Ёлочка, гимназия',
      'МБОУ СОШ № 10',
      'МБОУ СОШ № 4',
    ]);
    expect(names(sortRows(schools, type, 'desc')).slice(0, 2)).toEqual(['МБОУ СОШ № 10', 'МБОУ СОШ № 4']);
  });
});

describe('filterRows', () => {
  it('finds every word of the query in the text columns, ignoring case and ё', () => {
    expect(names(filterRows(schools, columns, 'сош 4'))).toEqual(['МБОУ СОШ № 4']);
    expect(names(filterRows(schools, columns, 'елочка'))).toEqual(['Ёлочка, гимназия']);
    expect(names(filterRows(schools, columns, 'ЛИЦЕЙ'))).toEqual(['Лицей «Авангард»']);
    expect(filterRows(schools, columns, '  ')).toHaveLength(4);
    // Numbers are not searched: «900» is no school's name.
    expect(filterRows(schools, columns, '900')).toHaveLength(0);
  });

  it('also searches the extra text (an organization code no column shows)', () => {
    expect(names(filterRows(schools, columns, 'sch10', (s) => (s.pupils === 900 ? 'sch10' : '')))).toEqual([
      'МБОУ СОШ № 10',
    ]);
  });
});

describe('toCsv', () => {
  it('writes UTF-8 with a BOM, `;` between values, decimal commas, quotes where needed', () => {
    const hostile: School = {
      name: '=HYPERLINK("http://x";"a")',
      type: 'школа; вечерняя',
      pupils: 12.5,
      coverage: 0.5025,
      sent: null,
    };
    const csv = toCsv(columns, [schools[2]!, hostile, schools[1]!]);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Организация;Тип;Учеников;Охват;Сдан',
      'Ёлочка, гимназия;гимназия;80;78,4%;31.08.2024',
      `"'=HYPERLINK(""http://x"";""a"")";"школа; вечерняя";12,5;50,3%;`,
      'МБОУ СОШ № 4;школа;1200;;',
      '',
    ]);
  });
});

describe('toXlsx', () => {
  it('writes a header row, numbers as numbers, percentages and dates formatted, formulas as text', async () => {
    const hostile: School = {
      name: '=1+2',
      type: '@SUM(A1)',
      pupils: -3,
      coverage: null,
      sent: '2024-08-31T09:30:00',
    };
    const file = await toXlsx(columns, [schools[2]!, hostile], 'Организации: список');
    const book = read(new Uint8Array(file), { type: 'array' });
    expect(book.SheetNames).toEqual(['Организации  список']);
    expect(utils.sheet_to_json(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: true })).toEqual([
      ['Организация', 'Тип', 'Учеников', 'Охват', 'Сдан'],
      ['Ёлочка, гимназия', 'гимназия', 80, 0.784, 45535],
      ['=1+2', '@SUM(A1)', -3, undefined, 45535 + 9.5 / 24],
    ]);
    // The formats the cells carry: a percentage, a date, a date with time.
    const sheet = read(new Uint8Array(file), { type: 'array', cellNF: true }).Sheets[book.SheetNames[0]!]!;
    expect(sheet['D2']).toMatchObject({ t: 'n', v: 0.784, z: '0.0%' });
    expect(sheet['E2']).toMatchObject({ t: 'n', v: 45535, z: 'dd.mm.yyyy' });
    expect(sheet['E3']).toMatchObject({ t: 'n', z: 'dd.mm.yyyy hh:mm' });
    expect(sheet['A3']).toMatchObject({ t: 's', v: '=1+2' });
    expect(sheet['A3'].f).toBeUndefined();
    expect(sheet['B3'].f).toBeUndefined();
  });
});
