/**
 * Seeded, deterministic data of a region for regional-scale.ts: a registry of N reporting
 * organizations (mostly schools, some colleges, a few non-reporting partners), and for each
 * organization and period the rows of a full school workbook in domain form, as the sheet
 * validators return them (`Титул`, ~100 `Выпускники`, `Охват` for grades 5–11 in schools, ~30
 * `Педагоги`, a few `Партнёры`), plus the labor demand (`Вакансии`) of each period. Every row is
 * valid per the contract. The same arguments give the same rows on every run and machine.
 */
import {
  PARTNER_TYPES,
  periodOf,
  type CoverageRow,
  type GraduateRow,
  type OrganizationRow,
  type OrganizationType,
  type PartnerRow,
  type SchoolTitle,
  type TeacherRow,
  type Territory,
  type VacanciesTitle,
  type VacancyRow,
} from '@profmonitor/domain';
import { graduateRows } from './graduates-workbook';
import { Rng } from '../support/random';

/** A seed from small whole numbers (organization, period, stream). */
const seedOf = (...parts: number[]) =>
  parts.reduce((seed, part) => Math.imul(seed ^ (part + 0x9e3779b9), 0x85ebca6b) >>> 0, 0x2545f491);

export interface RegionalOrganization {
  /** 1-based position in the registry. */
  index: number;
  code: string;
  name: string;
  type: OrganizationType;
  municipality: string;
}

export interface RegionalReport {
  title: SchoolTitle;
  graduates: GraduateRow[];
  /** Schools only: colleges do not report `Охват`. */
  coverage?: CoverageRow[];
  teachers: TeacherRow[];
  partners: PartnerRow[];
}

/** Municipalities of a region: these names first, then numbered ones (`… № 2`) past them. */
const MUNICIPALITY_NAMES = [
  'Центральный городской округ',
  'Северный муниципальный район',
  'Южный муниципальный район',
  'Заречный городской округ',
  'Приморский муниципальный район',
  'Озёрный муниципальный округ',
  'Лесной городской округ',
  'Горный муниципальный район',
  'Степной муниципальный район',
  'Речной городской округ',
  'Восточный муниципальный район',
  'Западный муниципальный округ',
  'Берёзовский муниципальный район',
  'Сосновский муниципальный округ',
  'Кедровый городской округ',
  'Луговой муниципальный район',
  'Полевой муниципальный район',
  'Ключевской муниципальный округ',
  'Каменский городской округ',
  'Солнечный муниципальный район',
];

/** The default number of municipalities the organizations are spread over. */
export const DEFAULT_MUNICIPALITIES = 12;

/** The names of `count` municipalities, distinct. */
export function municipalityNames(count = DEFAULT_MUNICIPALITIES): string[] {
  return Array.from({ length: count }, (_, i) => {
    const name = MUNICIPALITY_NAMES[i % MUNICIPALITY_NAMES.length];
    const round = Math.floor(i / MUNICIPALITY_NAMES.length);
    return round === 0 ? name : `${name} № ${round + 1}`;
  });
}

/** One organization in this many is a college; the rest are schools. */
const COLLEGE_EVERY = 12;
/** Non-reporting organizations (partners) added to the registry besides the reporting ones. */
const PARTNER_ORGANIZATIONS = 10;

/**
 * The reporting organizations of the region, in registry order, dealt to `municipalities`
 * municipalities in turn (each gets every `municipalities`-th organization).
 */
export function regionalOrganizations(
  count: number,
  municipalities = DEFAULT_MUNICIPALITIES,
): RegionalOrganization[] {
  const names = municipalityNames(municipalities);
  const organizations: RegionalOrganization[] = [];
  let schools = 0;
  let colleges = 0;
  for (let index = 1; index <= count; index++) {
    const college = index % COLLEGE_EVERY === 0;
    const number = college ? ++colleges : ++schools;
    organizations.push({
      index,
      code: college ? `COL${String(number).padStart(4, '0')}` : `SCH${String(number).padStart(4, '0')}`,
      name: college
        ? `ГБПОУ «Региональный колледж № ${number}»`
        : `МБОУ «Средняя общеобразовательная школа № ${number}»`,
      type: college ? 'Колледж' : 'Школа',
      municipality: names[index % names.length],
    });
  }
  return organizations;
}

/** The registry sheet: the reporting organizations and a few non-reporting partners. */
export function registryRows(organizations: readonly RegionalOrganization[]): OrganizationRow[] {
  // The partners are dealt to the same municipalities.
  const names = municipalityNames(new Set(organizations.map((o) => o.municipality)).size);
  return [
    ...organizations.map((o) => ({
      code: o.code,
      name: o.name,
      shortName: null,
      type: o.type,
      municipality: o.municipality,
      activeFrom: null,
      activeTo: null,
    })),
    ...Array.from({ length: PARTNER_ORGANIZATIONS }, (_, i) => ({
      code: `DO${String(i + 1).padStart(3, '0')}`,
      name: `МБУ ДО «Центр детского творчества № ${i + 1}»`,
      shortName: `ЦДТ № ${i + 1}`,
      type: 'Дополнительное образование' as const,
      municipality: names[i % names.length],
      activeFrom: null,
      activeTo: null,
    })),
  ];
}

