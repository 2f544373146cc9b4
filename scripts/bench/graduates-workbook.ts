/**
 * A seeded, deterministic school workbook for the import benchmark: a `Титул` for the bench
 * school and a `Выпускники` sheet of N graduates, every column filled where it applies, valid
 * per the contract (docs: /work/shared/spec/reports.md). The same N gives the same bytes of
 * content on every run and machine (the zip's timestamps aside).
 */
import {
  organizationsSheet,
  registryWorkbook,
  schoolWorkbook,
  type Destination,
  type GraduateRow,
  type OrganizationRow,
  type Territory,
} from '@profmonitor/domain';
import { buildWorkbook, writeWorkbookFile } from '@profmonitor/workbook';
import { Rng } from '../support/random';

export const BENCH_ORGANIZATION = 'BENCH01';
export const BENCH_PERIOD = '2023/2024';

interface Program {
  okso: string;
  specialty: string;
  area: string;
  places: readonly string[];
}

const COLLEGES: readonly Program[] = [
  {
    okso: '09.02.07',
    specialty: 'Информационные системы и программирование',
    area: '06',
    places: ['ГБПОУ «Политехнический колледж»', 'ГАПОУ «Колледж информационных технологий»'],
  },
  {
    okso: '38.02.01',
    specialty: 'Экономика и бухгалтерский учёт (по отраслям)',
    area: '08',
    places: ['ГБПОУ «Колледж экономики и права»'],
  },
  {
    okso: '34.02.01',
    specialty: 'Сестринское дело',
    area: '02',
    places: ['ГБПОУ «Медицинский колледж № 1»'],
  },
  {
    okso: '15.02.16',
    specialty: 'Технология машиностроения',
    area: '28',
    places: ['ГБПОУ «Политехнический колледж»'],
  },
  {
    okso: '13.02.07',
    specialty: 'Электроснабжение',
    area: '20',
    places: ['ГБПОУ «Энергетический техникум»'],
  },
  {
    okso: '23.02.07',
    specialty: 'Техническое обслуживание и ремонт автотранспортных средств',
    area: '17',
    places: ['ГБПОУ «Автотранспортный техникум»'],
  },
  {
    okso: '43.02.15',
    specialty: 'Поварское и кондитерское дело',
    area: '33',
    places: ['ГБПОУ «Колледж сервиса и туризма»'],
  },
  {
    okso: '44.02.02',
    specialty: 'Преподавание в начальных классах',
    area: '01',
    places: ['ГБПОУ «Педагогический колледж»'],
  },
];

const UNIVERSITIES: readonly Program[] = [
  {
    okso: '09.03.04',
    specialty: 'Программная инженерия',
    area: '06',
    places: [
      'ФГАОУ ВО «Национальный исследовательский университет ИТМО»',
      'ФГБОУ ВО «Технический университет»',
    ],
  },
  {
    okso: '38.03.01',
    specialty: 'Экономика',
    area: '08',
    places: [
      'ФГБОУ ВО «Финансовый университет», филиал',
      'ФГБОУ ВО «Государственный экономический университет»',
    ],
  },
  {
    okso: '40.03.01',
    specialty: 'Юриспруденция',
    area: '09',
    places: ['ФГБОУ ВО «Государственный юридический университет»'],
  },
  {
    okso: '31.05.01',
    specialty: 'Лечебное дело',
    area: '02',
    places: ['ФГБОУ ВО «Медицинский университет»'],
  },
  {
    okso: '14.05.02',
    specialty: 'Атомные станции: проектирование, эксплуатация и инжиниринг',
    area: '24',
    places: ['ФГАОУ ВО «НИЯУ МИФИ»'],
  },
  {
    okso: '44.03.01',
    specialty: 'Педагогическое образование',
    area: '01',
    places: ['ФГБОУ ВО «Педагогический университет»'],
  },
];

