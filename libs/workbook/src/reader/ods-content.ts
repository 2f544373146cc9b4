import type { WorkbookLimits } from './limits';
import { workbookError } from './workbook-error';

/** A formula cell of an .ods that holds no computed value, 0-based, with its repeats. */
export interface OdsFormulaBlock {
  row: number;
  column: number;
  rows: number;
  columns: number;
  formula: string;
}

export interface OdsContentScan {
  /** Per table, in document order: formula cells without a value (SheetJS drops them). */
  formulasWithoutResult: OdsFormulaBlock[][];
}

/**
 * What the scan allows beyond the rows limit: cells that one written cell stands for through
 * `number-rows-repeated` × `number-columns-repeated`, over the whole workbook. LibreOffice
 * writes a repeat for neighbouring equal values (`Да` in three columns); real reports stay far
 * below ten repeated cells per row allowed.
 */
export function maxRepeatedCells(limits: WorkbookLimits): number {
  return limits.maxRowsPerSheet * 10;
}

/**
 * Checks an .ods's content.xml before SheetJS builds cells from it. SheetJS expands
 * `number-rows-repeated` × `number-columns-repeated` into one cell object each (a few bytes
 * of XML can ask for billions) and `<text:s text:c="N"/>` into N spaces, with no limit. This
 * walks the same tags the same way (SheetJS 0.20.3's `parse_content_xml`: its tag pattern, its
 * row and column counting, its rule for which cells it keeps) and refuses, before any cell is
 * built: more rows with a value in a table than `maxRowsPerSheet` (`too_many_rows`), more
 * repeated cells than `maxRepeatedCells` (`too_many_cells`), more text made by repeats and
 * space runs than `maxSharedTextChars` (`too_much_text`). It also finds formula cells written
 * without a value, which SheetJS leaves out, so that they are reported at their cell.
 */
export function scanOdsContent(xml: string, limits: WorkbookLimits): OdsContentScan {
  const maxCells = maxRepeatedCells(limits);
  const str = removeDoctype(removeComments(xml));
  const tables: OdsFormulaBlock[][] = [];
  let formulas: OdsFormulaBlock[] = [];
  let tableName = '';
  let valueRows = 0;
  let R = -1;
  let C = -1;
  let rowpeat = 1;
  let rowHasCell = false;
  let rowHasSingleCell = false;
  let repeatedCells = 0;
  let madeChars = 0;
  let annotationDepth = 0;
  let cell: OpenCell | null = null;
  let textFrom = -1;

  const tag = new RegExp(TAG.source, 'mg');
  for (let m = tag.exec(str); m; m = tag.exec(str)) {
    if (cell && textFrom >= 0) cell.chars += m.index - textFrom;
    textFrom = m.index + m[0].length;
    const closing = m[1] === '/';
    const selfClosing = m[0].endsWith('/>');
    const name = m[3].replace(/_[\s\S]*$/, '');
    switch (name) {
      case 'table':
        if (closing) {
          tables.push(formulas);
        } else if (!selfClosing) {
          tableName = attributes(m[0]).name ?? '';
          valueRows = 0;
          R = C = -1;
          formulas = [];
        }
        break;
      case 'table-row':
        if (closing) {
          if (rowHasCell) valueRows += rowCount(rowpeat);
          else if (rowHasSingleCell) valueRows += 1;
          if (valueRows > limits.maxRowsPerSheet)
            throw workbookError('too_many_rows', [tableName, limits.maxRowsPerSheet]);
          R += rowpeat;
          rowpeat = 1;
          break;
        }
        if (R === -1) R = 0;
        // As SheetJS reads it (`+value || 1`), odd values included.
        rowpeat = Number(attributes(m[0])['number-rows-repeated']) || 1;
        rowHasCell = rowHasSingleCell = false;
        C = -1;
        break;
      case 'covered-table-cell':
        if (!closing) {
          ++C;
          C += (parseInt(attributes(m[0])['number-columns-repeated'] ?? '1', 10) || 1) - 1;
        }
        break;
      case 'table-cell':
        if (selfClosing) {
          ++C;
          const attrs = attributes(m[0]);
          const colpeat = parseInt(attrs['number-columns-repeated'] ?? '1', 10) || 1;
          // Kept once, at its first column, and only as a string.
          if (attrs['value-type'] === 'string') rowHasSingleCell = true;
          if (attrs.formula !== undefined && attrs['value-type'] === undefined) {
            formulas.push({ row: R, column: C, rows: 1, columns: 1, formula: formulaText(attrs.formula) });
          }
          C += colpeat - 1;
        } else if (!closing) {
          ++C;
          const attrs = attributes(m[0]);
          cell = {
            row: R,
            column: C,
            colpeat: parseInt(attrs['number-columns-repeated'] ?? '1', 10),
            stringish: ['string', 'text', undefined].includes(attrs['value-type']),
            withoutValue: attrs.formula !== undefined && attrs['value-type'] === undefined,
            formula: attrs.formula,
            paragraph: false,
            chars: 0,
          };
          textFrom = m.index + m[0].length;
        } else if (cell) {
          // SheetJS keeps it once per repeated row and column (`NaN` or less than 1: once).
          const columns = cell.colpeat >= 1 ? cell.colpeat : 1;
          const extra = Math.max(rowCount(rowpeat) * columns - 1, 0);
          const kept = !cell.stringish || cell.paragraph;
          if (kept) {
            rowHasCell = true;
            // Checked here too: the cells are built when the cell closes, even if its row never does.
            if (valueRows + rowCount(rowpeat) > limits.maxRowsPerSheet)
              throw workbookError('too_many_rows', [tableName, limits.maxRowsPerSheet]);
          }
          if (kept || cell.withoutValue) {
            repeatedCells += extra;
            if (repeatedCells > maxCells) throw workbookError('too_many_cells', [maxCells]);
          }
          if (kept && extra > 0) {
            madeChars += extra * cell.chars;
            if (madeChars > limits.maxSharedTextChars)
              throw workbookError('too_much_text', [limits.maxSharedTextChars]);
          }
          if (cell.withoutValue) {
            formulas.push({
              row: cell.row,
              column: cell.column,
              rows: rowCount(rowpeat),
              columns,
              formula: formulaText(cell.formula ?? ''),
            });
          }
          C += cell.colpeat - 1;
          cell = null;
        }
        break;
      case 'annotation':
        if (closing) annotationDepth = Math.max(annotationDepth - 1, 0);
        else if (!selfClosing) annotationDepth++;
        break;
      case 'p':
        if (cell && !closing && !selfClosing && annotationDepth === 0) cell.paragraph = true;
        break;
      case 's': {
        // `<text:s text:c="N"/>` becomes N spaces wherever it is.
        const spaces = parseInt(attributes(m[0]).c ?? '1', 10) || 1;
        madeChars += spaces;
        if (cell) cell.chars += spaces;
        if (madeChars > limits.maxSharedTextChars)
          throw workbookError('too_much_text', [limits.maxSharedTextChars]);
        break;
      }
    }
  }
  return { formulasWithoutResult: tables };
}