/** The periods: `count` academic years ending with `lastStartYear`/`lastStartYear + 1`. */
export function regionalPeriods(count: number, lastStartYear = 2024): string[] {
  return Array.from({ length: count }, (_, i) => periodOf(lastStartYear - count + 1 + i).code);
}

const POSITIONS = [
  'учитель',
  'учитель',
  'учитель',
  'классный руководитель',
  'педагог-психолог',
  'социальный педагог',
  'педагог дополнительного образования',
  'заместитель директора',
];
const COURSES = [
  'Сопровождение профессионального самоопределения обучающихся',
  'Профориентационная работа в школе: проект «Билет в будущее»',
  'Организация профессиональных проб',
];
const PROVIDERS = [
  'Институт развития образования',
  'Региональный центр профориентации',
  'ФГАОУ ДПО «Академия»',
];
const PARTNERS = [
  'АО «Машиностроительный завод»',
  'ГБПОУ «Политехнический колледж»',
  'ФГБОУ ВО «Технический университет»',
  'ГКУ «Центр занятости населения»',
  'МБУ ДО «Кванториум»',
  'ООО «Региональная энергосетевая компания»',
  'ГБУЗ «Городская больница № 1»',
];
const SUBJECTS = ['профпробы', 'экскурсии на предприятие', 'наставничество', 'целевое обучение'];
const JOBS: readonly { employer: string; profession: string; area: string }[] = [
  { employer: 'АО «Машиностроительный завод»', profession: 'Техник-технолог', area: '28' },
  { employer: 'ООО «Региональная энергосетевая компания»', profession: 'Электромонтёр', area: '20' },
  { employer: 'ООО «АвтоСервис»', profession: 'Автомеханик', area: '17' },
  { employer: 'ГБУЗ «Городская больница № 1»', profession: 'Медицинская сестра', area: '02' },
  { employer: 'ООО «Стройинвест»', profession: 'Мастер строительных работ', area: '16' },
  { employer: 'ООО «Торговый дом»', profession: 'Бухгалтер', area: '08' },
];
const UNIVERSITIES = [
  { okso: '15.03.05', specialty: 'Конструкторско-технологическое обеспечение', area: '28' },
  { okso: '13.03.02', specialty: 'Электроэнергетика и электротехника', area: '20' },
  { okso: '09.03.04', specialty: 'Программная инженерия', area: '06' },
];
const TERRITORIES: readonly (readonly [Territory, number])[] = [
  ['Город', 50],
  ['Регион', 35],
  ['Другой регион', 15],
];

/** A college's graduates (class СПО): mostly to work, some on to a university, some to the army. */
function collegeGraduates(count: number, rng: Rng): GraduateRow[] {
  const rows: GraduateRow[] = [];
  for (let i = 1; i <= count; i++) {
    const destination = rng.weighted([
      ['Работа', 60],
      ['ВУЗ', 15],
      ['Армия', 12],
      ['Не учится и не работает', 8],
      ['Другое', 5],
    ] as const);
    const row: GraduateRow = {
      code: `СПО-${String(i).padStart(6, '0')}`,
      graduateClass: 'СПО',
      destination,
      territory: null,
      organization: null,
      specialty: null,
      oksoCode: null,
      area: null,
      inSpecialty: null,
      consciousChoice: rng.chance(0.8),
      targetedTraining: false,
      professionalTrials: rng.chance(0.6),
    };
    if (destination === 'Работа') {
      const job = rng.pick(JOBS);
      Object.assign(row, {
        territory: rng.weighted(TERRITORIES),
        organization: job.employer,
        specialty: job.profession,
        area: job.area,
        inSpecialty: rng.chance(0.65),
      });
    } else if (destination === 'ВУЗ') {
      const program = rng.pick(UNIVERSITIES);
      Object.assign(row, {
        territory: rng.weighted(TERRITORIES),
        organization: 'ФГБОУ ВО «Технический университет»',
        specialty: program.specialty,
        oksoCode: program.okso,
        area: program.area,
        targetedTraining: rng.chance(0.1),
      });
    } else if (destination === 'Не учится и не работает') {
      row.inSpecialty = false;
    }
    rows.push(row);
  }
  return rows;
}

/** `YYYY-MM-DD` of a day `days` after 1 January of `year` (no leap-day surprises: days < 365). */
function dayOfYear(year: number, days: number): string {
  return new Date(Date.UTC(year, 0, 1 + days)).toISOString().slice(0, 10);
}

/**
 * One organization's full workbook for a period (`YYYY/YYYY`), in domain form. `variant`
 * changes the draw (a corrected re-upload): 0 is what the regional database holds.
 */
