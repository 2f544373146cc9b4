import {
  workbookExtensionsText,
  type AnyItemsSheet,
  type AnySheet,
  type WorkbookKind,
} from '@profmonitor/domain';
import type { Row, Worksheet } from 'exceljs';
import { describeColumns } from './describe';
import {
  LIST_FIRST_ROW,
  LIST_TITLE_ROW,
  LISTS_FIRST_COLUMN,
  LISTS_HEADING_ROW,
  type DropdownList,
} from './lists';

const WIDTHS = [44, 30, 70];
const LINE_HEIGHT = 15;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;

/** The version line stamped on the instruction sheet; the same version is in the file's keywords. */
export const versionLine = (kind: WorkbookKind) => `Версия шаблона: ${kind.templateVersion}`;

function howTo(kind: WorkbookKind): string[] {
  const title = kind.titleSheet as AnyItemsSheet | undefined;
  const names = kind.sheets.map((sheet) => `«${sheet.name}»`).join(', ');
  return [
    ...(title
      ? [`На листе «${title.name}» заполните столбец «${title.valueHeader}» для каждого показателя.`]
      : []),
    `Каждую таблицу заполняйте на своём листе (${names}): одна строка — одна запись, начиная со строки 2, сразу под заголовками.`,
    'Столбцы, отмеченные звёздочкой (*), обязательны. Некоторые столбцы обязательны только при условии — оно указано ниже, в столбце «Обязательный».',
    'Не переименовывайте листы и заголовки столбцов. Над заголовками можно оставить название таблицы; строка «Итого» внизу не загружается.',
    'Если сообщать нечего (например, договоров нет), оставьте на листе только строку заголовков: лист без строк означает «нет данных».',
    'В столбцах со списком выберите значение из выпадающего списка; все списки приведены справа на этом листе.',
    'Даты указывайте в виде ДД.ММ.ГГГГ, числа — цифрами, без единиц измерения (12, а не «12 чел.»).',
    'Коды (код ОКСО, номер договора, код выпускника) вводите как текст: их столбцы уже в текстовом формате, чтобы программа не превратила «15.01.05» в дату.',
    'Если значения получены формулами, откройте файл в Excel или LibreOffice и сохраните его перед загрузкой: формула без вычисленного значения не принимается.',
    `Сохраняйте книгу в формате ${workbookExtensionsText()}.`,
    'Этот лист при загрузке не читается.',
  ];
}

/** Rough row height for wrapped text: Excel does not refit rows of a generated file by itself. */
function fitHeight(row: Row, texts: readonly { text: string; width: number }[]): void {
  const lines = Math.max(1, ...texts.map(({ text, width }) => Math.ceil(text.length / width)));
  if (lines > 1) row.height = lines * LINE_HEIGHT;
}

/**
 * Fills the instruction sheet: title and version, how to fill the workbook, a table per sheet
 * (column, required, values) and, to the right, the lists the dropdowns point at.
 */
export function writeInstructions(sheet: Worksheet, kind: WorkbookKind, lists: Iterable<DropdownList>): void {
  WIDTHS.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
    sheet.getColumn(i + 1).alignment = { vertical: 'top', wrapText: i > 0 };
  });
  sheet.getColumn(4).width = 3;
  const wide = WIDTHS.reduce((a, b) => a + b, 0);
  let rowNumber = 0;
  const line = (text: string, style?: (row: Row) => void) => {
    const row = sheet.getRow(++rowNumber);
    sheet.mergeCells(rowNumber, 1, rowNumber, WIDTHS.length);
    row.getCell(1).value = text;
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
    fitHeight(row, [{ text, width: wide }]);
    style?.(row);
  };
  const bold = (size?: number) => (row: Row) => {
    row.getCell(1).font = { bold: true, size };
  };

  line(kind.title, bold(14));
  line(versionLine(kind));
  rowNumber++;
  line('Как заполнять', bold());
  howTo(kind).forEach((text, i) => line(`${i + 1}. ${text}`));

  const sheets: AnySheet[] = [...(kind.titleSheet ? [kind.titleSheet] : []), ...kind.sheets];
  for (const schema of sheets) {
    rowNumber++;
    line(`Лист «${schema.name}»: ${schema.description}`, bold(12));
    const header = sheet.getRow(++rowNumber);
    header.values = [schema.layout === 'items' ? 'Показатель' : 'Столбец', 'Обязательный', 'Значения'];
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
    });
    for (const column of describeColumns(schema)) {
      const row = sheet.getRow(++rowNumber);
      row.values = [column.header, column.required, column.values];
      fitHeight(
        row,
        [column.header, column.required, column.values].map((text, i) => ({ text, width: WIDTHS[i] })),
      );
    }
  }

  writeLists(sheet, [...lists]);
}

function writeLists(sheet: Worksheet, lists: readonly DropdownList[]): void {
  if (lists.length === 0) return;
  const heading = sheet.getCell(LISTS_HEADING_ROW, LISTS_FIRST_COLUMN + 1);
  heading.value = 'Списки значений';
  heading.font = { bold: true, size: 12 };
  const column = (index: number, title: string, values: readonly string[]) => {
    const width = Math.min(60, Math.max(12, title.length, ...values.map((v) => v.length)) + 2);
    sheet.getColumn(index + 1).width = width;
    const titleCell = sheet.getCell(LIST_TITLE_ROW, index + 1);
    titleCell.value = title;
    titleCell.font = { bold: true };
    titleCell.fill = HEADER_FILL;
    titleCell.alignment = { vertical: 'top', wrapText: true };
    values.forEach((value, i) => {
      // Options are text even when they look like numbers (`9`, `11`): the list must match typed text.
      const cell = sheet.getCell(LIST_FIRST_ROW + i, index + 1);
      cell.value = value;
      cell.numFmt = '@';
    });
  };
  for (const list of lists) {
    column(list.column, list.title, list.options);
    if (list.details) column(list.column + 1, list.details.title, list.details.values);
  }
}
