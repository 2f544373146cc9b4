import { column, type TableSheetSchema } from '../schema';
import { code, date, formatIsoDate, oneOf, text } from '../values';

export const PARTNER_TYPES = [
  'Предприятие',
  'Колледж',
  'ВУЗ',
  'Дополнительное образование',
  'Центр занятости',
  'НКО',
  'Другое',
] as const;

export interface PartnerRow {
  partner: string;
  partnerType: (typeof PARTNER_TYPES)[number];
  contractNumber: string | null;
  signedOn: string;
  validUntil: string | null;
  subject: string | null;
}

const col = column<PartnerRow>();

export const partnersSheet: TableSheetSchema<PartnerRow> = {
  layout: 'table',
  id: 'partners',
  name: 'Партнёры',
  description: 'один договор о сотрудничестве в строке; лист без строк означает, что договоров нет',
  columns: [
    col({ key: 'partner', header: 'Партнёр', type: text, required: true, width: 34 }),
    col({
      key: 'partnerType',
      header: 'Тип партнёра',
      type: oneOf(PARTNER_TYPES),
      required: true,
      width: 24,
    }),
    col({ key: 'contractNumber', header: 'Номер договора', type: code, width: 14 }),
    col({ key: 'signedOn', header: 'Дата договора', type: date, required: true, width: 14 }),
    col({ key: 'validUntil', header: 'Действует до', type: date, hint: 'пусто — бессрочный', width: 14 }),
    col({
      key: 'subject',
      header: 'Предмет',
      type: text,
      hint: 'профпробы, экскурсии, наставничество, целевое обучение, подготовка кадров',
      width: 34,
    }),
  ],
  rules: [
    {
      column: 'validUntil',
      violated: (row) => !!row.validUntil && row.validUntil < row.signedOn,
      message: (row) =>
        `«Действует до» (${formatIsoDate(row.validUntil!)}) раньше даты договора (${formatIsoDate(row.signedOn)}). Проверьте даты.`,
    },
  ],
};
