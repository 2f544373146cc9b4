import { AREAS, findArea } from '../areas/areas';
import { parsePeriod } from '../periods';
import { clip, normalizeName, plural, tidyText } from '../text';

/**
 * A formula cell whose file holds no computed result: written by a program and never opened in a
 * spreadsheet. It is never read as empty: the validator reports it at the cell.
 */
export class FormulaWithoutResult {
  constructor(readonly formula: string = '') {}
}

/**
 * A cell as the workbook reader delivers it: formulas resolved to their cached result (or
 * FormulaWithoutResult), rich text flattened, a merged range's value given to each of its cells.
 */
export type Cell = string | number | boolean | Date | FormulaWithoutResult | null | undefined;

export type Parsed<T> = { value: T } | { error: string };

/**
 * A kind of value a column holds. One object per kind parses a cell, describes the kind
 * in Russian for the template's instructions, and lists the options for a dropdown.
 */
export interface ValueType<T> {
  /** Russian description for the instruction sheet and the docs. */
  readonly description: string;
  /** Allowed values, for a dropdown in the template. */
  readonly options?: readonly string[];
  /**
   * `text`: the template formats the column as text (`@`), so that a spreadsheet does not turn
   * a code such as `15.01.05` into a date.
   */
  readonly cellFormat?: 'text';
  parse(cell: Exclude<Cell, null | undefined | FormulaWithoutResult>): Parsed<T>;
}

/** True for a cell that holds nothing: no value, or only spaces and invisible characters. */
export function isBlank(cell: Cell): cell is null | undefined | '' {
  return cell === null || cell === undefined || (typeof cell === 'string' && !SHOWS_SOMETHING.test(cell));
}

/** A character that is neither a space nor invisible: what tidyText would keep. */
const SHOWS_SOMETHING = /[^\s\u200b-\u200f\u2060\u00ad\ufeff]/u;

/** The cell as a person sees it, for quoting in messages. */
export function showCell(cell: Cell): string {
  if (cell instanceof FormulaWithoutResult) return cell.formula ? `=${cell.formula}` : 'формула';
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? 'неверная дата' : formatIsoDate(toIsoDate(cell));
  return String(cell ?? '').trim();
}

/** The cell as a person sees it, cut for quoting in a message (a cell may hold 32,767 characters). */
export function quoteCell(cell: Cell): string {
  return clip(showCell(cell));
}

const fail = <T>(error: string): Parsed<T> => ({ error });
const ok = <T>(value: T): Parsed<T> => ({ value });

/** Spaces and invisible characters at either end of a text: ignored everywhere. */
const EDGES = /^[\s\u200b-\u200f\u2060\u00ad\ufeff]+|[\s\u200b-\u200f\u2060\u00ad\ufeff]+$/g;

/** Longest free text a cell may hold. */
export const MAX_TEXT_LENGTH = 1000;

/** Longest code (graduate, ОКСО, ОКПДТР, contract number, organization) a cell may hold. */
export const MAX_CODE_LENGTH = 50;

const characters = (n: number) => `${n} ${plural(n, 'символ', 'символа', 'символов')}`;
/** Length in characters as a person counts them (a surrogate pair is one). */
const lengthOf = (value: string) => (/[\ud800-\udfff]/.test(value) ? [...value].length : value.length);

/**
 * The error for a cell longer than any value may be, or undefined. Checked before any value type
 * reads a cell, so that no type spends time on a long text (no cell of any type may exceed it).
 */
export function textTooLong(cell: unknown): string | undefined {
  if (typeof cell !== 'string' || cell.length <= MAX_TEXT_LENGTH) return undefined;
  const length = lengthOf(cell.replace(EDGES, ''));
  return length > MAX_TEXT_LENGTH
    ? `Текст длиннее ${MAX_TEXT_LENGTH} символов: в ячейке ${characters(length)}. Сократите его до ${MAX_TEXT_LENGTH} символов.`
    : undefined;
}

