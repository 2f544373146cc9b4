import {
  amount,
  area,
  code,
  count,
  MAX_COUNT,
  date,
  formatIsoDate,
  isBlank,
  MAX_CODE_LENGTH,
  MAX_TEXT_LENGTH,
  oneOf,
  parseDateText,
  period,
  quoteCell,
  showCell,
  text,
  textTooLong,
  toIsoDate,
  url,
  wholeNumber,
  yesNo,
  type Cell,
  type FormulaWithoutResult,
  type Parsed,
  type ValueType,
} from './values';

type FilledCell = Exclude<Cell, null | undefined | FormulaWithoutResult>;

/** The parsed value; fails the test with the message when the cell was rejected. */
function valueOf<T>(type: ValueType<T>, cell: FilledCell): T {
  const parsed: Parsed<T> = type.parse(cell);
  if ('error' in parsed) throw new Error(`expected ${String(cell)} to be accepted, got: ${parsed.error}`);
  return parsed.value;
}

/** The error message; fails the test when the cell was accepted. */
function errorOf<T>(type: ValueType<T>, cell: FilledCell): string {
  const parsed: Parsed<T> = type.parse(cell);
  if (!('error' in parsed))
    throw new Error(`expected ${String(cell)} to be rejected, got: ${String(parsed.value)}`);
  return parsed.error;
}

/** A message meant for a person: Russian text, quoting what they wrote. */
function expectRussianMessageQuoting(message: string, written: string): void {
  expect(message).toMatch(/^[А-ЯЁ]/);
  expect(message).toMatch(/[а-яё]{4,}/);
  expect(message).toContain(`«${written}»`);
}

const utcDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

describe('isBlank and showCell', () => {
  it('treats null, undefined, empty and space-only texts as blank', () => {
    for (const cell of [null, undefined, '', '   ', '\t', '\u00a0', '\u200b', ' \u00ad\ufeff\n'])
      expect(isBlank(cell)).toBe(true);
    for (const cell of [0, false, 'x', utcDate(2024, 1, 1)]) expect(isBlank(cell)).toBe(false);
  });

  it('quotes a cell cut to 100 characters', () => {
    expect(quoteCell('Да')).toBe('Да');
    expect(quoteCell('я'.repeat(500))).toBe(`${'я'.repeat(100)}…`);
  });

  it('shows a cell as a person sees it', () => {
    expect(showCell('  Да ')).toBe('Да');
    expect(showCell(12)).toBe('12');
    expect(showCell(utcDate(2024, 8, 31))).toBe('31.08.2024');
    expect(showCell(null)).toBe('');
    expect(() => showCell(new Date(NaN))).not.toThrow();
  });
});

describe('text', () => {
  it('trims texts and writes numbers and dates as a person sees them', () => {
    expect(valueOf(text, '  Школа № 5 ')).toBe('Школа № 5');
    expect(valueOf(text, '\u00a0\u200bШкола № 5\u202f\n')).toBe('Школа № 5');
    expect(valueOf(text, 13.0211)).toBe('13.0211');
    expect(valueOf(text, utcDate(2024, 5, 25))).toBe('25.05.2024');
  });

  it(`holds at most ${MAX_TEXT_LENGTH} characters`, () => {
    expect(valueOf(text, 'я'.repeat(MAX_TEXT_LENGTH))).toHaveLength(MAX_TEXT_LENGTH);
    expect(valueOf(text, ` ${'я'.repeat(MAX_TEXT_LENGTH)} `)).toHaveLength(MAX_TEXT_LENGTH);
    expect(valueOf(text, '😀'.repeat(MAX_TEXT_LENGTH))).toHaveLength(2 * MAX_TEXT_LENGTH);
  });

  it('rejects a longer text, saying how long it is and the limit, without quoting it', () => {
    const message = errorOf(text, 'я'.repeat(1234));
    expect(message).toBe(
      'Текст длиннее 1000 символов: в ячейке 1234 символа. Сократите его до 1000 символов.',
    );
    expect(errorOf(text, 'я'.repeat(1001))).toContain('в ячейке 1001 символ.');
    expect(errorOf(text, 'я'.repeat(32767))).toContain('в ячейке 32767 символов.');
  });
});

