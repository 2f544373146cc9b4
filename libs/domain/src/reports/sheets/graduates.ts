import { column, type TableSheetSchema } from '../schema';
import { area, code, oneOf, text, yesNo } from '../values';
import { plural } from '../../text';

export const GRADUATE_CLASSES = ['9', '11', 'СПО'] as const;
export const DESTINATIONS = [
  '10 класс',
  'СПО',
  'ВУЗ',
  'Работа',
  'Армия',
  'Не учится и не работает',
  'Другое',
] as const;
export const TERRITORIES = ['Город', 'Регион', 'Другой регион'] as const;
/** "Continuing" graduates in the indicators: they study on or work. */
export const CONTINUING_DESTINATIONS = ['СПО', 'ВУЗ', 'Работа'] as const;

export type GraduateClass = (typeof GRADUATE_CLASSES)[number];
export type Destination = (typeof DESTINATIONS)[number];
export type Territory = (typeof TERRITORIES)[number];

export interface GraduateRow {
  code: string | null;
  graduateClass: GraduateClass;
  destination: Destination;
  territory: Territory | null;
  organization: string | null;
  specialty: string | null;
  oksoCode: string | null;
  area: string | null;
  inSpecialty: boolean | null;
  consciousChoice: boolean;
  targetedTraining: boolean | null;
  professionalTrials: boolean | null;
}

const col = column<GraduateRow>();
const whenContinuing = [{ column: 'destination', in: CONTINUING_DESTINATIONS }] as const;

export const graduatesSheet: TableSheetSchema<GraduateRow> = {
  layout: 'table',
  id: 'graduates',
  name: 'Выпускники',
  description: 'один выпускник в строке; назначение — на 1 сентября после выпуска; без фамилий',
  columns: [
    col({
      key: 'code',
      header: 'Код выпускника',
      type: code,
      unique: true,
      hint: 'внутренний код школы, без ФИО',
    }),
    col({ key: 'graduateClass', header: 'Класс', type: oneOf(GRADUATE_CLASSES), required: true, width: 8 }),
    col({ key: 'destination', header: 'Направление', type: oneOf(DESTINATIONS), required: true, width: 22 }),
    col({
      key: 'territory',
      header: 'Территория',
      type: oneOf(TERRITORIES),
      requiredWhen: whenContinuing,
      width: 16,
    }),
    col({
      key: 'organization',
      header: 'Организация',
      type: text,
      hint: 'колледж, вуз или работодатель',
      width: 30,
    }),
    col({ key: 'specialty', header: 'Специальность или профессия', type: text, width: 30 }),
    col({ key: 'oksoCode', header: 'Код ОКСО', type: code, hint: 'например, 13.02.11', width: 12 }),
    col({
      key: 'area',
      header: 'Область профессиональной деятельности',
      type: area,
      requiredWhen: whenContinuing,
      width: 30,
    }),
    col({
      key: 'inSpecialty',
      header: 'По специальности',
      type: yesNo,
      requiredWhen: [
        { column: 'graduateClass', in: ['СПО'] },
        { column: 'destination', in: ['Работа'] },
      ],
      hint: 'для выпускников СПО, вышедших на работу: трудоустроен по полученной специальности',
    }),
    col({ key: 'consciousChoice', header: 'Осознанный выбор', type: yesNo, required: true }),
    col({ key: 'targetedTraining', header: 'Целевое обучение', type: yesNo }),
    col({
      key: 'professionalTrials',
      header: 'Профессиональные пробы',
      type: yesNo,
      hint: 'участвовал в профессиональных пробах во время учёбы',
    }),
  ],
  rules: [
    {
      column: 'destination',
      violated: (row) => row.destination === '10 класс' && row.graduateClass !== '9',
      message: (row) =>
        row.graduateClass === 'СПО'
          ? 'Выпускник колледжа (Класс «СПО») не может пойти в 10 класс. Исправьте Направление или Класс.'
          : `«10 класс» возможен только после 9 класса, а здесь Класс — ${row.graduateClass}. Исправьте Направление или Класс.`,
    },
  ],
  warnings: [
    {
      counts: (row) => row.destination === 'Другое',
      above: 0.2,
      message: (matching, total) =>
        `У ${matching} из ${total} ${plural(total, 'выпускника', 'выпускников', 'выпускников')} (${Math.round((matching / total) * 100)} %) направление «Другое» — больше 20 %. Проверьте, нельзя ли указать точнее.`,
    },
  ],
};
