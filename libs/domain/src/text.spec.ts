import {
  clip,
  describeReading,
  hiddenCharactersNote,
  normalizeName,
  plural,
  readName,
  tidyText,
} from './text';

describe('normalizeName', () => {
  it('ignores case, surrounding and repeated spaces, and reads ё as е', () => {
    expect(normalizeName('  Партнёры ')).toBe(normalizeName('ПАРТНЕРЫ'));
    expect(normalizeName('Код  выпускника')).toBe('код выпускника');
    expect(normalizeName('ЁЛКА')).toBe('елка');
  });

  it('keeps marks that header matching handles itself (a trailing * or colon)', () => {
    expect(normalizeName('Класс *')).toBe('класс *');
    expect(normalizeName('Код организации:')).toBe('код организации:');
  });

  it.each([
    ['a non-breaking space', 'Код\u00a0выпускника'],
    ['a narrow no-break space', 'Код\u202fвыпускника'],
    ['a thin space', 'Код\u2009выпускника'],
    ['an em space', 'Код\u2003выпускника'],
    ['a line break', 'Код\nвыпускника'],
    ['a Windows line break', 'Код\r\nвыпускника'],
    ['a tab', 'Код\tвыпускника'],
    ['a line separator', 'Код\u2028выпускника'],
  ])('reads %s as a space', (_case, text) => {
    expect(normalizeName(text)).toBe('код выпускника');
  });

  it.each([
    ['a zero-width space', 'Вы\u200bпускники'],
    ['a zero-width non-joiner', 'Вып\u200cускники'],
    ['a zero-width joiner', 'Выпу\u200dскники'],
    ['a word joiner', 'Выпус\u2060кники'],
    ['a soft hyphen', 'Выпуск\u00adники'],
    ['a byte-order mark', '\ufeffВыпускники'],
    ['a left-to-right mark', 'Выпускники\u200e'],
  ])('removes %s', (_case, text) => {
    expect(normalizeName(text)).toBe('выпускники');
  });

  it('does not turn a removed invisible character into a space', () => {
    expect(normalizeName('Код\u200b выпускника')).toBe('код выпускника');
    expect(normalizeName('\u00ad Охват \u200b')).toBe('охват');
  });

  it.each([
    ['A B C E H K M O P T X', 'АВСЕНКМОРТХ', 'ABCEHKMOPTX'],
    ['a c e o p x y', 'ясеорху', 'яceopxy'],
  ])('reads the Latin look-alikes %s as Cyrillic in a Cyrillic word', (_case, cyrillic, mixed) => {
    expect(normalizeName(`Я${mixed.slice(1)}`)).toBe(normalizeName(`Я${cyrillic.slice(1)}`));
  });

  it.each([
    ['CПО', 'спо'],
    ['Kласс', 'класс'],
    ['Oхвaт', 'охват'],
    ['Hет', 'нет'],
    ['Дa', 'да'],
    ['Paбота', 'работа'],
    ['ВУЗ', 'вуз'],
    ['Tерритория', 'территория'],
  ])('reads «%s» as «%s»', (text, normalized) => {
    expect(normalizeName(text)).toBe(normalized);
  });

  it('leaves a word made only of Latin letters Latin', () => {
    expect(normalizeName('IT и связь')).toBe('it и связь');
    expect(normalizeName('OK')).toBe('ok');
    expect(normalizeName('SCH01')).toBe('sch01');
  });

  it('leaves a word with a Latin letter that has no Cyrillic twin as it is', () => {
    // «s» and «t» have no twin: the word is not «otherwise Cyrillic», so nothing is guessed.
    expect(normalizeName('Cпециалиst')).toBe('cпециалиst');
  });

  it('ends a word at digits, punctuation and spaces', () => {
    // «IT» is a word of its own: it stays Latin, while «специалист» is Cyrillic anyway.
    expect(normalizeName('IT-специалист')).toBe('it-специалист');
    // The letter of a code next to digits is a word of one Latin letter: kept.
    expect(normalizeName('B-12')).toBe('b-12');
    expect(normalizeName('9A')).toBe('9a');
    // A Cyrillic word with a look-alike, next to digits and punctuation, is still read.
    expect(normalizeName('10 клаcс')).toBe('10 класс');
    expect(normalizeName('(CПО)')).toBe('(спо)');
    expect(normalizeName('Oбучающихся, чел.')).toBe('обучающихся, чел.');
  });

  it('joins a word split by an invisible character before looking for look-alikes', () => {
    expect(normalizeName('C\u00adПО')).toBe('спо');
  });
});