describe('code', () => {
  it('reads a code as text: trimmed, numbers as digits, invisible characters removed', () => {
    expect(valueOf(code, ' 15.01.05 ')).toBe('15.01.05');
    expect(valueOf(code, 105)).toBe('105');
    expect(valueOf(code, 'SCH\u200b01\u00ad')).toBe('SCH01');
    expect(valueOf(code, 'A'.repeat(MAX_CODE_LENGTH))).toHaveLength(MAX_CODE_LENGTH);
  });

  it(`rejects a code longer than ${MAX_CODE_LENGTH} characters, saying how long it is`, () => {
    expect(errorOf(code, 'A'.repeat(51))).toBe(
      'Код длиннее 50 символов: в ячейке 51 символ. Укажите только сам код, не длиннее 50 символов.',
    );
  });

  it('rejects a real date, telling to type the code as text', () => {
    const message = errorOf(code, utcDate(2005, 1, 15));
    expect(message).toContain('превратила код в дату «15.01.2005»');
    expect(message).toContain('как текст');
    expect(message).toContain('«Текстовый»');
  });

  it('is formatted as text in templates', () => {
    expect(code.cellFormat).toBe('text');
  });
});

describe('count', () => {
  it.each<[FilledCell, number]>([
    [12, 12],
    [12.0, 12],
    [0, 0],
    ['12', 12],
    [' 12 ', 12],
    ['12.0', 12],
    ['12,0', 12],
    ['1 200', 1200],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1\u202f234', 1234],
    ['1\u2009234', 1234],
    ['1 234 567', 1234567],
    ['\u200b12\u200b', 12],
    ['12\n', 12],
  ])('reads %p as %p', (cell, expected) => {
    expect(valueOf(count, cell)).toBe(expected);
  });

  it.each<FilledCell>([
    12.5,
    -1,
    '-1',
    '12.5',
    '12,5',
    'двенадцать',
    '12 шт.',
    '12 34',
    '1 2345',
    true,
    utcDate(2024, 1, 12),
  ])('rejects %p with a Russian message asking for a whole non-negative number', (cell) => {
    const message = errorOf(count, cell);
    expectRussianMessageQuoting(message, showCell(cell));
    expect(message).toContain('целое неотрицательное число');
  });

  it.each<FilledCell>([10_000_001, 5_000_000_000, '99 999 999 999'])(
    'rejects %p: above any count a report holds (and a 32-bit database column)',
    (cell) => {
      const message = errorOf(count, cell);
      expectRussianMessageQuoting(message, showCell(cell));
      expect(message).toContain('слишком большое');
      expect(message).toContain('10\u00a0000\u00a0000');
    },
  );

  it('reads the largest count', () => {
    expect(valueOf(count, MAX_COUNT)).toBe(10_000_000);
  });

  it('quotes the text the person wrote', () => {
    expect(errorOf(count, 'двенадцать')).toBe(
      'Укажите целое неотрицательное число (например, 12), а не «двенадцать».',
    );
  });
});

describe('amount', () => {
  it.each<[FilledCell, number]>([
    [45000, 45000],
    [45000.5, 45000.5],
    ['45000', 45000],
    ['45 000,50', 45000.5],
    ['45\u00a0000', 45000],
    [0, 0],
  ])('reads %p as %p roubles', (cell, expected) => {
    expect(valueOf(amount, cell)).toBe(expected);
  });

  it.each<FilledCell>([-100, '-100', 'сорок тысяч', '45 000 руб.', false])('rejects %p', (cell) => {
    const message = errorOf(amount, cell);
    expectRussianMessageQuoting(message, showCell(cell));
    expect(message).toContain('неотрицательное число');
  });
});

describe('yesNo', () => {
  it.each<FilledCell>([
    'Да',
    'да',
    'ДА',
    ' Да ',
    '1',
    1,
    '+',
    true,
    'true',
    'TRUE',
    'ИСТИНА',
    'Дa',
    'Д\u200bа',
  ])('reads %p as yes', (cell) => {
    expect(valueOf(yesNo, cell)).toBe(true);
  });

  it.each<FilledCell>(['Нет', 'нет', 'НЕТ', '0', 0, '-', false, 'false', 'ЛОЖЬ', 'Hет', 'нет\u00a0'])(
    'reads %p as no',
    (cell) => {
      expect(valueOf(yesNo, cell)).toBe(false);
    },
  );

  it.each<FilledCell>(['Может быть', 'Yes', 'д', 2, '2'])('rejects %p, asking for Да or Нет', (cell) => {
    const message = errorOf(yesNo, cell);
    expectRussianMessageQuoting(message, showCell(cell));
    expect(message).toContain('«Да» или «Нет»');
  });

  it('offers Да and Нет in the dropdown', () => {
    expect(yesNo.options).toEqual(['Да', 'Нет']);
  });
});

