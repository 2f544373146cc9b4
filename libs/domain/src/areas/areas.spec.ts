// The test compares the built-in classifier with the data file, so it reads a file: the only
// place in the domain where node modules are allowed.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import { join } from 'node:path';
import { AREAS, areaByCode, findArea } from './areas';

const AREAS_CSV = join(__dirname, '..', '..', '..', '..', 'data', 'areas.csv');

/** RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('parseCsv (test helper)', () => {
  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(parseCsv('a,"b, c","say ""hi""\nagain"\r\nd,e,f')).toEqual([
      ['a', 'b, c', 'say "hi"\nagain'],
      ['d', 'e', 'f'],
    ]);
  });
});

describe('AREAS', () => {
  it('is exactly the table in data/areas.csv', () => {
    const [header, ...rows] = parseCsv(readFileSync(AREAS_CSV, 'utf8').replace(/^\uFEFF/, ''));
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
