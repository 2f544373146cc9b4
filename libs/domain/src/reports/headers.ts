import { normalizeName } from '../text';

/** A unit longer than this is more likely a different column than a unit of this one. */
const MAX_UNIT_LENGTH = 30;

/** No column name is this long: a longer header is only compared whole. */
const MAX_HEADER_LENGTH = 300;

/** Every kind of quote reads as one: people type «», “” and "" alike. */
const QUOTES = /[«»“”„"'‘’‚`]/g;

/** Trailing required marks, colons and spaces: `Класс *`, `Код организации:`. */
const TRAILING_MARKS = /[\s*:]+$/;

function headerKey(text: string): string {
  return normalizeName(text).replace(QUOTES, '"');
}

/**
 * The keys a header text may stand for, most exact first (reports.md, "Finding sheets, the
 * header and columns"): the normalised text itself; without a trailing `*` or colon; then
 * without a unit after a comma or in parentheses (`Обучающихся, чел.`, `Часов (ак. ч)`),
 * once or twice. A column whose own name holds a comma (`Организация, проводившая обучение`)
 * is therefore matched by its whole name before any shorter one.
 */
export function headerCandidates(text: string): string[] {
  const exact = headerKey(text);
  if (exact.length > MAX_HEADER_LENGTH) return [exact];
  const candidates = [exact];
  let current = exact.replace(TRAILING_MARKS, '');
  candidates.push(current);
  for (let i = 0; i < 2; i++) {
    const base = withoutUnit(current);
    if (base === undefined) break;
    current = base.replace(TRAILING_MARKS, '');
    candidates.push(current);
  }
  return [...new Set(candidates)].filter((key) => key !== '');
}

/** The text before a trailing unit `(…)` or `, …`, or undefined when there is none. */
function withoutUnit(key: string): string | undefined {
  const parenthesis = /^(.*\S)\s*\(([^()]*)\)$/.exec(key);
  if (parenthesis && parenthesis[2].trim().length <= MAX_UNIT_LENGTH) return parenthesis[1];
  const comma = key.lastIndexOf(',');
  if (comma > 0) {
    const unit = key.slice(comma + 1).trim();
    if (unit.length > 0 && unit.length <= MAX_UNIT_LENGTH) return key.slice(0, comma).trimEnd();
  }
  return undefined;
}

/**
 * Finds which of a sheet's columns (or a title sheet's items) a header text names. Built once
 * per sheet from the names the contract gives.
 */
export class HeaderMatcher<T> {
  private readonly byKey = new Map<string, T>();

  constructor(entries: Iterable<readonly [name: string, value: T]>) {
    for (const [name, value] of entries) {
      const key = headerKey(name);
      if (!this.byKey.has(key)) this.byKey.set(key, value);
    }
  }

  /** The entry the header names, trying the exact name first, then without marks and units. */
  match(text: string): T | undefined {
    for (const key of headerCandidates(text)) {
      const found = this.byKey.get(key);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}
