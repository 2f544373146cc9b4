import {
  detectWorkbookKind,
  detectWorkbookKindByTitle,
  expectedSheetsText,
  INSTRUCTIONS_SHEET,
  registryWorkbook,
  sameName,
  schoolWorkbook,
  sheetNameNote,
  sheetRole,
  unknownSheetsWarning,
  vacanciesWorkbook,
  WORKBOOK_KINDS,
} from './workbooks';

describe('detectWorkbookKind', () => {
  it.each(['Выпускники', 'Охват', 'Педагоги', 'Партнёры'])(
    'tells a school workbook by its data sheet «%s»',
    (sheet) => {
      expect(detectWorkbookKind(['Титул', sheet, 'Инструкция'])?.id).toBe('school');
    },
  );

  it('tells a school workbook by a single data sheet, without the title', () => {
    expect(detectWorkbookKind(['Охват'])?.id).toBe('school');
  });

  it('tells the employment center workbook by «Вакансии»', () => {
    expect(detectWorkbookKind(['Титул', 'Вакансии'])?.id).toBe('vacancies');
  });

  it('tells the registry by «Организации»', () => {
    expect(detectWorkbookKind(['Организации'])?.id).toBe('registry');
  });

  it.each([
    [['  выпускники '], 'school'],
    [['ПАРТНЕРЫ'], 'school'],
    [['партнёры'], 'school'],
    [['Лист1', 'ВАКАНСИИ '], 'vacancies'],
    [[' организации'], 'registry'],
  ])('matches sheet names %p ignoring case, spaces and ё/е', (names, kind) => {
    expect(detectWorkbookKind(names)?.id).toBe(kind);
  });

  it.each([
    [['Oхвaт'], 'school'],
    [['Вы\u200bпускники'], 'school'],
    [['Пед\u00adагоги'], 'school'],
    [['\ufeffВакансии'], 'vacancies'],
    [['Opганизации'], 'registry'],
  ])('finds the kind by sheet names %p with look-alike and invisible characters', (names, kind) => {
    expect(detectWorkbookKind(names)?.id).toBe(kind);
  });

  it.each([[[]], [['Лист1', 'Лист2']], [['Титул']], [['Инструкция']], [['Титул', 'Инструкция']]])(
    'finds no kind for sheets %p: no data sheet of any kind',
    (names) => {
      expect(detectWorkbookKind(names)).toBeUndefined();
    },
  );

  it('only looks among the kinds it is given', () => {
    expect(detectWorkbookKind(['Выпускники'], [vacanciesWorkbook, registryWorkbook])).toBeUndefined();
    expect(detectWorkbookKind(['Вакансии'], [vacanciesWorkbook])).toBe(vacanciesWorkbook);
  });
});

describe('sheetRole', () => {
  it('knows the title sheet of the school workbook', () => {
    const role = sheetRole(schoolWorkbook, ' титул ');
    expect(role.role).toBe('title');
    expect(role.role === 'title' && role.schema.name).toBe('Титул');
  });

  it.each(['Выпускники', 'охват', 'ПЕДАГОГИ', 'Партнеры'])(
    'knows «%s» as a data sheet of the school workbook',
    (name) => {
      const role = sheetRole(schoolWorkbook, name);
      expect(role.role).toBe('data');
      expect(role.role === 'data' && sameName(role.schema.name, name)).toBe(true);
    },
  );

  it('treats the instructions sheet as a service sheet, to be skipped quietly', () => {
    expect(sheetRole(schoolWorkbook, INSTRUCTIONS_SHEET)).toEqual({ role: 'service' });
    expect(sheetRole(vacanciesWorkbook, 'инструкция')).toEqual({ role: 'service' });
  });

  it('does not know sheets of other kinds or of nobody', () => {
    expect(sheetRole(schoolWorkbook, 'Вакансии')).toEqual({ role: 'unknown' });
    expect(sheetRole(vacanciesWorkbook, 'Выпускники')).toEqual({ role: 'unknown' });
    expect(sheetRole(schoolWorkbook, 'Лист1')).toEqual({ role: 'unknown' });
  });

  it('gives the vacancies workbook its own title sheet', () => {
    const role = sheetRole(vacanciesWorkbook, 'Титул');
    expect(role.role === 'title' && role.schema.items.map((item) => item.header)).toEqual([
      'Территория',
      'Дата',
      'Муниципалитет',
    ]);
  });

  it('finds no title sheet in the registry', () => {
    expect(sheetRole(registryWorkbook, 'Титул')).toEqual({ role: 'unknown' });
    expect(sheetRole(registryWorkbook, 'Организации').role).toBe('data');
  });
});

