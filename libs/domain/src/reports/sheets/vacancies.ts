import { areaByCode } from '../../areas/areas';
import { findMunicipality, municipalityList } from '../../labor/municipalities';
import { clip } from '../../text';
import { column, type ItemsSheetSchema, type TableSheetSchema } from '../schema';
import { amount, area, code, count, date, oneOf, text } from '../values';

export const DEMAND_TERRITORIES = ['Город', 'Регион'] as const;
export type DemandTerritory = (typeof DEMAND_TERRITORIES)[number];

export interface VacanciesTitle {
  territory: DemandTerritory;
  asOf: string;
  /** Whose Город vacancies: a municipality of the registry (checked against it at import). */
  municipality: string | null;
}

const item = column<VacanciesTitle>();

export const vacanciesTitleSheet: ItemsSheetSchema<VacanciesTitle> = {
  layout: 'items',
  id: 'title',
  name: 'Титул',
  description: 'территория, дата, на которую указана потребность в кадрах, и муниципалитет',
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
    item({
      key: 'municipality',
      header: 'Муниципалитет',
      type: text,
      // Required-ness depends on the registry, which only the import knows (demandMunicipality).
      requiredUnless: 'территория — Регион или в реестре организаций один муниципалитет',
      hint: 'чьи вакансии города: название муниципалитета, как в реестре организаций; для территории Регион не заполняется',
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

/**
 * Whose labor demand a `Потребность в кадрах` workbook is (reports.md, «Employment center
 * workbook»), from its `Титул` and the registry's municipalities: what to store as the
 * demand's municipality, or the file-level error to give.
 *
 * - `Город`: the vacancies of one municipality's city. With several municipalities in the
 *   registry it must name one of them (stored in the registry's spelling). With one, it may be
 *   empty; stored null either way, which is the only municipality's: a workbook with and one
 *   without the name then replace each other, as the demands stored before there were several.
 * - `Регион`: the region's, every municipality's fallback. A municipality there is an error
 *   rather than ignored: it is most often a city's workbook with the wrong territory, which
 *   would otherwise stand in for the demand of every municipality without a Город workbook.
 */
export function demandMunicipality(
  title: Pick<VacanciesTitle, 'territory'> & Partial<Pick<VacanciesTitle, 'municipality'>>,
  registry: readonly string[],
): { municipality: string | null } | { error: string } {
  const given = title.municipality?.trim() || null;
  if (title.territory === 'Регион') {
    if (given === null) return { municipality: null };
    return {
      error: `На листе «Титул» указан муниципалитет «${clip(given, 60)}», а территория — «Регион»: вакансии региона относятся ко всему региону. Если это вакансии города, укажите территорию «Город»; если региона — очистите строку «Муниципалитет».`,
    };
  }
  if (given === null) {
    if (registry.length <= 1) return { municipality: null };
    return {
      error: `На листе «Титул» не указан муниципалитет: в реестре организаций их несколько, и вакансии города относятся к одному из них. Заполните строку «Муниципалитет» названием из реестра: ${municipalityList(registry)}.`,
    };
  }
  const found = findMunicipality(registry, given);
  if (found === undefined) {
    const known =
      registry.length > 0
        ? `Укажите в строке «Муниципалитет» на листе «Титул» название, как в реестре: ${municipalityList(registry)}.`
        : 'В реестре пока нет ни одного муниципалитета: загрузите реестр организаций или оставьте строку «Муниципалитет» пустой.';
    return { error: `Муниципалитета «${clip(given, 60)}» нет в реестре организаций. ${known}` };
  }
  return { municipality: registry.length > 1 ? found : null };
}
