import { column, type ItemsSheetSchema } from '../schema';
import { code, period, text, url, yesNo } from '../values';

export interface SchoolTitle {
  organizationCode: string;
  period: string;
  websiteSection: boolean;
  websiteUrl: string | null;
  responsible: string | null;
  contacts: string | null;
}

const item = column<SchoolTitle>();

export const schoolTitleSheet: ItemsSheetSchema<SchoolTitle> = {
  layout: 'items',
  id: 'title',
  name: 'Титул',
  description: 'сведения об организации и отчёте: один показатель в строке',
  labelHeader: 'Показатель',
  valueHeader: 'Значение',
  items: [
    item({
      key: 'organizationCode',
      header: 'Код организации',
      type: code,
      required: true,
      hint: 'код из реестра организаций',
    }),
    item({ key: 'period', header: 'Учебный год', type: period, required: true }),
    item({
      key: 'websiteSection',
      header: 'Раздел о профессиональном самоопределении на сайте',
      type: yesNo,
      required: true,
    }),
    item({
      key: 'websiteUrl',
      header: 'Адрес раздела на сайте',
      type: url,
      requiredWhen: [{ column: 'websiteSection', in: [true] }],
    }),
    item({ key: 'responsible', header: 'Ответственный', type: text }),
    item({ key: 'contacts', header: 'Контакты', type: text }),
  ],
};
