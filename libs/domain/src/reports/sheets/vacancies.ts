import { areaByCode } from '../../areas/areas';
import { column, type ItemsSheetSchema, type TableSheetSchema } from '../schema';
import { amount, area, code, count, date, oneOf, text } from '../values';

export const DEMAND_TERRITORIES = ['Город', 'Регион'] as const;
export type DemandTerritory = (typeof DEMAND_TERRITORIES)[number];

export interface VacanciesTitle {
  territory: DemandTerritory;
  asOf: string;
}

const item = column<VacanciesTitle>();

export const vacanciesTitleSheet: ItemsSheetSchema<VacanciesTitle> = {
  layout: 'items',
  id: 'title',
  name: 'Титул',
  description: 'территория и дата, на которую указана потребность в кадрах',
  labelHeader: 'Показатель',
  valueHeader: 'Значение',
  items: [
    item({ key: 'territory', header: 'Территория', type: oneOf(DEMAND_TERRITORIES), required: true }),
    item({
      key: 'asOf',
      header: 'Дата',
      type: date,
      required: true,
      hint: 'дата, на которую указаны вакансии',
    }),
  ],
};

export interface VacancyRow {
  profession: string;
  okpdtr: string | null;
  area: string;
  vacancies: number;
  averageSalary: number | null;
}

const col = column<VacancyRow>();

export const vacanciesSheet: TableSheetSchema<VacancyRow> = {
  layout: 'table',
  id: 'vacancies',
  name: 'Вакансии',
  description: 'одна профессия в строке',
  columns: [
    col({ key: 'profession', header: 'Профессия', type: text, required: true, width: 34 }),
    col({ key: 'okpdtr', header: 'Код ОКПДТР', type: code, width: 12 }),
    col({
      key: 'area',
      header: 'Область профессиональной деятельности',
      type: area,
      requiredUnless: 'профессия или код ОКПДТР есть в справочнике профессий комитета',
      width: 30,
    }),
    col({ key: 'vacancies', header: 'Вакансий', type: count, required: true, width: 10 }),
    col({ key: 'averageSalary', header: 'Средняя зарплата', type: amount, width: 14 }),
  ],
  // The area may come from the committee's mapping; only then may the cell stay empty.
  derive(row, { areaForProfession }) {
    if (row.area) return;
    const area = areaForProfession?.(row.profession, row.okpdtr);
    row.area = area ?? (null as unknown as string);
    if (area) {
      return {
        column: 'area',
        message: `Область не указана: для профессии «${row.profession}»${row.okpdtr ? ` (ОКПДТР ${row.okpdtr})` : ''} подставлена область ${area} «${areaByCode(area)?.name ?? area}» из справочника профессий. Если она не подходит, укажите область в строке.`,
      };
    }
  },
  rules: [
    {
      column: 'area',
      violated: (row) => !row.area,
      message: (row) =>
        `Не указана область профессиональной деятельности, а профессии «${row.profession}»${row.okpdtr ? ` (ОКПДТР ${row.okpdtr})` : ''} нет в справочнике профессий. Укажите область (например, код 33) или попросите комитет добавить профессию в справочник.`,
    },
  ],
};