describe('date', () => {
  it('reads an Excel date (a UTC midnight) as its calendar day', () => {
    expect(valueOf(date, utcDate(2024, 8, 31))).toBe('2024-08-31');
    expect(valueOf(date, utcDate(2024, 2, 29))).toBe('2024-02-29');
  });

  it.each<[string, string]>([
    ['31.08.2024', '2024-08-31'],
    [' 31.08.2024 ', '2024-08-31'],
    ['01.09.2023', '2023-09-01'],
    ['2024-08-31', '2024-08-31'],
    ['29.02.2024', '2024-02-29'],
    ['20.11.2023 г.', '2023-11-20'],
    ['20.11.2023г.', '2023-11-20'],
    ['20.11.2023 г', '2023-11-20'],
    ['20.11.2023\u00a0г.', '2023-11-20'],
    ['1.9.2023', '2023-09-01'],
    ['\u200b2023-11-20\u00a0', '2023-11-20'],
  ])('reads the text «%s» as %s', (cell, expected) => {
    expect(valueOf(date, cell)).toBe(expected);
  });

  it.each<FilledCell>([
    '31.02.2024',
    '29.02.2023',
    '2024-13-01',
    '32.01.2024',
    '2024/08/31',
    '31/08/2024',
    '20.11.2023 года рождения',
    'г. 20.11.2023',
    'вчера',
    45535,
  ])('rejects %p, showing the expected form', (cell) => {
    const message = errorOf(date, cell);
    expectRussianMessageQuoting(message, showCell(cell));
    expect(message).toContain('ДД.ММ.ГГГГ');
  });

  it('rejects an invalid Date object instead of throwing', () => {
    const message = errorOf(date, new Date(NaN));
    expect(message).toContain('ДД.ММ.ГГГГ');
    expect(message).not.toContain('Invalid');
  });
});

describe('date helpers', () => {
  it('parseDateText returns ISO dates for real calendar days only', () => {
    expect(parseDateText('31.12.2023')).toBe('2023-12-31');
    expect(parseDateText('2023-12-31')).toBe('2023-12-31');
    expect(parseDateText('31.04.2024')).toBeNull();
    expect(parseDateText('')).toBeNull();
  });

  it('toIsoDate and formatIsoDate convert between the two forms', () => {
    expect(toIsoDate(utcDate(2024, 1, 5))).toBe('2024-01-05');
    expect(formatIsoDate('2024-01-05')).toBe('05.01.2024');
  });
});

describe('period', () => {
  it.each([
    '2023/2024',
    '2023-2024',
    '2023–2024',
    ' 2023 / 2024 ',
    '2023/24',
    '2023-24',
    '2023/2024 уч. год',
    '2023-2024 учебный год',
    '2023/24 г.',
  ])('reads «%s» as 2023/2024', (cell) => {
    expect(valueOf(period, cell)).toBe('2023/2024');
  });

  it.each<FilledCell>(['2023/2025', '2023/25', '2023', 2023, 'этот год'])(
    'rejects %p with an example',
    (cell) => {
      const message = errorOf(period, cell);
      expectRussianMessageQuoting(message, showCell(cell));
      expect(message).toContain('2023/2024');
    },
  );
});

describe('area', () => {
  it.each<FilledCell>([
    '06',
    '6',
    '06.',
    6,
    'IT и связь',
    'it и связь',
    'Связь, информационные и коммуникационные технологии',
    '06 IT и связь',
    '06\u00a0',
    '\u200b06',
    'Cвязь, информационные и коммуникационные технологии',
    'Связь,\nинформационные и коммуникационные технологии',
  ])('reads %p as the code 06', (cell) => {
    expect(valueOf(area, cell)).toBe('06');
  });

  it('reads names with look-alike letters and invisible characters', () => {
    expect(valueOf(area, 'Kультура')).toBe('04');
    expect(valueOf(area, 'Транс\u00adпорт')).toBe('17');
    expect(valueOf(area, 'лёгкая промышленность')).toBe('21');
  });

  it('accepts every option of its own dropdown', () => {
    expect(area.options).toContain('06 IT и связь');
    for (const option of area.options ?? []) expect(valueOf(area, option)).toBe(option.slice(0, 2));
  });

  it.each<FilledCell>(['Космонавтика', '34', 99, '06 Финансы'])(
    'rejects %p, pointing to the classifier',
    (cell) => {
      const message = errorOf(area, cell);
      expectRussianMessageQuoting(message, showCell(cell));
      expect(message).toContain('классификатор');
      expect(message).toContain('Инструкция');
    },
  );
});

