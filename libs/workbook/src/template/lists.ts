import {
  area,
  areaByCode,
  columnLetter,
  INSTRUCTIONS_SHEET,
  type ValueType,
  type WorkbookKind,
} from '@profmonitor/domain';
import { specsOf } from './describe';

/**
 * A dropdown list written on the instruction sheet. Validations point at its range, not at an
 * inline list: inline lists are limited to 255 characters, and the areas alone exceed that.
 */
export interface DropdownList {
  title: string;
  options: readonly string[];
  /** 0-based column of the options on the instruction sheet. */
  column: number;
  /** A column beside the options that explains them (the full names of the areas). */
  details?: { title: string; values: readonly string[] };
  /** The validation formula: an absolute range on the instruction sheet. */
  formula: string;
}

/** Lists start in column E, to the right of the instructions (A–C) and a spacer column. */
export const LISTS_FIRST_COLUMN = 4;
export const LISTS_HEADING_ROW = 1;
export const LIST_TITLE_ROW = 2;
export const LIST_FIRST_ROW = 3;

const keyOf = (options: readonly string[]) => options.join('\u0000');

/** One list per distinct set of options used by the kind's title items and columns. */
export function planLists(kind: WorkbookKind): Map<string, DropdownList> {
  const uses = new Map<string, { type: ValueType<unknown>; headers: Set<string> }>();
  for (const sheet of [...(kind.titleSheet ? [kind.titleSheet] : []), ...kind.sheets]) {
    for (const spec of specsOf(sheet)) {
      if (!spec.type.options) continue;
      const key = keyOf(spec.type.options);
      const use = uses.get(key) ?? { type: spec.type, headers: new Set<string>() };
      use.headers.add(spec.header);
      uses.set(key, use);
    }
  }
  const lists = new Map<string, DropdownList>();
  let column = LISTS_FIRST_COLUMN;
  for (const [key, { type, headers }] of uses) {
    const options = type.options!;
    // A list shared by many columns (Да/Нет) is named by its type rather than by a row of headers.
    const title = headers.size > 2 ? type.description : [...headers].join(' / ');
    const details = type === area ? { title: 'Полное название', values: options.map(areaName) } : undefined;
    const letter = columnLetter(column);
    const range = `$${letter}$${LIST_FIRST_ROW}:$${letter}$${LIST_FIRST_ROW + options.length - 1}`;
    lists.set(key, {
      title,
      options,
      column,
      details,
      formula: `${quoteSheet(INSTRUCTIONS_SHEET)}!${range}`,
    });
    column += details ? 2 : 1;
  }
  return lists;
}

export function listFor(
  lists: Map<string, DropdownList>,
  type: ValueType<unknown>,
): DropdownList | undefined {
  return type.options ? lists.get(keyOf(type.options)) : undefined;
}

function areaName(option: string): string {
  const parsed = area.parse(option);
  return ('value' in parsed && areaByCode(parsed.value)?.name) || '';
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
