/**
 * The fictional world of the demo: the municipality, where its graduates go to study and work,
 * its partners, training courses and the professions the employment center is asked for.
 * Every organization here is invented; ОКСО and ОКПДТР codes are real classifier codes (ОКПДТР is
 * left empty for professions without a single code of their own).
 */
import type { PartnerRow, Territory } from '@profmonitor/domain';
import type { Weighted } from './random';

export const MUNICIPALITY = 'Северозаводский городской округ';
export const COLLEGE_NAME = 'ГБПОУ «Северозаводский политехнический колледж»';
export const EMPLOYMENT_CENTER = 'ГКУ «Центр занятости населения г. Северозаводска»';
export const TECH_CENTER = 'МБУ ДО «Центр технического творчества «Кванториум»»';
const PLANT = 'АО «Северозаводский машиностроительный завод»';
const BUS_DEPOT = 'МУП «Северозаводское пассажирское автотранспортное предприятие»';
const TECH_UNIVERSITY = 'ФГАОУ ВО «Северный технический университет»';
const STATE_UNIVERSITY = 'ФГБОУ ВО «Северный государственный университет»';
const IRO = 'ГАУ ДПО «Институт развития образования Северной области»';
const CNPPM = 'Центр непрерывного повышения профессионального мастерства';

/** A program of study a graduate may continue in. */
export interface Program {
  level: 'СПО' | 'ВУЗ';
  okso: string;
  specialty: string;
  area: string;
  /** Taught in Северозаводск itself (the local college, the university branch). */
  local?: boolean;
  /** How often school graduates choose it: the demo's lean to IT, finance, law, nuclear. */
  weight: number;
}

const program = (
  level: Program['level'],
  okso: string,
  specialty: string,
  area: string,
  weight: number,
  local = false,
): Program => ({ level, okso, specialty, area, weight, local });

export const PROGRAMS: readonly Program[] = [
  // СПО: the local polytechnic college (and the medical college's branch) teach those marked true.
  program('СПО', '09.02.07', 'Информационные системы и программирование', '06', 24, true),
  program('СПО', '09.02.06', 'Сетевое и системное администрирование', '06', 6),
  program('СПО', '38.02.01', 'Экономика и бухгалтерский учёт (по отраслям)', '08', 8, true),
  program('СПО', '38.02.07', 'Банковское дело', '08', 5),
  program('СПО', '40.02.04', 'Юриспруденция', '09', 11),
  program('СПО', '14.02.01', 'Атомные электрические станции и установки', '24', 9),
  program('СПО', '34.02.01', 'Сестринское дело', '02', 7, true),
  program('СПО', '44.02.02', 'Преподавание в начальных классах', '01', 3),
  program('СПО', '15.02.16', 'Технология машиностроения', '28', 3, true),
  program('СПО', '13.02.07', 'Электроснабжение', '20', 3, true),
  program('СПО', '08.02.01', 'Строительство и эксплуатация зданий и сооружений', '16', 2, true),
  program('СПО', '23.02.07', 'Техническое обслуживание и ремонт автотранспортных средств', '17', 3, true),
  program('СПО', '43.02.15', 'Поварское и кондитерское дело', '33', 5, true),
  program('СПО', '15.01.05', 'Сварщик (ручной и частично механизированной сварки (наплавки))', '40', 2, true),
  program('СПО', '54.02.01', 'Дизайн (по отраслям)', '10', 3),
  program('СПО', '49.02.01', 'Физическая культура', '05', 2),
  // ВУЗ: the university's branch in the city teaches economics and pedagogy.
  program('ВУЗ', '09.03.04', 'Программная инженерия', '06', 14),
  program('ВУЗ', '09.03.01', 'Информатика и вычислительная техника', '06', 8),
  program('ВУЗ', '38.03.01', 'Экономика', '08', 10, true),
  program('ВУЗ', '38.03.02', 'Менеджмент', '07', 4),
  program('ВУЗ', '40.03.01', 'Юриспруденция', '09', 14),
  program('ВУЗ', '14.05.02', 'Атомные станции: проектирование, эксплуатация и инжиниринг', '24', 8),
  program('ВУЗ', '14.03.01', 'Ядерная энергетика и теплофизика', '24', 5),
  program('ВУЗ', '31.05.01', 'Лечебное дело', '02', 7),
  program('ВУЗ', '44.03.01', 'Педагогическое образование', '01', 4, true),
  program('ВУЗ', '15.03.01', 'Машиностроение', '28', 3),
  program('ВУЗ', '13.03.02', 'Электроэнергетика и электротехника', '20', 3),
  program('ВУЗ', '08.03.01', 'Строительство', '16', 2),
  program('ВУЗ', '54.03.01', 'Дизайн', '10', 3),
];