const JOBS: readonly { employer: string; profession: string; area: string }[] = [
  { employer: 'АО «Завод «Прогресс»', profession: 'Оператор станков с ЧПУ', area: '28' },
  { employer: 'ООО «Торговый дом «Северный»', profession: 'Продавец-кассир', area: '33' },
  { employer: 'МУП «Горэлектросеть»', profession: 'Электромонтёр', area: '20' },
  { employer: 'ООО «АвтоСервис»', profession: 'Автомеханик', area: '17' },
  { employer: 'ООО «Стройинвест»', profession: 'Каменщик', area: '16' },
  { employer: 'ООО «Кафе «Уют»', profession: 'Повар', area: '33' },
];

const CLASS_DESTINATIONS: Record<'9' | '11', readonly (readonly [Destination, number])[]> = {
  '9': [
    ['10 класс', 55],
    ['СПО', 38],
    ['Работа', 2],
    ['Не учится и не работает', 2],
    ['Другое', 3],
  ],
  '11': [
    ['ВУЗ', 60],
    ['СПО', 20],
    ['Работа', 8],
    ['Армия', 6],
    ['Не учится и не работает', 3],
    ['Другое', 3],
  ],
};

const TERRITORIES: readonly (readonly [Territory, number])[] = [
  ['Город', 45],
  ['Регион', 35],
  ['Другой регион', 20],
];

/** N graduate rows in domain form, as the validator returns them; the same for the same N. */
export function graduateRows(count: number, seed = 20240901): GraduateRow[] {
  const rng = new Rng(seed);
  const rows: GraduateRow[] = [];
  for (let i = 1; i <= count; i++) {
    const graduateClass = rng.chance(0.55) ? '9' : '11';
    const destination = rng.weighted(CLASS_DESTINATIONS[graduateClass]);
    const row: GraduateRow = {
      code: `ВЫП-${String(i).padStart(6, '0')}`,
      graduateClass,
      destination,
      territory: null,
      organization: null,
      specialty: null,
      oksoCode: null,
      area: null,
      inSpecialty: null,
      consciousChoice: rng.chance(0.7),
      targetedTraining: false,
      professionalTrials: rng.chance(0.4),
    };
    if (destination === 'СПО' || destination === 'ВУЗ') {
      const program = rng.pick(destination === 'СПО' ? COLLEGES : UNIVERSITIES);
      Object.assign(row, {
        territory: rng.weighted(TERRITORIES),
        organization: rng.pick(program.places),
        specialty: program.specialty,
        oksoCode: program.okso,
        area: program.area,
        targetedTraining: rng.chance(0.06),
      });
    } else if (destination === 'Работа') {
      const job = rng.pick(JOBS);
      Object.assign(row, {
        territory: rng.weighted(TERRITORIES),
        organization: job.employer,
        specialty: job.profession,
        area: job.area,
        // Only required for college graduates; a school can still say so.
        inSpecialty: rng.chance(0.3),
      });
    }
    rows.push(row);
  }
  return rows;
}

/** Writes the school workbook with N graduates (in the template's layout) to `path`. */
export async function writeGraduatesWorkbook(path: string, count: number): Promise<void> {
  const workbook = buildWorkbook(schoolWorkbook, {
    title: {
      organizationCode: BENCH_ORGANIZATION,
      period: BENCH_PERIOD,
      websiteSection: true,
      websiteUrl: 'https://school1.example.ru/proforientation',
      responsible: 'Иванова Анна Сергеевна, заместитель директора',
      contacts: '+7 (812) 555-01-23, prof@school1.example.ru',
    },
    sheets: { graduates: graduateRows(count) },
  });
  await writeWorkbookFile(workbook, path);
}

/** The registry with the bench school (and any others given), to load before the import. */
export async function writeRegistryWorkbook(
  path: string,
  others: readonly OrganizationRow[] = [],
): Promise<void> {
  const organization: OrganizationRow = {
    code: BENCH_ORGANIZATION,
    name: 'МБОУ «Средняя общеобразовательная школа № 1» (бенчмарк)',
    shortName: 'Школа № 1',
    type: 'Школа',
    municipality: 'Тестовый округ',
    activeFrom: null,
    activeTo: null,
  };
  const workbook = buildWorkbook(registryWorkbook, {
    sheets: { [organizationsSheet.id]: [organization, ...others] },
  });
  await writeWorkbookFile(workbook, path);
}