export const text: ValueType<string> = {
  description: `текст (до ${MAX_TEXT_LENGTH} символов)`,
  parse(cell) {
    const tooLong = textTooLong(cell);
    if (tooLong) return fail(tooLong);
    return ok(cell instanceof Date ? formatIsoDate(toIsoDate(cell)) : String(cell).replace(EDGES, ''));
  },
};

/**
 * A code typed as text: `15.01.05`, `12/05`, `SCH01`. A real date in such a cell means the
 * spreadsheet turned the code into a date, so it cannot be trusted. Invisible characters are
 * never part of a code: they are removed.
 */
export const code: ValueType<string> = {
  description: `код (текст, до ${MAX_CODE_LENGTH} символов)`,
  cellFormat: 'text',
  parse(cell) {
    if (cell instanceof Date) {
      return fail(
        `Программа превратила код в дату «${showCell(cell)}». Введите код заново как текст: задайте ячейкам столбца формат «Текстовый» или начните код с апострофа (например, '15.01.05), и наберите его снова.`,
      );
    }
    const value = String(cell)
      .replace(/[\u200b-\u200f\u2060\u00ad\ufeff]/g, '')
      .trim();
    const length = lengthOf(value);
    return length > MAX_CODE_LENGTH
      ? fail(
          `Код длиннее ${MAX_CODE_LENGTH} символов: в ячейке ${characters(length)}. Укажите только сам код, не длиннее ${MAX_CODE_LENGTH} символов.`,
        )
      : ok(value);
  },
};

/**
 * Largest count a cell may hold: more students, hours or vacancies than any organization or city
 * reports, and far below the databases' 32-bit integer columns (PostgreSQL refuses more).
 */
export const MAX_COUNT = 10_000_000;

export const count: ValueType<number> = {
  description: 'целое неотрицательное число',
  parse(cell) {
    const number = typeof cell === 'number' ? cell : typeof cell === 'string' ? parseDecimal(cell) : NaN;
    if (!Number.isInteger(number) || number < 0)
      return fail(`Укажите целое неотрицательное число (например, 12), а не «${quoteCell(cell)}».`);
    return number <= MAX_COUNT
      ? ok(number)
      : fail(
          `Число «${quoteCell(cell)}» слишком большое: в отчёте не бывает больше ${MAX_COUNT.toLocaleString('ru-RU')}. Проверьте, не слились ли в ячейке несколько чисел.`,
        );
  },
};

export const amount: ValueType<number> = {
  description: 'число (рубли)',
  parse(cell) {
    const number = typeof cell === 'number' ? cell : typeof cell === 'string' ? parseDecimal(cell) : NaN;
    return Number.isFinite(number) && number >= 0
      ? ok(number)
      : fail(`Укажите неотрицательное число (например, 45000), а не «${quoteCell(cell)}».`);
  },
};

// Booleans arrive as true/false; the texts are what people type (and a Russian Excel shows).
const YES = new Set(['да', '1', '+', 'true', 'истина']);
const NO = new Set(['нет', '0', '-', 'false', 'ложь']);

export const yesNo: ValueType<boolean> = {
  description: 'Да или Нет',
  options: ['Да', 'Нет'],
  parse(cell) {
    const key = normalizeName(String(cell));
    if (YES.has(key)) return ok(true);
    if (NO.has(key)) return ok(false);
    return fail(`Укажите «Да» или «Нет», а не «${quoteCell(cell)}».`);
  },
};

export const date: ValueType<string> = {
  description: 'дата ДД.ММ.ГГГГ',
  parse(cell) {
    if (cell instanceof Date)
      return Number.isNaN(cell.getTime()) ? fail(dateError(cell)) : ok(toIsoDate(cell));
    const iso = typeof cell === 'string' ? parseDateText(tidyText(cell)) : null;
    return iso ? ok(iso) : fail(dateError(cell));
  },
};

