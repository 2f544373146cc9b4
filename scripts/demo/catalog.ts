/**
 * The fictional world of the demo: the municipality, where its graduates go to study and work,
 * its partners, training courses and the professions the employment center is asked for.
 * Every organization here is invented; codes (ОКСО, ОКПДТР) are real classifier codes.
 */
import type { PartnerRow, Territory } from '@profmonitor/domain';
import type { Weighted } from './random';

export const MUNICIPALITY = 'Северозаводский городской округ';
export const COLLEGE_NAME = 'ГБПОУ «Северозаводский политехнический колледж»';
export const EMPLOYMENT_CENTER = 'ГКУ «Центр занятости населения г. Северозаводска»';
export const TECH_CENTER = 'МБУ ДО «Центр технического творчества «Кванториум»»';

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

export const PROGRAMS: readonly Program[] = [
  // СПО: the local polytechnic college teaches the programs marked local.
  { level: 'СПО', okso: '09.02.07', specialty: 'Информационные системы и программирование', area: '06', local: true, weight: 24 },
  { level: 'СПО', okso: '09.02.06', specialty: 'Сетевое и системное администрирование', area: '06', weight: 6 },
  { level: 'СПО', okso: '38.02.01', specialty: 'Экономика и бухгалтерский учёт (по отраслям)', area: '08', local: true, weight: 8 },
  { level: 'СПО', okso: '38.02.07', specialty: 'Банковское дело', area: '08', weight: 5 },
  { level: 'СПО', okso: '40.02.04', specialty: 'Юриспруденция', area: '09', weight: 11 },
  { level: 'СПО', okso: '14.02.01', specialty: 'Атомные электрические станции и установки', area: '24', weight: 9 },
  { level: 'СПО', okso: '34.02.01', specialty: 'Сестринское дело', area: '02', local: true, weight: 7 },
  { level: 'СПО', okso: '44.02.02', specialty: 'Преподавание в начальных классах', area: '01', weight: 3 },
  { level: 'СПО', okso: '15.02.16', specialty: 'Технология машиностроения', area: '28', local: true, weight: 3 },
  { level: 'СПО', okso: '13.02.07', specialty: 'Электроснабжение', area: '20', local: true, weight: 3 },
  { level: 'СПО', okso: '08.02.01', specialty: 'Строительство и эксплуатация зданий и сооружений', area: '16', local: true, weight: 2 },
  { level: 'СПО', okso: '23.02.07', specialty: 'Техническое обслуживание и ремонт автотранспортных средств', area: '17', local: true, weight: 3 },
  { level: 'СПО', okso: '43.02.15', specialty: 'Поварское и кондитерское дело', area: '33', local: true, weight: 5 },
  { level: 'СПО', okso: '15.01.05', specialty: 'Сварщик (ручной и частично механизированной сварки (наплавки))', area: '40', local: true, weight: 2 },
  { level: 'СПО', okso: '54.02.01', specialty: 'Дизайн (по отраслям)', area: '10', weight: 3 },
  { level: 'СПО', okso: '49.02.01', specialty: 'Физическая культура', area: '05', weight: 2 },
  // ВУЗ: the university branch in the city teaches economics and pedagogy.
  { level: 'ВУЗ', okso: '09.03.04', specialty: 'Программная инженерия', area: '06', weight: 14 },
  { level: 'ВУЗ', okso: '09.03.01', specialty: 'Информатика и вычислительная техника', area: '06', weight: 8 },
  { level: 'ВУЗ', okso: '38.03.01', specialty: 'Экономика', area: '08', local: true, weight: 10 },
  { level: 'ВУЗ', okso: '38.03.02', specialty: 'Менеджмент', area: '07', weight: 4 },
  { level: 'ВУЗ', okso: '40.03.01', specialty: 'Юриспруденция', area: '09', weight: 14 },
  { level: 'ВУЗ', okso: '14.05.02', specialty: 'Атомные станции: проектирование, эксплуатация и инжиниринг', area: '24', weight: 8 },
  { level: 'ВУЗ', okso: '14.03.01', specialty: 'Ядерная энергетика и теплофизика', area: '24', weight: 5 },
  { level: 'ВУЗ', okso: '31.05.01', specialty: 'Лечебное дело', area: '02', weight: 7 },
  { level: 'ВУЗ', okso: '44.03.01', specialty: 'Педагогическое образование', area: '01', local: true, weight: 4 },
  { level: 'ВУЗ', okso: '15.03.01', specialty: 'Машиностроение', area: '28', weight: 3 },
  { level: 'ВУЗ', okso: '13.03.02', specialty: 'Электроэнергетика и электротехника', area: '20', weight: 3 },
  { level: 'ВУЗ', okso: '08.03.01', specialty: 'Строительство', area: '16', weight: 2 },
  { level: 'ВУЗ', okso: '54.03.01', specialty: 'Дизайн', area: '10', weight: 3 },
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
      '24': 'ФГАОУ ВО «Северный технический университет»',
      '28': 'ФГАОУ ВО «Северный технический университет»',
      '20': 'ФГАОУ ВО «Северный технический университет»',
      '16': 'ФГАОУ ВО «Северный технический университет»',
      '*': 'ФГБОУ ВО «Северный государственный университет»',
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
  '17': 'МУП «Северозаводское пассажирское автотранспортное предприятие»',
  '20': 'МУП «Горэлектросеть»',
  '28': 'АО «Северозаводский машиностроительный завод»',
  '33': 'ООО «Комбинат питания «Северянка»»',
  '40': 'АО «Северозаводский машиностроительный завод»',
};

