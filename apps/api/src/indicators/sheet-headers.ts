import { schoolWorkbook, type AnySheet, type SheetId } from '@profmonitor/domain';

const SCHEMAS = new Map<string, AnySheet>(
  [schoolWorkbook.titleSheet!, ...schoolWorkbook.sheets].map((schema) => [schema.id, schema]),
);

/** Column key → header, in schema order: stored rows shown as the person filled them in. */
export function headersOf(sheet: SheetId): [string, string][] {
  const schema = SCHEMAS.get(sheet)!;
  const columns = schema.layout === 'items' ? schema.items : schema.columns;
  return columns.map((c) => [c.key, c.header]);
}
