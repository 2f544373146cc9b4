// The test compares the built-in classifier with the data file, so it reads a file: the only
// place in the domain where node modules are allowed.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { AREAS, areaByCode, findArea } from './areas';

const AREAS_CSV = join(__dirname, '..', '..', '..', '..', 'data', 'areas.csv');

describe('AREAS', () => {
  it('is exactly the table in data/areas.csv', () => {
    const [header, ...rows] = parse(readFileSync(AREAS_CSV, 'utf8'), { bom: true }) as string[][];
    expect(header).toEqual(['code', 'name', 'short_name']);
    const fromCsv = rows.map(([code, name, shortName]) => ({ code, name, shortName }));
    expect(fromCsv).toHaveLength(34);
    expect(AREAS).toEqual(fromCsv);
  });

  it('has unique two-digit codes', () => {
    const codes = AREAS.map((area) => area.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^\d{2}$/);
  });
});

describe('findArea', () => {
  it.each(['06', '6', '06.', '6.', ' 06 '])('finds an area by its code «%s»', (text) => {
    expect(findArea(text)?.code).toBe('06');
  });

  it('finds an area by its full name', () => {
    expect(findArea('Связь, информационные и коммуникационные технологии')?.code).toBe('06');
  });

  it('finds an area by its short name', () => {
    expect(findArea('IT и связь')?.code).toBe('06');
    expect(findArea('Сервис и услуги')?.code).toBe('33');
  });

  it('ignores case and extra spaces', () => {
    expect(findArea('  it   И СВЯЗЬ ')?.code).toBe('06');
    expect(findArea('ФИНАНСЫ И ЭКОНОМИКА')?.code).toBe('08');
  });

  it('reads ё and е alike, both ways', () => {
    // The classifier writes «Легкая» in the full name and «Лёгкая» in the short name.
    expect(findArea('Лёгкая и текстильная промышленность')?.code).toBe('21');
    expect(findArea('Легкая промышленность')?.code).toBe('21');
    expect(findArea('лёгкая промышленность')?.code).toBe('21');
  });

  it.each(['34', '99', '0', '006', 'Космос', '', 'IT'])(
    'returns undefined for an unknown area «%s»',
    (text) => {
      expect(findArea(text)).toBeUndefined();
    },
  );
});

describe('areaByCode', () => {
  it('finds an area by its canonical code', () => {
    expect(areaByCode('40')?.shortName).toBe('Сквозные промышленные');
    expect(areaByCode('41')).toBeUndefined();
  });
});
