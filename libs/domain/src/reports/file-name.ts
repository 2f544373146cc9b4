/** Longest stored name of an uploaded file, in characters (reports.md, "Files"). */
export const MAX_FILE_NAME_LENGTH = 255;

/** The stored name of a file whose name is empty once cleaned. */
export const UNNAMED_FILE = 'без имени.xlsx';

/** Tabs and line breaks (also NEL) separate words: they become a space rather than vanish. */
const BREAKS = /[\t\n\v\f\r\u0085]+/g;
/** C0 controls, DEL and C1 controls. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
 * direction marks (U+200E, U+200F, U+061C): they can make `отчёт‮xslx.exe` show as
 * `отчётexe.xlsx` in the upload log.
 */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** An extension worth keeping when a long name is cut: `.xlsx`, `.ods`. */
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

/**
 * The name of an uploaded file as it is stored and shown (reports.md, "Files"): without
 * control or bidirectional-formatting characters, without surrounding spaces, at most 255
 * characters (code points, so that no emoji is cut in half; a long name keeps its extension),
 * and «без имени.xlsx» when nothing is left.
 */
export function cleanFileName(name: string): string {
  const cleaned = name.replace(BREAKS, ' ').replace(CONTROLS, '').replace(BIDI, '').trim();
  if (cleaned === '') return UNNAMED_FILE;
  const characters = Array.from(cleaned);
  if (characters.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const extension = EXTENSION.exec(cleaned)?.[0] ?? '';
  const head = characters.slice(0, MAX_FILE_NAME_LENGTH - Array.from(extension).length).join('');
  return `${head.trimEnd()}${extension}`;
}