/** The college's own programs and how many of its graduates each one has (relative). */
export const COLLEGE_PROGRAMS: Weighted<string> = [
  ['09.02.07', 16],
  ['15.02.16', 16],
  ['13.02.07', 14],
  ['08.02.01', 14],
  ['23.02.07', 14],
  ['43.02.15', 10],
  ['38.02.01', 8],
  ['15.01.05', 10],
];

export const programByOkso = (okso: string): Program => {
  const program = PROGRAMS.find((p) => p.okso === okso);
  if (!program) throw new Error(`No program ${okso} in the catalog`);
  return program;
};

/** Where a graduate studies: by level, territory and area (`*` for any other area). */
const STUDY_PLACES: Record<'СПО' | 'ВУЗ', Partial<Record<Territory, Record<string, string | null>>>> = {
  СПО: {
    Город: { '02': 'Северозаводский филиал ГБПОУ «Областной медицинский колледж»', '*': COLLEGE_NAME },
    Регион: {
      '06': 'ГАПОУ «Областной колледж информационных технологий»',
      '08': 'ГБПОУ «Областной колледж экономики и права»',
      '09': 'ГБПОУ «Областной колледж экономики и права»',
      '24': 'ГАПОУ «Колледж атомной энергетики»',
      '02': 'ГБПОУ «Областной медицинский колледж»',
      '01': 'ГБПОУ «Областной педагогический колледж»',
      '33': 'ГАПОУ «Колледж сферы услуг»',
      '05': 'ГБПОУ «Училище олимпийского резерва»',
      '10': 'ГАПОУ «Колледж искусств и дизайна»',
      '*': 'ГАПОУ «Областной индустриальный колледж»',
    },
    'Другой регион': { '*': null },
  },
  ВУЗ: {
    Город: { '*': 'Северозаводский филиал ФГБОУ ВО «Северный государственный университет»' },
    Регион: {
      '02': 'ФГБОУ ВО «Северный государственный медицинский университет»',
      '24': TECH_UNIVERSITY,
      '28': TECH_UNIVERSITY,
      '20': TECH_UNIVERSITY,
      '16': TECH_UNIVERSITY,
      '*': STATE_UNIVERSITY,
    },
    'Другой регион': {
      '24': 'ФГАОУ ВО «Национальный университет атомной энергетики»',
      '06': 'ФГАОУ ВО «Столичный университет информационных технологий»',
      '*': null,
    },
  },
};

export function studyPlace(level: 'СПО' | 'ВУЗ', territory: Territory, area: string): string | null {
  const places = STUDY_PLACES[level][territory] ?? {};
  return area in places ? places[area] : (places['*'] ?? null);
}

/** Jobs school graduates (and college graduates outside their specialty) take. */
export interface Job {
  profession: string;
  area: string;
  employer: string;
}

export const FIRST_JOBS: readonly Job[] = [
  { profession: 'Продавец-кассир', area: '33', employer: 'ООО «Торговый дом «Северный»»' },
  { profession: 'Официант', area: '33', employer: 'ООО «Комбинат питания «Северянка»»' },
  { profession: 'Курьер', area: '17', employer: 'ООО «Быстрая доставка»' },
  { profession: 'Кладовщик', area: '17', employer: 'ООО «Логистический центр «Север»»' },
  { profession: 'Администратор', area: '33', employer: 'ООО «Фитнес-клуб «Энергия»»' },
  { profession: 'Подсобный рабочий', area: '16', employer: 'ООО «СеверСтрой»' },
];