export interface Partner {
  name: string;
  type: PartnerRow['partnerType'];
  subjects: readonly string[];
}

/** Partners schools sign agreements with. */
export const SCHOOL_PARTNERS: readonly Partner[] = [
  { name: 'АО «Северозаводский машиностроительный завод»', type: 'Предприятие', subjects: ['экскурсии, профпробы', 'наставничество', 'целевое обучение'] },
  { name: 'МУП «Горэлектросеть»', type: 'Предприятие', subjects: ['экскурсии', 'профпробы'] },
  { name: 'ГБУЗ «Северозаводская городская больница»', type: 'Предприятие', subjects: ['экскурсии', 'профильный медицинский класс'] },
  { name: 'АО «Северная атомная станция»', type: 'Предприятие', subjects: ['экскурсии', 'целевое обучение'] },
  { name: 'МУП «Северозаводское пассажирское автотранспортное предприятие»', type: 'Предприятие', subjects: ['экскурсии'] },
  { name: COLLEGE_NAME, type: 'Колледж', subjects: ['профпробы', 'профориентационные мероприятия', 'дни открытых дверей'] },
  { name: 'ГБПОУ «Областной медицинский колледж»', type: 'Колледж', subjects: ['профпробы'] },
  { name: 'ФГБОУ ВО «Северный государственный университет»', type: 'ВУЗ', subjects: ['профильные классы', 'олимпиады и проектная деятельность'] },
  { name: 'ФГАОУ ВО «Северный технический университет»', type: 'ВУЗ', subjects: ['инженерный класс', 'олимпиады и проектная деятельность'] },
  { name: EMPLOYMENT_CENTER, type: 'Центр занятости', subjects: ['профдиагностика', 'временное трудоустройство несовершеннолетних'] },
  { name: TECH_CENTER, type: 'Дополнительное образование', subjects: ['профпробы', 'кружки технического творчества'] },
  { name: 'АНО «Молодёжный центр «Горизонт»»', type: 'НКО', subjects: ['профориентационные встречи', 'волонтёрство'] },
];

/** Partners of the college: employers of its graduates, mostly. */
export const COLLEGE_PARTNERS: readonly Partner[] = [
  { name: 'АО «Северозаводский машиностроительный завод»', type: 'Предприятие', subjects: ['подготовка кадров', 'производственная практика', 'целевое обучение'] },
  { name: 'МУП «Горэлектросеть»', type: 'Предприятие', subjects: ['производственная практика'] },
  { name: 'ООО «СеверСтрой»', type: 'Предприятие', subjects: ['производственная практика', 'наставничество'] },
  { name: 'МУП «Северозаводское пассажирское автотранспортное предприятие»', type: 'Предприятие', subjects: ['производственная практика'] },
  { name: 'ООО «Северные информационные системы»', type: 'Предприятие', subjects: ['подготовка кадров', 'стажировки'] },
  { name: 'ООО «Комбинат питания «Северянка»»', type: 'Предприятие', subjects: ['производственная практика'] },
  { name: 'ФГАОУ ВО «Северный технический университет»', type: 'ВУЗ', subjects: ['продолжение обучения по сокращённой программе'] },
  { name: EMPLOYMENT_CENTER, type: 'Центр занятости', subjects: ['содействие трудоустройству выпускников'] },
];

/** Courses in the profile «Сопровождение профессионального самоопределения». */
export const COURSES: readonly { title: string; provider: string; hours: readonly number[] }[] = [
  { title: 'Сопровождение профессионального самоопределения обучающихся', provider: 'ГАУ ДПО «Институт развития образования Северной области»', hours: [36, 72] },
  { title: 'Профориентационный минимум: организация и содержание работы', provider: 'ГАУ ДПО «Институт развития образования Северной области»', hours: [36] },
  { title: 'Педагог-навигатор: сопровождение профессионального выбора школьников', provider: 'Центр непрерывного повышения профессионального мастерства', hours: [16, 24, 36] },
  { title: 'Профессиональные пробы в урочной и внеурочной деятельности', provider: COLLEGE_NAME, hours: [18, 24] },
  { title: 'Психолого-педагогическое сопровождение профессионального выбора', provider: 'ГАУ ДПО «Институт развития образования Северной области»', hours: [72] },
];

/** Short events under 16 hours: they do not count as training in the indicator. */
export const SHORT_COURSES: readonly { title: string; provider: string; hours: readonly number[] }[] = [
  { title: 'Вебинар «Профориентационный урок в 6–11 классах»', provider: 'Центр непрерывного повышения профессионального мастерства', hours: [2, 4] },
  { title: 'Семинар «Рынок труда Северозаводска для классных руководителей»', provider: EMPLOYMENT_CENTER, hours: [6, 8] },
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
  /** Typical vacancies in the city (the region has several times more). */
  city: number;
  /** Average salary offered in the 2022/2023 period, roubles. */
  salary: number;
  /** Only the regional list has it. */
  regionOnly?: boolean;
}

