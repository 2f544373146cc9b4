import {
  detectWorkbookKind,
  expectedSheetsText,
  INSTRUCTIONS_SHEET,
  registryWorkbook,
  sameName,
  schoolWorkbook,
  sheetRole,
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
    ]);
  });

  it('finds no title sheet in the registry', () => {
    expect(sheetRole(registryWorkbook, 'Титул')).toEqual({ role: 'unknown' });
    expect(sheetRole(registryWorkbook, 'Организации').role).toBe('data');
  });
});

describe('workbook kinds', () => {
  it('follow the contract: titles and sheets', () => {
    expect(
      WORKBOOK_KINDS.map((kind) => [kind.title, kind.titleSheet?.name, kind.sheets.map((s) => s.name)]),
    ).toEqual([
      ['Отчёт организации', 'Титул', ['Выпускники', 'Охват', 'Педагоги', 'Партнёры']],
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
