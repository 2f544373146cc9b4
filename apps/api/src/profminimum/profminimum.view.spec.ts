import { profminimumSchools } from './profminimum.view';

const school = (id: number, code: string, name: string, versionId: number | null) => ({
  id,
  code,
  name,
  municipality: 'Зима',
  versionId,
});
const row = (versionId: number, grade: number, level: 'Базовый' | 'Основной' | 'Продвинутый') => ({
  versionId,
  grade,
  students: 20,
  level,
  covered: 10,
  futureTicket: null,
  hours: null,
});

describe('profminimumSchools', () => {
  it('each school with its version’s rows by grade, sorted by name; basicOnly only for a sheet of basic rows', () => {
    const schools = [
      school(1, 'A', 'Школа № 2', 10),
      school(2, 'B', 'Гимназия', 11),
      school(3, 'C', 'Лицей', null),
      // A current version without rows (the import stores none: an empty sheet is not sent): not «basic only».
      school(4, 'D', 'Колледж-школа', 12),
    ];
    const rows = [
      row(11, 9, 'Базовый'),
      row(10, 11, 'Основной'),
      row(11, 6, 'Базовый'),
      row(10, 7, 'Базовый'),
    ];
    expect(
      profminimumSchools(schools, rows).map((s) => [
        s.org,
        s.reported,
        s.grades.map((g) => g.grade),
        s.basicOnly,
      ]),
    ).toEqual([
      ['B', true, [6, 9], true],
      ['D', true, [], false],
      ['C', false, [], false],
      ['A', true, [7, 11], false],
    ]);
  });

  it('the rows as the contract has them: no version id', () => {
    const [only] = profminimumSchools([school(1, 'A', 'Школа', 5)], [row(5, 8, 'Продвинутый')]);
    expect(only.grades).toEqual([
      { grade: 8, students: 20, level: 'Продвинутый', covered: 10, futureTicket: null, hours: null },
    ]);
  });
});
