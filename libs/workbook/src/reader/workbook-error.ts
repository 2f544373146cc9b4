export type WorkbookErrorCode =
  | 'empty'
  | 'not_zip'
  | 'corrupt'
  | 'not_xlsx'
  | 'file_too_large'
  | 'too_many_entries'
  | 'part_too_large'
  | 'total_too_large'
  | 'too_many_rows'
  | 'too_many_strings'
  | 'too_much_text'
  | 'too_many_merges'
  | 'too_much_data'
  | 'too_slow'
  | 'too_much_memory';

/**
 * A workbook the reader refuses. `message` is Russian text for the person who sent the file,
 * saying what to do; `cause` (when there is one) is the low-level error, for the server log only.
 */
export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkbookError';
  }
}

const RESAVE = 'Откройте его в Excel и сохраните заново как «Книга Excel (*.xlsx)», затем загрузите снова.';
const SLIM_DOWN =
  'Обычно причина — рисунки или тысячи пустых, но отформатированных строк и столбцов. ' +
  'Удалите лишнее (выделите пустые строки и столбцы за таблицей → «Удалить»), сохраните книгу и загрузите снова.';

/** What kind of non-zip file it looks like, to give the right advice. */
export type NotZipKind = 'ole' | 'other';
/** What kind of zip without `xl/workbook.xml` it looks like. */
export type NotXlsxKind = 'xlsb' | 'ods' | 'other';

/** One message per code: the single place where the reader's user-facing texts live. */
const MESSAGES = {
  empty: () => 'Файл пустой (0 байт). Сохраните отчёт в Excel в формате .xlsx и загрузите снова.',
  file_too_large: (size: number, max: number) =>
    `Файл слишком большой: ${formatBytes(size)}, а допускается не больше ${formatBytes(max)}. ${SLIM_DOWN}`,
  not_zip: (kind: NotZipKind) =>
    kind === 'ole'
      ? 'Это файл старого формата Excel 97–2003 (.xls) или книга, защищённая паролем. ' +
        'Откройте его в Excel, снимите пароль, если он есть, и сохраните как «Книга Excel (*.xlsx)», затем загрузите снова.'
      : 'Файл не является книгой Excel в формате .xlsx. Если отчёт сохранён как .xls, .ods, .csv или в другом формате, ' +
        'откройте его в Excel и сохраните как «Книга Excel (*.xlsx)», затем загрузите снова.',
  corrupt: (detail?: string) =>
    `Файл повреждён или сохранён не полностью${detail ? ` (${detail})` : ''}. ${RESAVE}`,
  not_xlsx: (kind: NotXlsxKind) =>
    kind === 'xlsb'
      ? 'Книга сохранена в двоичном формате Excel (.xlsb), а нужен обычный .xlsx. ' +
        'Откройте её в Excel и сохраните как «Книга Excel (*.xlsx)», затем загрузите снова.'
      : kind === 'ods'
        ? 'Это таблица OpenDocument (.ods), а нужна книга Excel (.xlsx). ' +
          'Сохраните её как «Книга Excel 2007–365 (.xlsx)» и загрузите снова.'
        : 'Это архив, но не книга Excel: в нём нет листов книги. Возможно, загружен документ Word или другой файл. ' +
          'Выберите отчёт в формате .xlsx и загрузите снова.',
  too_many_entries: (count: number, max: number) =>
    `В книге слишком много внутренних частей (${formatCount(count)}, допускается не больше ${formatCount(max)}). ${SLIM_DOWN}`,
  part_too_large: (part: string, max: number) =>
    `Книга слишком велика после распаковки: одна её часть (${describePart(part)}) больше ${formatBytes(max)}. ${SLIM_DOWN}`,
  total_too_large: (max: number) =>
    `Книга слишком велика после распаковки: больше ${formatBytes(max)} в сумме. ${SLIM_DOWN}`,
  too_many_rows: (sheet: string, max: number) =>
    `На листе «${sheet}» больше ${formatCount(max)} заполненных строк. ` +
    'Проверьте, нет ли ниже таблицы лишних данных или формул, удалите их, сохраните книгу и загрузите снова.',
  too_many_strings: (max: number) =>
    `В книге больше ${formatCount(max)} различных текстов — больше, чем может быть в отчёте. ${SLIM_DOWN}`,
  too_much_text: (max: number) =>
    `В книге больше ${formatCount(max)} символов текста — больше, чем может быть в отчёте. ` +
    'Проверьте, нет ли в ячейках длинных вставленных текстов, удалите их, сохраните книгу и загрузите снова.',
  too_many_merges: (sheet: string, max: number) =>
    `На листе «${sheet}» больше ${formatCount(max)} объединённых ячеек. ` +
    'Снимите объединение (выделите лист → «Объединить и поместить в центре» → отменить), сохраните книгу и загрузите снова.',
  too_much_data: (max: number) =>
    `В книге больше данных, чем может быть в отчёте: проверенные строки заняли бы больше ${formatBytes(max)}. ` +
    'Проверьте, нет ли в ячейках длинных повторяющихся текстов или лишних строк, удалите их, сохраните книгу и загрузите снова.',
  too_slow: (seconds: number) =>
    `Книгу не удалось прочитать за ${formatCount(seconds)} с: она устроена слишком сложно. ${SLIM_DOWN}`,
  too_much_memory: (mib: number) =>
    `Для чтения книги нужно больше ${formatCount(mib)} МБ памяти: она устроена слишком сложно. ${SLIM_DOWN}`,
} satisfies Record<WorkbookErrorCode, (...args: never[]) => string>;

type MessageArgs = { [C in WorkbookErrorCode]: Parameters<(typeof MESSAGES)[C]> };

/** Builds the error for `code` with its standard Russian message; `cause` is kept for the log. */
export function workbookError<C extends WorkbookErrorCode>(
  code: C,
  args: MessageArgs[C],
  cause?: unknown,
): WorkbookError {
  const message = (MESSAGES[code] as (...a: MessageArgs[C]) => string)(...args);
  return new WorkbookError(code, message, cause === undefined ? undefined : { cause });
}

/** Sizes as people read them: «20 МБ», «1,5 МБ», «300 КБ». */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024 * 1024, 'ГБ'],
    [1024 * 1024, 'МБ'],
    [1024, 'КБ'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size)
      return `${(bytes / size).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} ${unit}`;
  }
  return `${bytes} Б`;
}

function formatCount(n: number): string {
  return n.toLocaleString('ru-RU');
}

function describePart(part: string): string {
  if (/^xl\/worksheets\//.test(part)) return `данные листа, ${part}`;
  if (part === 'xl/sharedStrings.xml') return `таблица текстов, ${part}`;
  if (/^xl\/media\//.test(part)) return `рисунок, ${part}`;
  return part;
}