describe('readName', () => {
  it('says which Latin letters were read as Cyrillic, each once, in order', () => {
    const reading = readName('Oхвaт a');
    expect(reading.normalized).toBe('охват a');
    expect(reading.readAs).toBe('Охват a');
    expect(reading.lookAlikes).toEqual([
      { latin: 'O', cyrillic: 'О' },
      { latin: 'a', cyrillic: 'а' },
    ]);
    expect(reading.invisibles).toEqual([]);
  });

  it('names the invisible characters it removed', () => {
    expect(readName('Вы\u200bпуск\u00adники\u200b').invisibles).toEqual([
      'пробел нулевой ширины',
      'мягкий перенос',
    ]);
  });

  it('reports nothing for a name that differs only in case, spaces and ё', () => {
    const reading = readName('  ПАРТНЕРЫ ');
    expect(reading.lookAlikes).toEqual([]);
    expect(reading.invisibles).toEqual([]);
    expect(describeReading(reading)).toBeUndefined();
  });
});

describe('describeReading', () => {
  it('says in Russian which letters were replaced and which characters removed', () => {
    expect(describeReading(readName('Oхвaт'))).toBe('латинские буквы O, a заменены русскими');
    expect(describeReading(readName('Kласс'))).toBe('латинская буква K заменена русской');
    expect(describeReading(readName('Охват\u200b'))).toBe('удалён невидимый символ (пробел нулевой ширины)');
    expect(describeReading(readName('O\u00adхват\ufeff'))).toBe(
      'латинская буква O заменена русской; удалены невидимые символы (мягкий перенос, метка порядка байтов)',
    );
  });
});

describe('hiddenCharactersNote', () => {
  it('names an invisible character', () => {
    expect(hiddenCharactersNote('Кос\u200bмос')).toBe(
      'в значении есть невидимый символ (пробел нулевой ширины)',
    );
  });

  it('names Latin letters in a Cyrillic word, quoting the word', () => {
    expect(hiddenCharactersNote('Kосмос')).toBe('в слове «Kосмос» латинская буква K');
    expect(hiddenCharactersNote('Kосмoс')).toBe('в слове «Kосмoс» латинские буквы K, o');
  });

  it('names Cyrillic letters in a Latin word', () => {
    expect(hiddenCharactersNote('SCН01')).toBe('в слове «SCН» русская буква Н');
  });

  it('says nothing about a value in one alphabet per word', () => {
    expect(hiddenCharactersNote('IT и связь')).toBeUndefined();
    expect(hiddenCharactersNote('Космос')).toBeUndefined();
    expect(hiddenCharactersNote('')).toBeUndefined();
  });

  it('names both kinds together', () => {
    expect(hiddenCharactersNote('Kос\u00adмос')).toBe(
      'в значении есть невидимый символ (мягкий перенос); в слове «Kосмос» латинская буква K',
    );
  });
});

describe('tidyText', () => {
  it('removes invisible characters, turns every space and line break into one space, and trims', () => {
    expect(tidyText('\u200b 1\u00a0234\u202f ')).toBe('1 234');
    expect(tidyText('Иванова\nА. А.')).toBe('Иванова А. А.');
  });
});

describe('plural', () => {
  it.each([
    [1, 'ошибка'],
    [2, 'ошибки'],
    [4, 'ошибки'],
    [5, 'ошибок'],
    [11, 'ошибок'],
    [12, 'ошибок'],
    [14, 'ошибок'],
    [21, 'ошибка'],
    [22, 'ошибки'],
    [111, 'ошибок'],
    [1001, 'ошибка'],
    [0, 'ошибок'],
  ])('%i %s', (count, word) => {
    expect(plural(count, 'ошибка', 'ошибки', 'ошибок')).toBe(word);
  });
});

describe('clip', () => {
  it('keeps a short text and cuts a long one with an ellipsis', () => {
    expect(clip('Охват')).toBe('Охват');
    expect(clip('a'.repeat(100))).toBe('a'.repeat(100));
    expect(clip('a'.repeat(101))).toBe(`${'a'.repeat(100)}…`);
    expect(clip('a'.repeat(1_000_000), 10)).toBe(`${'a'.repeat(10)}…`);
  });
});

describe('normalizeName, the short way', () => {
  it('gives what readName gives, for texts of one alphabet and mixed ones alike', () => {
    const texts = [
      '  Не учится  и\u00a0не работает ',
      'ВУЗ',
      'IT и связь',
      'CПО',
      'Ёлка',
      'Работа\nв городе',
      'SCH-01',
      '10 клаcс',
      'Со\u00adгласие',
      '',
      '12 345',
      'Oхвaт',
    ];
    for (const text of texts) expect(normalizeName(text)).toBe(readName(text).normalized);
  });
});
