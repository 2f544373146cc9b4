export type WorkbookErrorCode =
  | 'empty'
  | 'not_workbook'
  | 'encrypted'
  | 'corrupt'
  | 'file_too_large'
  | 'too_many_entries'
  | 'part_too_large'
  | 'total_too_large'
  | 'too_many_rows'
  | 'too_many_cells'
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

/** What to do with a file that is no workbook: open it where it can be read and save it as one. */
const SAVE_AS_WORKBOOK =
  'Откройте его в Excel или LibreOffice Calc и сохраните как «Книга Excel (*.xlsx)», затем загрузите снова.';
const COPY_INTO_TEMPLATE =
  'Перенесите таблицу в шаблон отчёта в Excel или LibreOffice Calc и сохраните как «Книга Excel (*.xlsx)», затем загрузите снова.';

/**
 * What a file that is not a workbook (.xlsx, .xlsm, .xls, .ods) turned out to be, told from its
 * content: each gets a message naming it and saying how to make a workbook of it.
 */
export type NotWorkbookKind =
  | 'text'
  | 'pdf'
  | 'html'
  | 'xml'
  | 'rtf'
  | 'image'
  | 'word'
  | 'odt'
  | 'presentation'
  | 'opendocument'
  | 'xlsb'
  | 'zip'
  | 'ole'
  | 'other';

const NOT_WORKBOOK = {
  text:
    'Файл не является книгой Excel: это текст или таблица CSV. Откройте его в Excel или LibreOffice Calc ' +
    '(при открытии CSV выберите кодировку и разделитель, чтобы столбцы разделились правильно) ' +
    'и сохраните как «Книга Excel (*.xlsx)», затем загрузите снова.',
  pdf:
    'Файл — это документ PDF, а не книга Excel: таблицу из PDF прочитать нельзя. Откройте исходную таблицу, ' +
    'из которой сделан PDF, в Excel или LibreOffice Calc и сохраните её как «Книга Excel (*.xlsx)», затем загрузите снова.',
  html:
    'Файл — это веб-страница (HTML), а не книга Excel, хотя у него может быть расширение .xls: ' +
    `так выгружают таблицы некоторые программы. ${SAVE_AS_WORKBOOK}`,
  xml: `Файл — это документ XML (например, «Таблица XML 2003»), а не книга Excel. ${SAVE_AS_WORKBOOK}`,
  rtf: `Файл — это текстовый документ RTF, а не книга Excel. ${COPY_INTO_TEMPLATE}`,
  image:
    'Файл — это изображение (фотография или скан), а не книга Excel: данные с картинки прочитать нельзя. ' +
    'Заполните шаблон отчёта в Excel или LibreOffice Calc и сохраните как «Книга Excel (*.xlsx)», затем загрузите снова.',
  word: `Файл — это документ Word (.docx или .doc), а не книга Excel. ${COPY_INTO_TEMPLATE}`,
  odt: `Файл — это текстовый документ OpenDocument (.odt, LibreOffice Writer), а не электронная таблица. ${COPY_INTO_TEMPLATE}`,
  presentation: `Файл — это презентация (PowerPoint или LibreOffice Impress), а не книга Excel. ${COPY_INTO_TEMPLATE}`,
  opendocument: `Файл — это документ OpenDocument, но не электронная таблица (.ods). ${COPY_INTO_TEMPLATE}`,
  xlsb:
    'Книга сохранена в двоичном формате Excel (.xlsb), который не принимается. ' +
    'Откройте её в Excel и сохраните как «Книга Excel (*.xlsx)», затем загрузите снова.',
  zip:
    'Файл — это архив, но не книга Excel: в нём нет листов книги. Если отчёт лежит в архиве (.zip), ' +
    'извлеките его и загрузите сам файл книги (.xlsx, .xlsm, .xls или .ods).',
  ole: `Файл — это документ Microsoft Office старого формата, но не книга Excel. ${SAVE_AS_WORKBOOK}`,
  other:
    'Файл не является книгой Excel или LibreOffice: принимаются файлы .xlsx, .xlsm, .xls и .ods. ' +
    'Откройте отчёт в Excel или LibreOffice Calc и сохраните как «Книга Excel (*.xlsx)», затем загрузите снова.',
} satisfies Record<NotWorkbookKind, string>;

/** One message per code: the single place where the reader's user-facing texts live. */
const MESSAGES = {
  empty: () =>
    'Файл пустой (0 байт): в нём нет отчёта. Откройте отчёт в Excel или LibreOffice Calc, ' +
    'сохраните как «Книга Excel (*.xlsx)» и загрузите снова.',
  file_too_large: (size: number, max: number) =>
    `Файл слишком большой: ${formatBytes(size)}, а допускается не больше ${formatBytes(max)}. ${SLIM_DOWN}`,
  not_workbook: (kind: NotWorkbookKind) => NOT_WORKBOOK[kind],
  encrypted: () =>
    'Книга защищена паролем, и прочитать её нельзя. Откройте её, введя пароль, и снимите его: в Excel — ' +
    '«Файл» → «Сведения» → «Защита книги» → «Зашифровать с использованием пароля» (сотрите пароль), в LibreOffice Calc — ' +
    '«Файл» → «Сохранить как» без флажка «Сохранить с паролем». Сохраните книгу и загрузите снова.',
  corrupt: (detail?: string) =>
    `Файл повреждён или сохранён не полностью${detail ? ` (${detail})` : ''}. ${RESAVE}`,
  too_many_entries: (count: number, max: number) =>
    `В книге слишком много внутренних частей (${formatCount(count)}, допускается не больше ${formatCount(max)}). ${SLIM_DOWN}`,
  part_too_large: (part: string, max: number) =>
    `Книга слишком велика после распаковки: одна её часть (${describePart(part)}) больше ${formatBytes(max)}. ${SLIM_DOWN}`,
  total_too_large: (max: number) =>
    `Книга слишком велика после распаковки: больше ${formatBytes(max)} в сумме. ${SLIM_DOWN}`,
  too_many_rows: (sheet: string, max: number) =>
    `На листе «${sheet}» больше ${formatCount(max)} заполненных строк. ` +
    'Проверьте, нет ли ниже таблицы лишних данных или формул, удалите их, сохраните книгу и загрузите снова.',
  too_many_cells: (max: number) =>
    `В книге больше ${formatCount(max)} ячеек, размноженных повтором (одно значение, повторённое на множество строк ` +
    'или столбцов), — больше, чем может быть в отчёте. Удалите лишние строки и столбцы за таблицей, сохраните книгу и загрузите снова.',
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