/** Employers of the college's graduates who work in their specialty, by area. */
export const EMPLOYERS: Record<string, string> = {
  '06': 'ООО «Северные информационные системы»',
  '08': 'ООО «Бухгалтерский центр «Баланс»»',
  '16': 'ООО «СеверСтрой»',
  '17': BUS_DEPOT,
  '20': 'МУП «Горэлектросеть»',
  '28': PLANT,
  '33': 'ООО «Комбинат питания «Северянка»»',
  '40': PLANT,
};

export interface Partner {
  name: string;
  type: PartnerRow['partnerType'];
  subjects: readonly string[];
}

const partner = (name: string, type: Partner['type'], ...subjects: string[]): Partner => ({
  name,
  type,
  subjects,
});

/** Partners schools sign agreements with. */
export const SCHOOL_PARTNERS: readonly Partner[] = [
  partner(PLANT, 'Предприятие', 'экскурсии, профпробы', 'наставничество', 'целевое обучение'),
  partner('МУП «Горэлектросеть»', 'Предприятие', 'экскурсии', 'профпробы'),
  partner(
    'ГБУЗ «Северозаводская городская больница»',
    'Предприятие',
    'экскурсии',
    'профильный медицинский класс',
  ),
  partner('АО «Северная атомная станция»', 'Предприятие', 'экскурсии', 'целевое обучение'),
  partner(BUS_DEPOT, 'Предприятие', 'экскурсии'),
  partner(COLLEGE_NAME, 'Колледж', 'профпробы', 'профориентационные мероприятия', 'дни открытых дверей'),
  partner('ГБПОУ «Областной медицинский колледж»', 'Колледж', 'профпробы'),
  partner(STATE_UNIVERSITY, 'ВУЗ', 'профильные классы', 'олимпиады и проектная деятельность'),
  partner(TECH_UNIVERSITY, 'ВУЗ', 'инженерный класс', 'олимпиады и проектная деятельность'),
  partner(
    EMPLOYMENT_CENTER,
    'Центр занятости',
    'профдиагностика',
    'временное трудоустройство несовершеннолетних',
  ),
  partner(TECH_CENTER, 'Дополнительное образование', 'профпробы', 'кружки технического творчества'),
  partner('АНО «Молодёжный центр «Горизонт»»', 'НКО', 'профориентационные встречи', 'волонтёрство'),
];

/** Partners of the college: employers of its graduates, mostly. */
export const COLLEGE_PARTNERS: readonly Partner[] = [
  partner(PLANT, 'Предприятие', 'подготовка кадров', 'производственная практика', 'целевое обучение'),
  partner('МУП «Горэлектросеть»', 'Предприятие', 'производственная практика'),
  partner('ООО «СеверСтрой»', 'Предприятие', 'производственная практика', 'наставничество'),
  partner(BUS_DEPOT, 'Предприятие', 'производственная практика'),
  partner('ООО «Северные информационные системы»', 'Предприятие', 'подготовка кадров', 'стажировки'),
  partner('ООО «Комбинат питания «Северянка»»', 'Предприятие', 'производственная практика'),
  partner(TECH_UNIVERSITY, 'ВУЗ', 'продолжение обучения по сокращённой программе'),
  partner(EMPLOYMENT_CENTER, 'Центр занятости', 'содействие трудоустройству выпускников'),
];

export interface Course {
  title: string;
  provider: string;
  /** Lengths it is offered in, academic hours. */
  hours: readonly number[];
}

const course = (title: string, provider: string, ...hours: number[]): Course => ({ title, provider, hours });

/** Courses in the profile «Сопровождение профессионального самоопределения». */
export const COURSES: readonly Course[] = [
  course('Сопровождение профессионального самоопределения обучающихся', IRO, 36, 72),
  course('Профориентационный минимум: организация и содержание работы', IRO, 36),
  course('Педагог-навигатор: сопровождение профессионального выбора школьников', CNPPM, 16, 24, 36),
  course('Профессиональные пробы в урочной и внеурочной деятельности', COLLEGE_NAME, 18, 24),
  course('Психолого-педагогическое сопровождение профессионального выбора', IRO, 72),
];

/** Short events under 16 hours: they do not count as training in the indicator. */
export const SHORT_COURSES: readonly Course[] = [
  course('Вебинар «Профориентационный урок в 6–11 классах»', CNPPM, 2, 4),
  course('Семинар «Рынок труда Северозаводска для классных руководителей»', EMPLOYMENT_CENTER, 6, 8),
];

