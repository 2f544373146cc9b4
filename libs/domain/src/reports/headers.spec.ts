import { HeaderMatcher, headerCandidates } from './headers';

const matcher = (...names: string[]) => new HeaderMatcher(names.map((name) => [name, name] as const));

describe('HeaderMatcher', () => {
  const coverage = matcher('Класс', 'Обучающихся', 'Прошли профессиональные пробы');
  const teachers = matcher('Педагог', 'Часов', 'Организация, проводившая обучение');

  it.each([
    ['Класс', 'Класс'],
    ['КЛАСС', 'Класс'],
    ['  класс  ', 'Класс'],
    ['Класс *', 'Класс'],
    ['Класс*', 'Класс'],
    ['Класс:', 'Класс'],
    ['Класс *:', 'Класс'],
    ['Kласс', 'Класс'],
    ['Клас\u00adс', 'Класс'],
    ['Прошли\nпрофессиональные\u00a0пробы', 'Прошли профессиональные пробы'],
  ])('matches «%s» to «%s» after normalising, without a trailing * or colon', (header, name) => {
    expect(coverage.match(header)).toBe(name);
  });

  it.each([
    ['Обучающихся, чел.', 'Обучающихся'],
    ['Обучающихся, чел', 'Обучающихся'],
    ['Обучающихся (чел.)', 'Обучающихся'],
    ['Обучающихся, чел. *', 'Обучающихся'],
    ['Обучающихся * (чел.)', 'Обучающихся'],
    ['Oбучающихся, человек:', 'Обучающихся'],
  ])('matches «%s» with a unit to «%s»', (header, name) => {
    expect(coverage.match(header)).toBe(name);
  });

  it.each([
    ['Часов (ак. ч)', 'Часов'],
    ['Часов, ак. ч.', 'Часов'],
    ['Часов (ак. ч) *', 'Часов'],
    ['Часов (ак. ч), всего', 'Часов'],
  ])('matches «%s» to «%s»', (header, name) => {
    expect(teachers.match(header)).toBe(name);
  });

  it('matches a column whose own name holds a comma by its whole name, also with a unit', () => {
    expect(teachers.match('Организация, проводившая обучение')).toBe('Организация, проводившая обучение');
    expect(teachers.match('организация,  проводившая обучение *')).toBe('Организация, проводившая обучение');
    expect(teachers.match('Организация, проводившая обучение (наименование)')).toBe(
      'Организация, проводившая обучение',
    );
  });

  it('prefers the exact name to a shorter one followed by a unit', () => {
    const both = matcher('Организация', 'Организация, проводившая обучение');
    expect(both.match('Организация, проводившая обучение')).toBe('Организация, проводившая обучение');
    expect(both.match('Организация, наименование')).toBe('Организация');
  });

  it('matches a name with quotes, whatever quotes were typed', () => {
    const minimum = matcher('Участники «Билета в будущее»', 'Обучающихся');
    expect(minimum.match('Участники «Билета в будущее»')).toBe('Участники «Билета в будущее»');
    expect(minimum.match('Участники "Билета в будущее"')).toBe('Участники «Билета в будущее»');
    expect(minimum.match('Участники “Билета в будущее”, чел.')).toBe('Участники «Билета в будущее»');
  });

  it.each([
    'Классы',
    'Класс обучения',
    'Ученики',
    '',
    'Обучающихся, а также их родителей и законных представителей',
    'Часов (ак. ч',
  ])('does not match «%s»', (header) => {
    expect(coverage.match(header)).toBeUndefined();
  });

  it('does not take a long tail after a comma for a unit', () => {
    expect(coverage.match('Класс, в котором обучался выпускник в прошлом учебном году')).toBeUndefined();
  });

  it('matches a label with a trailing colon (title sheets)', () => {
    const title = matcher('Код организации', 'Учебный год');
    expect(title.match('Код организации:')).toBe('Код организации');
    expect(title.match('учебный год :')).toBe('Учебный год');
  });

  it('compares a very long header whole, quickly', () => {
    const long = `${'Класс '.repeat(5000)}(${' '.repeat(5000)}`;
    const started = Date.now();
    expect(coverage.match(long)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('headerCandidates', () => {
  it('lists the exact text first, then without marks, then without units', () => {
    expect(headerCandidates('Часов (ак. ч) *')).toEqual(['часов (ак. ч) *', 'часов (ак. ч)', 'часов']);
    expect(headerCandidates('Класс')).toEqual(['класс']);
  });
});