describe('url', () => {
  it.each(['https://school5.ru/prof', 'http://school5.ru', ' https://школа5.рф/профориентация '])(
    'accepts the web address «%s»',
    (cell) => {
      expect(valueOf(url, cell)).toBe(cell.trim());
    },
  );

  it.each([
    'school5.ru/prof',
    'www.school5.ru',
    'ftp://school5.ru',
    'mailto:info@school5.ru',
    'https://',
    'нет сайта',
  ])('rejects «%s», asking for http:// or https://', (cell) => {
    const message = errorOf(url, cell);
    expectRussianMessageQuoting(message, cell);
    expect(message).toContain('http://');
    expect(message).toContain('https://');
  });
});

describe('oneOf', () => {
  const grade = oneOf(['9', '11', 'СПО'] as const);
  const partner = oneOf(['Предприятие', 'Партнёрская НКО', 'Другой регион'] as const);

  it('returns the canonical spelling, whatever the case and spaces', () => {
    expect(valueOf(grade, 'спо')).toBe('СПО');
    expect(valueOf(grade, ' Спо ')).toBe('СПО');
    expect(valueOf(partner, 'ПРЕДПРИЯТИЕ')).toBe('Предприятие');
    expect(valueOf(partner, 'другой  регион')).toBe('Другой регион');
  });

  it('reads ё and е alike', () => {
    expect(valueOf(partner, 'партнерская нко')).toBe('Партнёрская НКО');
  });

  it('reads Latin look-alikes and invisible characters as the contract says', () => {
    expect(valueOf(grade, 'CПО')).toBe('СПО');
    expect(valueOf(grade, 'С\u200bПО')).toBe('СПО');
    expect(valueOf(partner, 'Пред\u00adприятие')).toBe('Предприятие');
    expect(valueOf(partner, 'Пpедпpиятие\u00a0')).toBe('Предприятие');
    expect(valueOf(partner, 'Другой\nрегион')).toBe('Другой регион');
  });

  it('quotes a long rejected value cut short', () => {
    const message = errorOf(grade, 'Я'.repeat(30000));
    expect(message.length).toBeLessThan(200);
    expect(message).toContain('…»');
  });

  it('reads numbers as their text', () => {
    expect(valueOf(grade, 9)).toBe('9');
    expect(valueOf(grade, 11)).toBe('11');
    expect(valueOf(grade, '9')).toBe('9');
  });

  it('rejects anything else, listing the allowed values', () => {
    const message = errorOf(grade, 10);
    expect(message).toBe('Допустимые значения: 9, 11, СПО. Указано «10».');
    expectRussianMessageQuoting(errorOf(grade, 'ПТУ'), 'ПТУ');
  });

  it('offers its values for the dropdown', () => {
    expect(grade.options).toEqual(['9', '11', 'СПО']);
  });
});

describe('wholeNumber', () => {
  const grade = wholeNumber(1, 11);

  it.each<[FilledCell, number]>([
    [1, 1],
    [11, 11],
    [8.0, 8],
    ['8', 8],
    [' 10 ', 10],
  ])('reads %p as %p', (cell, expected) => {
    expect(valueOf(grade, cell)).toBe(expected);
  });

  it.each<FilledCell>([0, 12, 8.5, '-1', 'восьмой', '8а'])('rejects %p, naming the range', (cell) => {
    const message = errorOf(grade, cell);
    expectRussianMessageQuoting(message, showCell(cell));
    expect(message).toContain('от 1 до 11');
  });
});

describe('textTooLong', () => {
  it('refuses any cell over 1,000 characters before a value type reads it, spaces around aside', () => {
    expect(textTooLong('я'.repeat(1000))).toBeUndefined();
    expect(textTooLong(`  ${'я'.repeat(1000)}   `)).toBeUndefined();
    expect(textTooLong('я'.repeat(1001))).toBe(
      'Текст длиннее 1000 символов: в ячейке 1001 символ. Сократите его до 1000 символов.',
    );
    expect(textTooLong(12)).toBeUndefined();
  });
});
