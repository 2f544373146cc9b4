import { AREAS, findArea } from '../areas/areas';
import { parsePeriod } from '../periods';
import { normalizeName } from '../text';

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

/** True for a cell that holds nothing: no value, or only spaces. */
export function isBlank(cell: Cell): cell is null | undefined | '' {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The cell as a person sees it, for quoting in messages. */
export function showCell(cell: Cell): string {
  if (cell instanceof FormulaWithoutResult) return cell.formula ? `=${cell.formula}` : 'формула';
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? 'неверная дата' : formatIsoDate(toIsoDate(cell));
  return String(cell ?? '').trim();
}

const fail = <T>(error: string): Parsed<T> => ({ error });
const ok = <T>(value: T): Parsed<T> => ({ value });

export const text: ValueType<string> = {
  description: 'текст',
  parse: (cell) => ok(cell instanceof Date ? formatIsoDate(toIsoDate(cell)) : String(cell).trim()),
};

/** Longest code (graduate, ОКСО, ОКПДТР, contract number, organization) a cell may hold. */
export const MAX_CODE_LENGTH = 50;

/**
 * A code typed as text: `15.01.05`, `12/05`, `SCH01`. A real date in such a cell means the
 * spreadsheet turned the code into a date, so it cannot be trusted.
 */
export const code: ValueType<string> = {
  description: `код (текст, до ${MAX_CODE_LENGTH} символов)`,
  cellFormat: 'text',
  parse(cell) {
    if (cell instanceof Date) {
      return fail(
        `Программа превратила код в дату «${showCell(cell)}». Введите код заново как текст: задайте ячейкам столбца формат «Текстовый» или начните код с апострофа (например, '15.01.05).`,
      );
    }
    const value = String(cell).trim();
    return value.length > MAX_CODE_LENGTH
      ? fail(`Код длиннее ${MAX_CODE_LENGTH} символов (${value.length}). Укажите только сам код.`)
      : ok(value);
  },
};

export const count: ValueType<number> = {
  description: 'целое неотрицательное число',
  parse(cell) {
    const number = typeof cell === 'number' ? cell : typeof cell === 'string' ? parseDecimal(cell) : NaN;
    return Number.isInteger(number) && number >= 0
      ? ok(number)
      : fail(`Укажите целое неотрицательное число (например, 12), а не «${showCell(cell)}».`);
  },
};

export const amount: ValueType<number> = {
  description: 'число (рубли)',
  parse(cell) {
    const number = typeof cell === 'number' ? cell : typeof cell === 'string' ? parseDecimal(cell) : NaN;
    return Number.isFinite(number) && number >= 0
      ? ok(number)
      : fail(`Укажите неотрицательное число (например, 45000), а не «${showCell(cell)}».`);
  },
};

const YES = new Set(['да', '1', '+', 'true']);
const NO = new Set(['нет', '0', '-', 'false']);

export const yesNo: ValueType<boolean> = {
  description: 'Да или Нет',
  options: ['Да', 'Нет'],
  parse(cell) {
    const key = normalizeName(String(cell));
    if (YES.has(key)) return ok(true);
    if (NO.has(key)) return ok(false);
    return fail(`Укажите «Да» или «Нет», а не «${showCell(cell)}».`);
  },
};

export const date: ValueType<string> = {
  description: 'дата ДД.ММ.ГГГГ',
  parse(cell) {
    if (cell instanceof Date)
      return Number.isNaN(cell.getTime()) ? fail(dateError(cell)) : ok(toIsoDate(cell));
    const iso = typeof cell === 'string' ? parseDateText(cell.trim()) : null;
    return iso ? ok(iso) : fail(dateError(cell));
  },
};

export const period: ValueType<string> = {
  description: 'учебный год, например 2023/2024',
  parse(cell) {
    const parsed = parsePeriod(String(cell));
    return parsed
      ? ok(parsed.code)
      : fail(`Укажите учебный год в виде «2023/2024» (два соседних года), а не «${showCell(cell)}».`);
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
    const raw = String(cell).trim();
    const found = findArea(raw) ?? areaByOption.get(normalizeName(raw));
    return found
      ? ok(found.code)
      : fail(
          `Область «${raw}» не найдена в классификаторе. Укажите код (например, 06), полное или краткое название области — список на листе «Инструкция».`,
        );
  },
};

export const url: ValueType<string> = {
  description: 'адрес страницы, начинается с http:// или https://',
  parse(cell) {
    const raw = String(cell).trim();
    try {
      const parsed = new URL(raw);
      if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.includes('.'))
        return ok(raw);
    } catch {
      // falls through to the message below
    }
    return fail(`Укажите полный адрес страницы, начиная с http:// или https://, а не «${raw}».`);
  },
};

/** One of a fixed list of values, matched like names (case, spaces, ё). */
export function oneOf<const T extends string>(options: readonly T[]): ValueType<T> {
  const byKey = new Map(options.map((option) => [normalizeName(option), option] as const));
  return {
    description: options.join(', '),
    options,
    parse(cell) {
      const found = byKey.get(normalizeName(typeof cell === 'number' ? String(cell) : showCell(cell)));
      return found
        ? ok(found)
        : fail(`Допустимые значения: ${options.join(', ')}. Указано «${showCell(cell)}».`);
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
        : fail(`Укажите целое число от ${min} до ${max}, а не «${showCell(cell)}».`);
    },
  };
}

/** `12`, `12.0`, `12,0`, `45 000,50` → number; anything else → NaN. */
function parseDecimal(raw: string): number {
  const compact = raw
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : NaN;
}

function dateError(cell: Cell): string {
  return `Укажите дату в виде ДД.ММ.ГГГГ (например, 31.08.2024), а не «${showCell(cell)}».`;
}

/** `ДД.ММ.ГГГГ` or `ГГГГ-ММ-ДД` → ISO date, or null when it is not a real calendar date. */
export function parseDateText(raw: string): string | null {
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