export function regionalReport(
  organization: RegionalOrganization,
  period: string,
  graduatesPerOrganization: number,
  variant = 0,
): RegionalReport {
  const startYear = Number(period.slice(0, 4));
  const { endsOn } = periodOf(startYear);
  const rng = new Rng(seedOf(organization.index, startYear, variant));
  const school = organization.type === 'Школа';
  // ±20 % around the nominal size, so that organizations differ.
  const spread = Math.max(1, Math.round(graduatesPerOrganization * 0.2));
  const graduateCount = Math.max(1, graduatesPerOrganization + rng.int(-spread, spread));
  const graduates = school
    ? graduateRows(graduateCount, seedOf(organization.index, startYear, variant, 1))
    : collegeGraduates(graduateCount, rng);

  const websiteSection = rng.chance(0.85);
  const title: SchoolTitle = {
    organizationCode: organization.code,
    period,
    websiteSection,
    websiteUrl: websiteSection ? `https://${organization.code.toLowerCase()}.edu.example/prof` : null,
    responsible: 'заместитель директора по воспитательной работе',
    contacts: `${organization.code.toLowerCase()}@edu.example`,
  };

  // Coverage rises over the years, differently in each school.
  const trend = 0.45 + 0.04 * (startYear - 2015) + rng.float() * 0.25;
  const coverage = school
    ? [5, 6, 7, 8, 9, 10, 11].map((grade): CoverageRow => {
        const students = grade >= 10 ? rng.int(15, 55) : rng.int(40, 110);
        const share = (p: number) => Math.min(students, Math.round(students * Math.min(1, Math.max(0, p))));
        return {
          grade,
          students,
          covered: share(trend + (rng.float() - 0.5) * 0.2),
          trials: share(trend * 0.6 + (rng.float() - 0.5) * 0.2),
          diagnostics: share(0.5 + rng.float() * 0.4),
          excursions: rng.chance(0.8) ? share(0.2 + rng.float() * 0.5) : null,
        };
      })
    : undefined;

  const teacherCount = rng.int(25, 35);
  const teachers = Array.from({ length: teacherCount }, (_, i): TeacherRow => {
    const trained = rng.chance(0.55);
    return {
      name: `Педагог ${String(i + 1).padStart(3, '0')}`,
      position: rng.pick(POSITIONS),
      course: trained ? rng.pick(COURSES) : null,
      hours: trained ? rng.pick([8, 16, 24, 36, 72]) : null,
      // Within the five years up to the end of the period (never after it).
      completedOn: trained ? dayOfYear(startYear - 4 + rng.int(0, 4), rng.int(0, 210)) : null,
      provider: trained ? rng.pick(PROVIDERS) : null,
    };
  });
  if (teachers.some((t) => t.completedOn && t.completedOn > endsOn)) throw new Error('course after period');

  const partners = Array.from({ length: rng.int(1, 5) }, (_, i): PartnerRow => {
    const signedOn = dayOfYear(startYear - rng.int(0, 4), rng.int(0, 300));
    const years = rng.chance(0.3) ? null : rng.int(1, 5);
    return {
      partner: rng.pick(PARTNERS),
      partnerType: rng.pick(PARTNER_TYPES),
      contractNumber: `Д-${startYear}-${i + 1}`,
      signedOn,
      validUntil:
        years === null
          ? null
          : `${Number(signedOn.slice(0, 4)) + years}${signedOn.slice(4) === '-02-29' ? '-02-28' : signedOn.slice(4)}`,
      subject: rng.pick(SUBJECTS),
    };
  });

  return { title, graduates, coverage, teachers, partners };
}

/** The region's labor demand for a period: the regional employment center's vacancies by area. */
export function regionalVacancies(period: string): { title: VacanciesTitle; rows: VacancyRow[] } {
  const startYear = Number(period.slice(0, 4));
  const rng = new Rng(seedOf(0, startYear, 7));
  const professions: readonly [string, string][] = [
    ['Продавец-кассир', '33'],
    ['Повар', '33'],
    ['Каменщик', '16'],
    ['Монтажник', '16'],
    ['Водитель автомобиля', '17'],
    ['Автомеханик', '17'],
    ['Оператор станков с ЧПУ', '28'],
    ['Токарь', '28'],
    ['Электромонтёр', '20'],
    ['Медицинская сестра', '02'],
    ['Врач-терапевт', '02'],
    ['Учитель', '01'],
    ['Воспитатель', '01'],
    ['Программист', '06'],
    ['Бухгалтер', '08'],
    ['Юрист', '09'],
    ['Инженер-энергетик', '24'],
    ['Сварщик', '40'],
  ];
  return {
    title: { territory: 'Регион', asOf: `${startYear + 1}-06-01`, municipality: null },
    rows: professions.map(([profession, area]) => ({
      profession,
      okpdtr: null,
      area,
      vacancies: rng.int(20, 400),
      averageSalary: rng.int(35, 120) * 1000,
    })),
  };
}
