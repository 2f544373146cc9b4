import { normalizeName, tidyText } from '../text';

/** An area of professional activity from the classifier (`data/areas.csv`). */
export interface Area {
  code: string;
  name: string;
  shortName: string;
}

/** The classifier of areas of professional activity; `data/areas.csv` is the same table. */
export const AREAS: readonly Area[] = [
  { code: '01', name: 'Образование и наука', shortName: 'Образование' },
  { code: '02', name: 'Здравоохранение', shortName: 'Здравоохранение' },
  { code: '03', name: 'Социальное обслуживание', shortName: 'Соцобслуживание' },
  { code: '04', name: 'Культура, искусство', shortName: 'Культура' },
  { code: '05', name: 'Физическая культура и спорт', shortName: 'Спорт' },
  { code: '06', name: 'Связь, информационные и коммуникационные технологии', shortName: 'IT и связь' },
  {
    code: '07',
    name: 'Административно-управленческая и офисная деятельность',
    shortName: 'Управление и офис',
  },
  { code: '08', name: 'Финансы и экономика', shortName: 'Финансы' },
  { code: '09', name: 'Юриспруденция', shortName: 'Юриспруденция' },
  {
    code: '10',
    name: 'Архитектура, проектирование, геодезия, топография и дизайн',
    shortName: 'Архитектура и дизайн',
  },
  { code: '11', name: 'Средства массовой информации, издательство и полиграфия', shortName: 'СМИ' },
  { code: '12', name: 'Обеспечение безопасности', shortName: 'Безопасность' },
  { code: '13', name: 'Сельское хозяйство', shortName: 'Сельское хозяйство' },
  { code: '14', name: 'Лесное хозяйство, охота', shortName: 'Лесное хозяйство' },
  { code: '15', name: 'Рыбоводство и рыболовство', shortName: 'Рыболовство' },
  { code: '16', name: 'Строительство и жилищно-коммунальное хозяйство', shortName: 'Строительство и ЖКХ' },
  { code: '17', name: 'Транспорт', shortName: 'Транспорт' },
  {
    code: '18',
    name: 'Добыча, переработка угля, руд и других полезных ископаемых',
    shortName: 'Добыча угля и руд',
  },
  { code: '19', name: 'Добыча, переработка, транспортировка нефти и газа', shortName: 'Нефть и газ' },
  { code: '20', name: 'Электроэнергетика', shortName: 'Электроэнергетика' },
  { code: '21', name: 'Легкая и текстильная промышленность', shortName: 'Лёгкая промышленность' },
  {
    code: '22',
    name: 'Пищевая промышленность, включая производство напитков и табака',
    shortName: 'Пищевая промышленность',
  },
  {
    code: '23',
    name: 'Деревообрабатывающая и целлюлозно-бумажная промышленность, мебельное производство',
    shortName: 'Деревообработка',
  },
  { code: '24', name: 'Атомная промышленность', shortName: 'Атомная промышленность' },
  { code: '25', name: 'Ракетно-космическая промышленность', shortName: 'Ракетно-космическая' },
  { code: '26', name: 'Химическое, химико-технологическое производство', shortName: 'Химия' },
  { code: '27', name: 'Металлургическое производство', shortName: 'Металлургия' },
  { code: '28', name: 'Производство машин и оборудования', shortName: 'Машиностроение' },
  {
    code: '29',
    name: 'Производство электрооборудования, электронного и оптического оборудования',
    shortName: 'Электроника',
  },
  { code: '30', name: 'Судостроение', shortName: 'Судостроение' },
  { code: '31', name: 'Автомобилестроение', shortName: 'Автомобилестроение' },
  { code: '32', name: 'Авиастроение', shortName: 'Авиастроение' },
  {
    code: '33',
    name: 'Сервис, оказание услуг населению (торговля, техническое обслуживание, ремонт, предоставление персональных услуг, услуги гостеприимства, общественное питание и пр.)',
    shortName: 'Сервис и услуги',
  },
  {
    code: '40',
    name: 'Сквозные виды профессиональной деятельности в промышленности',
    shortName: 'Сквозные промышленные',
  },
];

const areaByKey = new Map<string, Area>();
for (const area of AREAS) {
  for (const key of [area.code, area.name, area.shortName]) areaByKey.set(normalizeName(key), area);
}

/**
 * Finds an area by its code (`06`, `6`, `06.`), its full name or its short name; names are
 * matched like all names (case, spaces, ё, look-alike and invisible characters).
 */
export function findArea(text: string): Area | undefined {
  const trimmed = tidyText(text);
  const code = /^(\d{1,2})\.?$/.exec(trimmed);
  if (code) return areaByKey.get(code[1].padStart(2, '0'));
  return areaByKey.get(normalizeName(trimmed));
}

export function areaByCode(code: string): Area | undefined {
  return areaByKey.get(code);
}
