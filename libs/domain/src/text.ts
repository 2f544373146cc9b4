/**
 * Normalises a sheet name, column header or enumerated value for matching:
 * case-insensitive, surrounding and repeated spaces ignored, ё read as е,
 * and a trailing `*` (the template's "required" mark) dropped.
 */
export function normalizeName(text: string): string {
  return text
    .replace(/\*\s*$/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е');
}
