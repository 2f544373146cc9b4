import { periodOf } from '../periods';
import type { PartnerRow } from '../reports/sheets/partners';
import type { SchoolTitle } from '../reports/sheets/school-title';
import type { TeacherRow } from '../reports/sheets/teachers';
import { carryOver, inForceOn } from './carry-over';

const period2024 = periodOf(2024);

const title: SchoolTitle = {
  organizationCode: 'SCH01',
  period: '2023/2024',
  websiteSection: true,
  websiteUrl: 'https://sch01.example.ru/prof',
  responsible: 'Иванова А. А.',
  contacts: null,
};

const teacher: TeacherRow = {
  name: 'П-001',
  position: 'учитель',
  course: 'Сопровождение профессионального самоопределения',
  hours: 36,
  completedOn: '2024-03-15',
  provider: 'ИРО',
};

const partner = (validUntil: string | null, name = `Партнёр до ${validUntil}`): PartnerRow => ({
  partner: name,
  partnerType: 'Предприятие',
  contractNumber: '12',
  signedOn: '2022-09-01',
  validUntil,
  subject: 'профпробы',
});

describe('inForceOn: an agreement is carried when in force on the new period’s first day', () => {
  it.each([
    [null, true],
    ['2024-09-01', true],
    ['2025-06-30', true],
    ['2024-08-31', false],
    ['2023-12-31', false],
  ])('«Действует до» %s on 2024-09-01: %s', (validUntil, expected) => {
    expect(inForceOn({ validUntil }, '2024-09-01')).toBe(expected);
  });
});

describe('carryOver', () => {
  it('carries every teacher with the course, the agreements in force, the title’s website and contacts', () => {
    // Stored rows carry their ids and Excel rows: only the sheet's columns are carried.
    const stored = { id: 7, versionId: 3, excelRow: 2, ...teacher };
    const carried = carryOver(
      {
        period: '2023/2024',
        accepted: true,
        title: { ...title, id: 1 } as SchoolTitle,
        teachers: [stored, { ...teacher, name: 'П-002', course: null, hours: null, completedOn: null }],
        partners: [partner('2024-08-31', 'Закончился'), partner(null, 'Бессрочный'), partner('2025-12-31')],
      },
      period2024,
    );
    expect(carried?.from).toEqual({ period: '2023/2024', accepted: true });
    expect(carried?.title).toEqual({
      websiteSection: true,
      websiteUrl: 'https://sch01.example.ru/prof',
      responsible: 'Иванова А. А.',
    });
    expect(carried?.sheets.teachers).toEqual([
      teacher,
      { ...teacher, name: 'П-002', course: null, hours: null, completedOn: null },
    ]);
    expect(Object.keys(carried!.sheets.teachers[0])).toEqual([
      'name',
      'position',
      'course',
      'hours',
      'completedOn',
      'provider',
    ]);
    expect(carried?.sheets.partners.map((p) => p.partner)).toEqual(['Бессрочный', 'Партнёр до 2025-12-31']);
    expect(carried?.notes).toEqual({
      title:
        'Строки перенесены из отчёта за 2023/2024 (принят комитетом): проверьте и исправьте выделенные строки этого листа, листы «Педагоги» (педагогов: 2) и «Партнёры» (договоров, действующих на 01.09.2024: 2). Остальные листы заполните заново.',
      teachers:
        'Строки перенесены из отчёта за 2023/2024 (принят комитетом): проверьте и исправьте — удалите тех, кто больше не работает, добавьте новых педагогов, обновите курсы повышения квалификации. Перенесённые строки выделены цветом.',
      partners:
        'Строки перенесены из отчёта за 2023/2024 (принят комитетом): проверьте и исправьте — перенесены договоры, действующие на 01.09.2024 (бессрочные и с «Действует до» не раньше этого дня); удалите расторгнутые, добавьте новые. Перенесённые строки выделены цветом.',
    });
  });

  it('says when the report was not accepted, and notes only the sheets that carry rows', () => {
    const carried = carryOver(
      { period: '2022/2023', accepted: false, teachers: [teacher], partners: [partner('2023-08-31')] },
      period2024,
    );
    expect(carried?.sheets.partners).toEqual([]);
    expect(carried?.title).toEqual({});
    expect(carried?.notes).toEqual({
      title:
        'Строки перенесены из отчёта за 2022/2023 (не принят комитетом): проверьте и исправьте лист «Педагоги» (педагогов: 1). Остальные листы заполните заново.',
      teachers: expect.stringMatching(/^Строки перенесены из отчёта за 2022\/2023 \(не принят комитетом\)/),
    });
  });

  it('is null when there is nothing to carry', () => {
    expect(carryOver({ period: '2023/2024', accepted: true }, period2024)).toBeNull();
    expect(
      carryOver(
        { period: '2023/2024', accepted: true, teachers: [], partners: [partner('2024-05-31')] },
        period2024,
      ),
    ).toBeNull();
  });
});