describe('detectWorkbookKindByTitle', () => {
  it('tells the kind of a title-only workbook by its required labels, matched like headers', () => {
    expect(detectWorkbookKindByTitle(['Показатель', 'Код организации:'])?.id).toBe('school');
    expect(detectWorkbookKindByTitle(['Учебный год *'])?.id).toBe('school');
    expect(detectWorkbookKindByTitle(['Tерритория', 'Дата'])?.id).toBe('vacancies');
  });

  it('finds no kind without a required label', () => {
    expect(detectWorkbookKindByTitle(['Показатель', 'Ответственный', 'Контакты'])).toBeUndefined();
    expect(detectWorkbookKindByTitle([])).toBeUndefined();
  });
});

describe('sheetRole: names read through look-alike and invisible characters', () => {
  it('finds a sheet named with Latin look-alikes and says which letters were read as what', () => {
    const role = sheetRole(schoolWorkbook, 'Oхвaт');
    expect(role.role).toBe('data');
    expect(role.role === 'data' && role.schema.id).toBe('coverage');
    expect(role.role === 'data' && role.note).toBe(
      'Лист «Oхвaт» прочитан как «Охват»: латинские буквы O, a заменены русскими.',
    );
  });

  it('finds a sheet with an invisible character, saying it was removed', () => {
    const role = sheetRole(schoolWorkbook, 'Партнёры\u200b');
    expect(role).toMatchObject({ role: 'data', note: expect.stringContaining('невидимый символ') });
  });

  it('finds the title and the service sheet the same way', () => {
    expect(sheetRole(vacanciesWorkbook, 'Tитул')).toMatchObject({
      role: 'title',
      note: 'Лист «Tитул» прочитан как «Титул»: латинская буква T заменена русской.',
    });
    expect(sheetRole(schoolWorkbook, 'Инcтрукция')).toEqual({
      role: 'service',
      note: expect.stringContaining('латинская буква c'),
    });
  });

  it('adds no note for a name that differs only in case, spaces and ё', () => {
    expect(sheetRole(schoolWorkbook, ' ПАРТНЕРЫ ')).not.toHaveProperty('note');
    expect(sheetRole(schoolWorkbook, 'Лист1')).toEqual({ role: 'unknown' });
  });
});

describe('sheetNameNote', () => {
  it('says nothing when the name was read as written', () => {
    expect(sheetNameNote('Охват', 'Охват')).toBeUndefined();
    expect(sheetNameNote('охват ', 'Охват')).toBeUndefined();
  });
});

describe('unknownSheetsWarning', () => {
  it('lists the unknown sheets in one warning', () => {
    expect(unknownSheetsWarning([])).toBeUndefined();
    expect(unknownSheetsWarning(['Заметки'])).toBe('Лист «Заметки» не относится к отчёту и не загружен.');
    expect(unknownSheetsWarning(['Лист1', 'Лист2'])).toBe(
      'Листы «Лист1», «Лист2» не относятся к отчёту и не загружены.',
    );
  });

  it('stays short for a workbook with very many sheets', () => {
    const names = Array.from({ length: 500 }, (_, i) => `Лист${i + 1}`);
    const warning = unknownSheetsWarning(names)!;
    expect(warning).toContain('«Лист10» и ещё 490');
    expect(warning.length).toBeLessThan(300);
  });
});

describe('workbook kinds', () => {
  it('follow the contract: titles and sheets', () => {
    expect(
      WORKBOOK_KINDS.map((kind) => [kind.title, kind.titleSheet?.name, kind.sheets.map((s) => s.name)]),
    ).toEqual([
      ['Отчёт организации', 'Титул', ['Выпускники', 'Охват', 'Педагоги', 'Партнёры', 'Профминимум']],
      ['Потребность в кадрах', 'Титул', ['Вакансии']],
      ['Реестр организаций', undefined, ['Организации']],
    ]);
  });

  it('list the expected sheets in Russian for messages', () => {
    const text = expectedSheetsText();
    expect(text).toContain('«Отчёт организации»: «Титул», «Выпускники», «Охват», «Педагоги», «Партнёры»');
    expect(text).toContain('«Потребность в кадрах»: «Титул», «Вакансии»');
    expect(text).toContain('«Реестр организаций»: «Организации»');
  });
});