/** How many rows a row repeated `rowpeat` times makes in SheetJS (`for (i = 0; i < rowpeat; ++i)`). */
function rowCount(rowpeat: number): number {
  return rowpeat > 0 ? Math.ceil(rowpeat) : 0;
}

interface OpenCell {
  row: number;
  column: number;
  /** `number-columns-repeated` as SheetJS parses it: may be NaN or less than 1. */
  colpeat: number;
  /** A string cell (or one without a type) is kept only when it has a paragraph. */
  stringish: boolean;
  withoutValue: boolean;
  formula: string | undefined;
  paragraph: boolean;
  /** Characters of its text as written, and the spaces its `text:s` make. */
  chars: number;
}

/** SheetJS's pattern for a tag (`xlmlregex`): a name, `name="value"` attributes, maybe `/`. */
const TAG = /<([/]?)([^\s?><!/:"]*:|)([^\s?<>:/"]+)(?:\s+[^<>=?"'\s]+="[^"]*?")*\s*[/]?>/;
const ATTRIBUTE = /\s([^\s=]+)="([^"]*)"/g;

/**
 * A tag's attributes by local name, as SheetJS's `parsexmltag` keys them: without the prefix,
 * a later one replacing an earlier one of the same name unless its prefix ends in `ext`
 * (`office:value-type="string" calcext:value-type="error"` is a string).
 */
function attributes(tag: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [, qualified, value] of tag.matchAll(ATTRIBUTE)) {
    const colon = qualified.indexOf(':');
    if (colon < 0) {
      out[qualified.replace(/_.*$/, '')] = value;
      continue;
    }
    const local = qualified.slice(colon + 1);
    if (out[local] !== undefined && qualified.slice(colon - 3, colon) === 'ext') continue;
    out[local] = value;
  }
  return out;
}

/** `of:=SUM([.B2:.B9])` as a person would type it: `SUM(B2:B9)`. */
function formulaText(formula: string): string {
  return unescapeXml(formula)
    .replace(/^[a-z]+:=?/i, '')
    .replace(/^=/, '')
    .replace(/\[([^\]]*)\]/g, (_, ref: string) =>
      ref
        .split(':')
        .map((part) =>
          part.replace(/^\$?'?([^'.]*)'?\.(?=\$?[A-Z])/i, (__, sheet: string) => (sheet ? `${sheet}!` : '')),
        )
        .join(':'),
    );
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** SheetJS's `str_remove_ng(str, "<!--", "-->")`: an unclosed comment drops the rest. */
function removeComments(str: string): string {
  let at = str.indexOf('<!--');
  if (at < 0) return str;
  const out: string[] = [];
  let last = 0;
  while (at > -1) {
    out.push(str.slice(last, at));
    const end = str.indexOf('-->', at + 4);
    if (end < 0) break;
    last = end + 3;
    at = str.indexOf('<!--', last);
    if (at < 0) out.push(str.slice(last));
  }
  return out.join('');
}

/** SheetJS's `remove_doctype`. */
function removeDoctype(str: string): string {
  const start = str.slice(0, 1024).indexOf('<!DOCTYPE');
  if (start < 0) return str;
  const next = /<[\w]/.exec(str);
  if (!next) return str;
  return str.slice(0, start) + str.slice(next.index);
}