export const SCHOOL_POSITIONS: Weighted<string> = [
  ['учитель', 36],
  ['учитель, классный руководитель', 34],
  ['педагог-психолог', 3],
  ['социальный педагог', 3],
  ['тьютор', 2],
  ['педагог-организатор', 2],
  ['педагог-библиотекарь', 1],
  ['заместитель директора по воспитательной работе', 1],
];

export const COLLEGE_POSITIONS: Weighted<string> = [
  ['преподаватель', 55],
  ['мастер производственного обучения', 20],
  ['преподаватель, куратор группы', 15],
  ['педагог-психолог', 2],
  ['социальный педагог', 2],
  ['методист', 2],
];

/** A profession the employment center reports vacancies for. */
export interface Profession {
  profession: string;
  okpdtr: string | null;
  area: string;
  /** Typical vacancies in the city, 0 for professions only the region lists (the region has several times more). */
  city: number;
  /** Average salary offered in the 2022/2023 period, roubles. */
  salary: number;
}

const profession = (
  profession: string,
  okpdtr: string | null,
  area: string,
  city: number,
  salary: number,
): Profession => ({ profession, okpdtr, area, city, salary });

export const PROFESSIONS: readonly Profession[] = [
  profession('Продавец-кассир', null, '33', 72, 31_000),
  profession('Продавец продовольственных товаров', '17353', '33', 38, 30_000),
  profession('Повар', '16675', '33', 34, 36_000),
  profession('Официант', '16399', '33', 18, 29_000),
  profession('Парикмахер', '16437', '33', 9, 34_000),
  profession('Горничная', '11695', '33', 7, 28_000),
  profession('Слесарь по ремонту автомобилей', '18511', '33', 14, 52_000),
  profession('Каменщик', '12680', '16', 16, 58_000),
  profession('Маляр', '13450', '16', 12, 46_000),
  profession('Плотник', '16671', '16', 10, 48_000),
  profession('Облицовщик-плиточник', '15220', '16', 8, 55_000),
  profession('Рабочий по комплексному обслуживанию и ремонту зданий', '17531', '16', 22, 33_000),
  profession('Машинист крана (крановщик)', '13790', '16', 6, 62_000),
  profession('Водитель автомобиля', '11442', '17', 44, 58_000),
  profession('Водитель автобуса', '11442', '17', 20, 63_000),
  profession('Водитель погрузчика', '11453', '17', 8, 47_000),
  profession('Кладовщик', '12759', '17', 12, 38_000),
  profession('Слесарь-ремонтник', '18559', '28', 26, 54_000),
  profession('Токарь', '19149', '28', 22, 60_000),
  profession('Фрезеровщик', '19479', '28', 14, 60_000),
  profession('Наладчик станков и манипуляторов с программным управлением', '14989', '28', 10, 72_000),
  profession('Инженер-технолог', null, '28', 8, 68_000),
  profession('Медицинская сестра', '24038', '02', 38, 41_000),
  profession('Врач-специалист', '20463', '02', 21, 88_000),
  profession('Младшая медицинская сестра по уходу за больными', null, '02', 12, 27_000),
  profession('Учитель', null, '01', 28, 43_000),
  profession('Воспитатель', '20436', '01', 18, 35_000),
  profession('Электромонтёр по ремонту и обслуживанию электрооборудования', '19861', '20', 12, 52_000),
  profession('Электрогазосварщик', '19756', '40', 14, 66_000),
  profession('Стропальщик', '18897', '40', 6, 45_000),
  profession('Бухгалтер', '20336', '08', 8, 45_000),
  profession('Программист', null, '06', 5, 85_000),
  profession('Охранник', null, '12', 11, 32_000),
  profession('Пекарь', null, '22', 9, 34_000),
  profession('Юрисконсульт', null, '09', 2, 50_000),
  // The region also asks for these; the city has none.
  profession('Инженер-программист', '22824', '06', 0, 95_000),
  profession('Оператор реакторного отделения', null, '24', 0, 92_000),
  profession('Инженер по радиационной безопасности', null, '24', 0, 98_000),
  profession('Экономист', '27728', '08', 0, 52_000),
  profession('Тракторист', null, '13', 0, 48_000),
];