export const period: ValueType<string> = {
  description: 'учебный год, например 2023/2024',
  parse(cell) {
    const parsed = parsePeriod(String(cell));
    return parsed
      ? ok(parsed.code)
      : fail(
          `Укажите учебный год в виде «2023/2024» или «2023/24» (два соседних года), а не «${quoteCell(cell)}».`,
        );
  },
};

const areaOption = (a: (typeof AREAS)[number]) => `${a.code} ${a.shortName}`;
// The template's dropdown offers "06 IT и связь": accepted as exactly that text.
const areaByOption = new Map(AREAS.map((a) => [normalizeName(areaOption(a)), a] as const));

/** An area of professional activity; parses to its two-digit code. */
export const area: ValueType<string> = {
  description: 'код, полное или краткое название области из классификатора',
  options: AREAS.map(areaOption),
  parse(cell) {
    const raw = String(cell);
    const found = findArea(raw) ?? areaByOption.get(normalizeName(raw));
    return found
      ? ok(found.code)
      : fail(
          `Область «${quoteCell(cell)}» не найдена в классификаторе. Укажите код (например, 06), полное или краткое название области — список на листе «Инструкция».`,
        );
  },
};

export const url: ValueType<string> = {
  description: 'адрес страницы, начинается с http:// или https://',
  parse(cell) {
    const raw = String(cell).replace(EDGES, '');
    try {
      const parsed = new URL(raw);
      if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.includes('.'))
        return ok(raw);
    } catch {
      // falls through to the message below
    }
    return fail(`Укажите полный адрес страницы, начиная с http:// или https://, а не «${clip(raw)}».`);
  },
};

/** One of a fixed list of values, matched like names (case, spaces, ё, look-alike and invisible characters). */
export function oneOf<const T extends string>(options: readonly T[]): ValueType<T> {
  const byKey = new Map(options.map((option) => [normalizeName(option), option] as const));
  return {
    description: options.join(', '),
    options,
    parse(cell) {
      const found = byKey.get(normalizeName(typeof cell === 'number' ? String(cell) : showCell(cell)));
      return found
        ? ok(found)
        : fail(`Допустимые значения: ${options.join(', ')}. Указано «${quoteCell(cell)}».`);
    },
  };
}

/** A whole number within [min, max]. */
export function wholeNumber(min: number, max: number): ValueType<number> {
  return {
    description: `целое число от ${min} до ${max}`,
    parse(cell) {
      const number = typeof cell === 'number' ? cell : typeof cell === 'string' ? parseDecimal(cell) : NaN;
      return Number.isInteger(number) && number >= min && number <= max
        ? ok(number)
        : fail(`Укажите целое число от ${min} до ${max}, а не «${quoteCell(cell)}».`);
    },
  };
}

/**
 * `12`, `12.0`, `12,0`, `45 000,50` → number; anything else → NaN. Spaces of any kind (ordinary,
 * non-breaking, narrow) may group thousands, in threes only: `1 234`, not `12 34`.
 */
function parseDecimal(raw: string): number {
  const tidy = tidyText(raw);
  const grouped = /^-?\d{1,3}( \d{3})+([.,]\d+)?$/.test(tidy);
  const compact = (grouped ? tidy.replace(/ /g, '') : tidy).replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : NaN;
}

function dateError(cell: Cell): string {
  return `Укажите дату в виде ДД.ММ.ГГГГ (например, 31.08.2024), а не «${quoteCell(cell)}».`;
}

/**
 * `ДД.ММ.ГГГГ` (also followed by ` г.`) or `ГГГГ-ММ-ДД` → ISO date, or null when it is not a real
 * calendar date.
 */
export function parseDateText(text: string): string | null {
  const raw = tidyText(text).replace(/(\d)\s*г\.?$/, '$1');
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  const [year, month, day] = ru
    ? [Number(ru[3]), Number(ru[2]), Number(ru[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const valid =
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return valid ? toIsoDate(probe) : null;
}

/** Excel dates arrive as UTC midnights: read the calendar day in UTC. */
export function toIsoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function formatIsoDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}