export const PROFESSIONS: readonly Profession[] = [
  { profession: 'Продавец-кассир', okpdtr: null, area: '33', city: 72, salary: 31_000 },
  { profession: 'Продавец продовольственных товаров', okpdtr: '17353', area: '33', city: 38, salary: 30_000 },
  { profession: 'Повар', okpdtr: '16675', area: '33', city: 34, salary: 36_000 },
  { profession: 'Официант', okpdtr: '16399', area: '33', city: 18, salary: 29_000 },
  { profession: 'Парикмахер', okpdtr: '16437', area: '33', city: 9, salary: 34_000 },
  { profession: 'Горничная', okpdtr: '11695', area: '33', city: 7, salary: 28_000 },
  { profession: 'Слесарь по ремонту автомобилей', okpdtr: '18511', area: '33', city: 14, salary: 52_000 },
  { profession: 'Каменщик', okpdtr: '12680', area: '16', city: 16, salary: 58_000 },
  { profession: 'Маляр', okpdtr: '13450', area: '16', city: 12, salary: 46_000 },
  { profession: 'Плотник', okpdtr: '16671', area: '16', city: 10, salary: 48_000 },
  { profession: 'Облицовщик-плиточник', okpdtr: '15220', area: '16', city: 8, salary: 55_000 },
  { profession: 'Рабочий по комплексному обслуживанию и ремонту зданий', okpdtr: '17531', area: '16', city: 22, salary: 33_000 },
  { profession: 'Машинист крана (крановщик)', okpdtr: '13790', area: '16', city: 6, salary: 62_000 },
  { profession: 'Водитель автомобиля', okpdtr: '11442', area: '17', city: 44, salary: 58_000 },
  { profession: 'Водитель автобуса', okpdtr: '11442', area: '17', city: 20, salary: 63_000 },
  { profession: 'Водитель погрузчика', okpdtr: '11453', area: '17', city: 8, salary: 47_000 },
  { profession: 'Кладовщик', okpdtr: '12759', area: '17', city: 12, salary: 38_000 },
  { profession: 'Слесарь-ремонтник', okpdtr: '18559', area: '28', city: 26, salary: 54_000 },
  { profession: 'Токарь', okpdtr: '19149', area: '28', city: 22, salary: 60_000 },
  { profession: 'Фрезеровщик', okpdtr: '19479', area: '28', city: 14, salary: 60_000 },
  { profession: 'Наладчик станков и манипуляторов с программным управлением', okpdtr: '14989', area: '28', city: 10, salary: 72_000 },
  { profession: 'Инженер-технолог', okpdtr: null, area: '28', city: 8, salary: 68_000 },
  { profession: 'Медицинская сестра', okpdtr: '24038', area: '02', city: 38, salary: 41_000 },
  { profession: 'Врач-специалист', okpdtr: '20463', area: '02', city: 21, salary: 88_000 },
  { profession: 'Младшая медицинская сестра по уходу за больными', okpdtr: null, area: '02', city: 12, salary: 27_000 },
  { profession: 'Учитель', okpdtr: null, area: '01', city: 28, salary: 43_000 },
  { profession: 'Воспитатель', okpdtr: '20436', area: '01', city: 18, salary: 35_000 },
  { profession: 'Электромонтёр по ремонту и обслуживанию электрооборудования', okpdtr: '19861', area: '20', city: 12, salary: 52_000 },
  { profession: 'Электрогазосварщик', okpdtr: '19756', area: '40', city: 14, salary: 66_000 },
  { profession: 'Стропальщик', okpdtr: '18897', area: '40', city: 6, salary: 45_000 },
  { profession: 'Бухгалтер', okpdtr: '20336', area: '08', city: 8, salary: 45_000 },
  { profession: 'Программист', okpdtr: null, area: '06', city: 5, salary: 85_000 },
  { profession: 'Охранник', okpdtr: null, area: '12', city: 11, salary: 32_000 },
  { profession: 'Пекарь', okpdtr: null, area: '22', city: 9, salary: 34_000 },
  { profession: 'Юрисконсульт', okpdtr: null, area: '09', city: 2, salary: 50_000 },
  // The region also asks for these.
  { profession: 'Инженер-программист', okpdtr: '22824', area: '06', city: 0, salary: 95_000, regionOnly: true },
  { profession: 'Оператор реакторного отделения', okpdtr: null, area: '24', city: 0, salary: 92_000, regionOnly: true },
  { profession: 'Инженер по радиационной безопасности', okpdtr: null, area: '24', city: 0, salary: 98_000, regionOnly: true },
  { profession: 'Экономист', okpdtr: '27728', area: '08', city: 0, salary: 52_000, regionOnly: true },
  { profession: 'Тракторист', okpdtr: null, area: '13', city: 0, salary: 48_000, regionOnly: true },
];
